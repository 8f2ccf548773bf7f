package io.sxs.app.control;

import io.sxs.schemas.topic.KafkaCluster;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.ConnectionPartitioner;
import io.sxs.schemas.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The history of one record from the topics alone ("the history of invoice INV-0012"): every state read from either
 * system, every decision with its reason, every command and every write result, in time order, across both systems'
 * ids of the record. It reads the connection's partition of the change, command, result and sync-log topics (one
 * connection is on one partition number everywhere), so it costs a scan of that connection's records, not of all.
 */
public final class RecordHistory {

    private final KafkaCluster cluster;

    public RecordHistory(KafkaCluster cluster) {
        this.cluster = cluster;
    }

    /** One step of a record's story. */
    public record Step(Instant at, String kind, SystemType system, String itemId, String cause, String outcome,
                       String message, String commandId) {
    }

    /** The record's ids in each system and its steps; empty steps when nothing matched. */
    public record History(String connectionId, EntityType entity, String asked, Map<String, List<String>> ids,
                          List<Step> steps) {
    }

    /** @param idOrNumber an id in either system, or the record's number (code, or name for records without one) */
    public History of(String connectionId, EntityType entity, String idOrNumber) {
        List<ChangeRecord> changes = new ArrayList<>();
        scan(Topics.CHANGES_SCORO, connectionId, (ChangeRecord c) -> keepIf(changes, c, entity));
        scan(Topics.CHANGES_XERO, connectionId, (ChangeRecord c) -> keepIf(changes, c, entity));
        List<SyncLogEntry> log = new ArrayList<>();
        scan(Topics.SYNC_LOG, connectionId, (SyncLogEntry e) -> {
            if (e.getEntity() == entity) {
                log.add(e);
            }
        });
        // The record's ids: those asked for or whose state carries the number, then their counterparts, both ways.
        Set<String> ids = new LinkedHashSet<>();
        for (ChangeRecord c : changes) {
            if (c.getSourceId().equals(idOrNumber) || numbered(c.getPayload(), idOrNumber)) {
                ids.add(key(c.getSystem(), c.getSourceId()));
            }
        }
        if (ids.isEmpty()) {
            ids.add(key(SystemType.SCORO, idOrNumber));
            ids.add(key(SystemType.XERO, idOrNumber));
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (SyncLogEntry e : log) {
                if (e.getItemId() == null || e.getCounterpartId() == null) {
                    continue;
                }
                SystemType other = e.getSystem() == SystemType.XERO ? SystemType.SCORO : SystemType.XERO;
                String item = key(e.getSystem(), e.getItemId());
                String counterpart = key(other, e.getCounterpartId());
                if (ids.contains(item) && ids.add(counterpart) || ids.contains(counterpart) && ids.add(item)) {
                    grew = true;
                }
            }
        }
        List<Step> steps = new ArrayList<>();
        for (ChangeRecord c : changes) {
            if (ids.contains(key(c.getSystem(), c.getSourceId()))) {
                steps.add(new Step(c.getObservedAt(), "READ", c.getSystem(), c.getSourceId(), c.getCause().name(),
                        c.getOperation().name(), "version " + c.getSourceVersion(), null));
            }
        }
        Set<String> commands = new HashSet<>();
        for (SyncLogEntry e : log) {
            SystemType other = e.getSystem() == null ? null : e.getSystem() == SystemType.XERO ? SystemType.SCORO : SystemType.XERO;
            boolean about = e.getItemId() != null && e.getSystem() != null && ids.contains(key(e.getSystem(), e.getItemId()))
                    || e.getCounterpartId() != null && other != null && ids.contains(key(other, e.getCounterpartId()));
            if (about) {
                steps.add(new Step(e.getAt(), e.getStage().name(), e.getSystem(), e.getItemId(), null, e.getOutcome().name(),
                        e.getMessage(), e.getCommandId()));
                if (e.getCommandId() != null) {
                    commands.add(e.getCommandId());
                }
            }
        }
        scanCommands(connectionId, entity, ids, commands, steps);
        steps.sort(Comparator.comparing(Step::at).thenComparing(s -> order(s.kind())));
        Map<String, List<String>> bySystem = new java.util.TreeMap<>();
        for (String id : ids) {
            String[] parts = id.split(":", 2);
            if (steps.stream().anyMatch(s -> s.system() != null && s.system().name().equals(parts[0]) && parts[1].equals(s.itemId()))) {
                bySystem.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
            }
        }
        return new History(connectionId, entity, idOrNumber, bySystem, steps);
    }

    private void scanCommands(String connectionId, EntityType entity, Set<String> ids, Set<String> known, List<Step> steps) {
        Consumer<Command> command = c -> {
            if (c.getEntity() == entity && (known.contains(c.getCommandId())
                    || c.getSourceId() != null && ids.contains(key(c.getSourceSystem(), c.getSourceId())))) {
                known.add(c.getCommandId());
                steps.add(new Step(c.getIssuedAt(), "COMMAND", c.getTargetSystem(), c.getTargetId(), null, c.getAction().name(),
                        c.getAction() + " in " + c.getTargetSystem() + " from " + c.getSourceSystem() + " " + c.getSourceId(),
                        c.getCommandId()));
            }
        };
        scan(Topics.COMMANDS_SCORO, connectionId, command);
        scan(Topics.COMMANDS_XERO, connectionId, command);
        scan(Topics.RESULTS, connectionId, (WriteResult r) -> {
            if (known.contains(r.getCommandId())) {
                steps.add(new Step(r.getCompletedAt(), "RESULT", r.getTargetSystem(), r.getTargetId(), null,
                        r.getStatus().name(), r.getMessage() == null ? r.getAction() + " " + r.getTargetId() : r.getMessage(),
                        r.getCommandId()));
            }
        });
    }

    private static int order(String kind) {
        return switch (kind) {
            case "READ" -> 0;
            case "SOURCE" -> 1;
            case "MAPPER" -> 2;
            case "COMMAND" -> 3;
            case "RESULT" -> 4;
            default -> 5;
        };
    }

    private static void keepIf(List<ChangeRecord> out, ChangeRecord c, EntityType entity) {
        if (c.getEntity() == entity) {
            out.add(c);
        }
    }

    /** True when the item's state carries {@code value} as its number, code or name (case-insensitive). */
    static boolean numbered(Object payload, String value) {
        if (!(payload instanceof SpecificRecordBase record)) {
            return false;
        }
        for (String field : List.of("number", "code", "name")) {
            Schema.Field f = record.getSchema().getField(field);
            if (f != null) {
                Object v = record.get(f.pos());
                if (v != null && v.toString().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                    return true;
                }
                if (v != null) {
                    return false; // the first field the record has names it
                }
            }
        }
        return false;
    }

    private static String key(SystemType system, String id) {
        return system + ":" + id;
    }

    private <V extends SpecificRecordBase> void scan(String topic, String connectionId, Consumer<V> sink) {
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(cluster.config(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), AvroSerde.<V>forCluster(cluster))) {
            int partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).size();
            TopicPartition tp = new TopicPartition(topic, ConnectionPartitioner.partitionFor(connectionId, partitions));
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            while (consumer.position(tp) < end) {
                try {
                    for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                        if (connectionId.equals(r.key()) && r.value() != null) {
                            sink.accept(r.value());
                        }
                    }
                } catch (RecordDeserializationException e) {
                    consumer.seek(tp, e.offset() + 1); // named by the pipeline where it was read; not part of a history
                }
            }
        }
    }
}
