package io.sxs.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.serde.InMemorySchemaStore;
import io.sxs.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The mapper topology on a TopologyTestDriver, with typed inputs and decoded outputs. */
final class MapperTestKit implements AutoCloseable {

    final TopologyTestDriver driver;
    private final AvroSerde<SpecificRecordBase> serde = new AvroSerde<>(new InMemorySchemaStore());
    private final TestInputTopic<String, SpecificRecordBase> connections;
    private final TestInputTopic<String, SpecificRecordBase> scoroChanges;
    private final TestInputTopic<String, SpecificRecordBase> xeroChanges;
    private final TestInputTopic<String, SpecificRecordBase> results;
    private final TestInputTopic<String, byte[]> rawScoroChanges;
    private final TestInputTopic<String, byte[]> rawConnections;
    private final TestOutputTopic<String, SpecificRecordBase> xeroCommands;
    private final TestOutputTopic<String, SpecificRecordBase> scoroCommands;
    private final TestOutputTopic<String, SpecificRecordBase> syncLog;
    private final TestOutputTopic<String, SpecificRecordBase> hints;

    MapperTestKit(Path stateDir, MapperSettings settings) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "mapper-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(MapperTopology.build(settings.withSerdeConfig(Map.of(AvroSerde.STORE_CONFIG, "memory"))),
                props, Fixtures.T0);
        StringSerializer keys = new StringSerializer();
        connections = driver.createInputTopic(Topics.CONNECTIONS, keys, serde);
        scoroChanges = driver.createInputTopic(Topics.CHANGES_SCORO, keys, serde);
        xeroChanges = driver.createInputTopic(Topics.CHANGES_XERO, keys, serde);
        results = driver.createInputTopic(Topics.RESULTS, keys, serde);
        rawScoroChanges = driver.createInputTopic(Topics.CHANGES_SCORO, keys, new ByteArraySerializer());
        rawConnections = driver.createInputTopic(Topics.CONNECTIONS, keys, new ByteArraySerializer());
        StringDeserializer keysIn = new StringDeserializer();
        xeroCommands = driver.createOutputTopic(Topics.COMMANDS_XERO, keysIn, serde);
        scoroCommands = driver.createOutputTopic(Topics.COMMANDS_SCORO, keysIn, serde);
        syncLog = driver.createOutputTopic(Topics.SYNC_LOG, keysIn, serde);
        hints = driver.createOutputTopic(Topics.SOURCE_HINTS, keysIn, serde);
    }

    MapperTestKit(Path stateDir) {
        this(stateDir, MapperSettings.defaults());
    }

    void connection(ConnectionConfig config) {
        connections.pipeInput(config.getConnectionId(), config);
    }

    void rawConnection(String key, byte[] value) {
        rawConnections.pipeInput(key, value);
    }

    void removeConnection(String connectionId) {
        connections.pipeInput(connectionId, null);
    }

    void change(ChangeRecord change) {
        (change.getSystem() == SystemType.SCORO ? scoroChanges : xeroChanges).pipeInput(change.getConnectionId(), change);
    }

    /** A change under a key that may differ from its connection id. */
    void change(String key, ChangeRecord change) {
        (change.getSystem() == SystemType.SCORO ? scoroChanges : xeroChanges).pipeInput(key, change);
    }

    void rawScoro(String key, byte[] value) {
        rawScoroChanges.pipeInput(key, value);
    }

    private final Map<String, TestInputTopic<String, byte[]>> rawTopics = new java.util.HashMap<>();

    /** Any bytes under any key on any input topic. */
    void raw(String topic, String key, byte[] value) {
        rawTopics.computeIfAbsent(topic, t -> driver.createInputTopic(t, new StringSerializer(), new ByteArraySerializer()))
                .pipeInput(key, value);
    }

    /** A record encoded as the topics carry it. */
    byte[] encode(SpecificRecordBase record) {
        return serde.serialize("any", record);
    }

    void result(WriteResult result) {
        results.pipeInput(result.getConnectionId(), result);
    }

    void advance(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    /** Commands emitted for a system since the last call, checking each record's key is its connection id. */
    List<Command> commands(SystemType target) {
        List<TestRecord<String, SpecificRecordBase>> records = (target == SystemType.XERO ? xeroCommands : scoroCommands).readRecordsToList();
        return records.stream().map(r -> {
            Command command = (Command) r.value();
            assertThat(r.key()).isEqualTo(command.getConnectionId());
            assertThat(command.getTargetSystem()).isEqualTo(target);
            return command;
        }).toList();
    }

    List<SyncLogEntry> log() {
        return syncLog.readRecordsToList().stream().map(r -> {
            SyncLogEntry entry = (SyncLogEntry) r.value();
            assertThat(r.key()).isEqualTo(entry.getConnectionId());
            return entry;
        }).toList();
    }

    /** Reads the mapper asked of the sources since the last call. */
    List<io.sxs.schemas.envelope.SourceHint> hints() {
        return hints.readRecordsToList().stream().map(r -> (io.sxs.schemas.envelope.SourceHint) r.value()).toList();
    }

    static List<SyncOutcome> outcomes(List<SyncLogEntry> entries) {
        return entries.stream().map(SyncLogEntry::getOutcome).toList();
    }

    @Override
    public void close() {
        driver.close();
    }

}
