package io.sxs.mapper.replay;

import io.sxs.mapper.MapperSettings;
import io.sxs.mapper.MapperTopology;
import io.sxs.mapper.serde.MapperSerdes;
import io.sxs.mapper.view.ViewTopology;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.envelope.IdMapEntry;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncStage;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.Topics;
import io.sxs.schemas.view.ViewKey;
import io.sxs.schemas.view.ViewRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Rebuilds a connection's ID map and merged view from its log alone, by running the mapper's own topology and then the
 * view's over the recorded inputs in a fresh state folder (Kafka Streams' {@link TopologyTestDriver}, its clock moved
 * to each record's time): the connection's record, every change read from either system and every write result, in
 * the order of their timestamps; the view gets the rebuilt changelogs with the sync log (the replayed mapper's entries
 * and the connectors' own). Command ids are random, so each command the replay issues is paired with the logged
 * command for the same item, version and action, and the logged results are fed under the replay's ids; a command
 * issued on one side only is itself reported.
 */
public final class LogReplay {

    /** What the log rebuilds: the ID map, the view, and what did not pair up while replaying. */
    public record Rebuilt(Map<EntityKey, IdMapEntry> idMap, Map<ViewKey, ViewRecord> view, List<String> unpaired,
                          int inputs, int commands) {
    }

    private final Map<String, Object> serdeConfig;
    private final MapperSettings settings;

    /** @param serdeConfig the serdes' settings (the live schema store, so every logged record decodes) */
    public LogReplay(Map<String, Object> serdeConfig, MapperSettings settings) {
        this.serdeConfig = Map.copyOf(serdeConfig);
        this.settings = settings.withSerdeConfig(serdeConfig);
    }

    /**
     * @param connections the connection's records on {@code sxs.connections}
     * @param inputs      its records on the change topics and the results topic
     * @param commands    its records on the command topics (to pair the replay's ids with the logged ones)
     * @param syncLog     its records on the sync log (the connectors' entries are taken from it)
     * @param folder      a fresh folder for the rebuilt state stores
     */
    public Rebuilt rebuild(List<LoggedRecord> connections, List<LoggedRecord> inputs, List<LoggedRecord> commands,
                           List<LoggedRecord> syncLog, Path folder) {
        MapperSerdes serdes = new MapperSerdes(serdeConfig);
        AvroSerde<SpecificRecordBase> avro = serdes.value();
        Serde<EntityKey> keys = serdes.key();
        List<String> unpaired = new ArrayList<>();
        Map<String, Deque<String>> logged = new HashMap<>();
        for (LoggedRecord r : commands) {
            if (r.value() != null && avro.deserialize(r.topic(), r.value()) instanceof Command c) {
                logged.computeIfAbsent(pairing(c), k -> new ArrayDeque<>()).add(c.getCommandId());
            }
        }
        Map<String, String> replayIdOfLogged = new HashMap<>();
        List<TestRecord<byte[], byte[]>> idMapLog = new ArrayList<>();
        List<TestRecord<byte[], byte[]>> latestLog = new ArrayList<>();
        List<TestRecord<byte[], byte[]>> mapperLog = new ArrayList<>();
        Map<EntityKey, IdMapEntry> idMap = new LinkedHashMap<>();
        int issued = 0;
        List<LoggedRecord> ordered = new ArrayList<>(inputs);
        ordered.sort(Comparator.comparingLong(LoggedRecord::timestamp).thenComparing(LoggedRecord::topic)
                .thenComparingLong(LoggedRecord::offset));
        Instant start = Instant.ofEpochMilli(ordered.isEmpty() ? System.currentTimeMillis() : ordered.get(0).timestamp());
        try (TopologyTestDriver mapper = new TopologyTestDriver(MapperTopology.build(settings),
                properties(Topics.MAPPER_APPLICATION_ID, folder.resolve("mapper")), start)) {
            Map<String, TestInputTopic<byte[], byte[]>> in = new HashMap<>();
            for (String topic : List.of(Topics.CONNECTIONS, Topics.CHANGES_SCORO, Topics.CHANGES_XERO, Topics.RESULTS)) {
                in.put(topic, mapper.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer()));
            }
            List<TestOutputTopic<byte[], byte[]>> out = new ArrayList<>();
            for (String topic : List.of(Topics.COMMANDS_SCORO, Topics.COMMANDS_XERO)) {
                out.add(mapper.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
            }
            TestOutputTopic<byte[], byte[]> idMapOut = output(mapper, Topics.IDMAP);
            TestOutputTopic<byte[], byte[]> latestOut = output(mapper, Topics.LATEST);
            TestOutputTopic<byte[], byte[]> logOut = output(mapper, Topics.SYNC_LOG);
            for (LoggedRecord c : connections) {
                in.get(Topics.CONNECTIONS).pipeInput(new TestRecord<>(c.key(), c.value(), Instant.ofEpochMilli(c.timestamp())));
            }
            long clock = start.toEpochMilli();
            for (LoggedRecord r : ordered) {
                if (r.timestamp() > clock) {
                    mapper.advanceWallClockTime(Duration.ofMillis(r.timestamp() - clock));
                    clock = r.timestamp();
                }
                byte[] value = r.value();
                if (Topics.RESULTS.equals(r.topic()) && value != null
                        && avro.deserialize(r.topic(), value) instanceof WriteResult result) {
                    String replayId = replayIdOfLogged.get(result.getCommandId());
                    if (replayId == null) {
                        unpaired.add("result of command " + result.getCommandId() + " (" + result.getAction() + " "
                                + result.getEntity() + " " + result.getSourceSystem() + " " + result.getSourceId()
                                + ") that the replay did not issue");
                    } else {
                        result.setCommandId(replayId);
                        value = avro.serialize(r.topic(), result);
                    }
                }
                in.get(r.topic()).pipeInput(new TestRecord<>(r.key(), value, Instant.ofEpochMilli(r.timestamp())));
                for (TestOutputTopic<byte[], byte[]> topic : out) {
                    for (TestRecord<byte[], byte[]> rec : topic.readRecordsToList()) {
                        Command c = (Command) avro.deserialize(null, rec.value());
                        issued++;
                        Deque<String> candidates = logged.get(pairing(c));
                        String loggedId = candidates == null ? null : candidates.poll();
                        if (loggedId == null) {
                            unpaired.add("the replay issued " + describe(c) + ", the log has no such command");
                        } else {
                            replayIdOfLogged.put(loggedId, c.getCommandId());
                        }
                    }
                }
                idMapLog.addAll(idMapOut.readRecordsToList());
                latestLog.addAll(latestOut.readRecordsToList());
                mapperLog.addAll(logOut.readRecordsToList());
            }
            logged.values().forEach(rest -> rest.forEach(id -> unpaired.add("the log has command " + id
                    + " that the replay did not issue")));
            KeyValueStore<EntityKey, IdMapEntry> store = mapper.getKeyValueStore(Topics.IDMAP_STORE);
            try (KeyValueIterator<EntityKey, IdMapEntry> all = store.all()) {
                all.forEachRemaining(kv -> idMap.put(kv.key, withLoggedCommand(kv.value, replayIdOfLogged)));
            }
        }
        Map<ViewKey, ViewRecord> view = rebuildView(connections, idMapLog, latestLog, mapperLog, syncLog, folder, avro);
        return new Rebuilt(idMap, view, unpaired, inputs.size(), issued);
    }

    private Map<ViewKey, ViewRecord> rebuildView(List<LoggedRecord> connections, List<TestRecord<byte[], byte[]>> idMapLog,
                                                 List<TestRecord<byte[], byte[]>> latestLog,
                                                 List<TestRecord<byte[], byte[]>> mapperLog, List<LoggedRecord> syncLog,
                                                 Path folder, AvroSerde<SpecificRecordBase> avro) {
        // The sync log as the replay would have it: the replayed mapper's entries and the connectors' logged ones.
        List<Fed> feed = new ArrayList<>();
        connections.forEach(c -> feed.add(new Fed(Topics.CONNECTIONS, c.key(), c.value(), c.timestamp(), 0)));
        idMapLog.forEach(r -> feed.add(new Fed(Topics.IDMAP, r.key(), r.value(), r.timestamp(), 1)));
        latestLog.forEach(r -> feed.add(new Fed(Topics.LATEST, r.key(), r.value(), r.timestamp(), 1)));
        mapperLog.forEach(r -> feed.add(new Fed(Topics.SYNC_LOG, r.key(), r.value(), r.timestamp(), 2)));
        for (LoggedRecord r : syncLog) {
            if (r.value() != null && avro.deserialize(r.topic(), r.value()) instanceof SyncLogEntry e
                    && e.getStage() != SyncStage.MAPPER) {
                feed.add(new Fed(Topics.SYNC_LOG, r.key(), r.value(), r.timestamp(), 2));
            }
        }
        feed.sort(Comparator.comparingLong(Fed::timestamp).thenComparingInt(Fed::rank));
        Map<ViewKey, ViewRecord> view = new LinkedHashMap<>();
        long first = feed.isEmpty() ? System.currentTimeMillis() : feed.get(0).timestamp();
        try (TopologyTestDriver driver = new TopologyTestDriver(ViewTopology.build(serdeConfig),
                properties(Topics.VIEW_APPLICATION_ID, folder.resolve("view")), Instant.ofEpochMilli(first))) {
            Map<String, TestInputTopic<byte[], byte[]>> in = new HashMap<>();
            for (String topic : List.of(Topics.CONNECTIONS, Topics.IDMAP, Topics.LATEST, Topics.SYNC_LOG)) {
                in.put(topic, driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer()));
            }
            for (Fed f : feed) {
                in.get(f.topic()).pipeInput(new TestRecord<>(f.key(), f.value(), Instant.ofEpochMilli(f.timestamp())));
            }
            AvroSerde<ViewKey> viewKeys = new AvroSerde<>();
            viewKeys.configure(serdeConfig, true);
            for (String topic : Topics.views()) {
                if (!driver.producedTopicNames().contains(topic)) {
                    continue;
                }
                for (KeyValue<byte[], byte[]> kv : output(driver, topic).readKeyValuesToList()) {
                    ViewKey key = viewKeys.deserialize(topic, kv.key);
                    if (kv.value == null) {
                        view.remove(key);
                    } else {
                        view.put(key, (ViewRecord) avro.deserialize(topic, kv.value));
                    }
                }
            }
        }
        return view;
    }

    private record Fed(String topic, byte[] key, byte[] value, long timestamp, int rank) {
    }

    /** Written in flight under the replay's id: shown under the logged command's id it stands for. */
    private static IdMapEntry withLoggedCommand(IdMapEntry entry, Map<String, String> replayIdOfLogged) {
        if (entry.getInFlightCommandId() == null) {
            return entry;
        }
        String logged = replayIdOfLogged.entrySet().stream().filter(e -> e.getValue().equals(entry.getInFlightCommandId()))
                .map(Map.Entry::getKey).findFirst().orElse(entry.getInFlightCommandId());
        return IdMapEntry.newBuilder(entry).setInFlightCommandId(logged).build();
    }

    private static String pairing(Command c) {
        return c.getTargetSystem() + "|" + c.getEntity() + "|" + c.getAction() + "|" + c.getTargetId() + "|"
                + c.getSourceSystem() + "|" + c.getSourceId() + "|" + c.getSourceHash();
    }

    private static String describe(Command c) {
        return c.getAction() + " " + c.getEntity() + " in " + c.getTargetSystem() + " from " + c.getSourceSystem() + " "
                + c.getSourceId();
    }

    private static TestOutputTopic<byte[], byte[]> output(TopologyTestDriver driver, String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static Properties properties(String applicationId, Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "replay:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return p;
    }
}
