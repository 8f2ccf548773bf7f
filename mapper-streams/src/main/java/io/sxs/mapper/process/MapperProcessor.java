package io.sxs.mapper.process;

import io.sxs.mapper.MapperSettings;
import io.sxs.mapper.idmap.IdMap;
import io.sxs.mapper.latest.LatestStates;
import io.sxs.mapper.log.SyncLogWriter;
import io.sxs.mapper.pending.PendingChanges;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Common part of the mapper's processors. Values arrive as bytes and are decoded here, so that an undecodable record
 * becomes an INVALID_INPUT entry in the sync log (in the same transaction) instead of an exception that stops the task.
 */
abstract class MapperProcessor<V extends SpecificRecordBase> implements Processor<String, byte[], String, SpecificRecordBase> {

    private static final Logger LOG = LoggerFactory.getLogger(MapperProcessor.class);

    protected final MapperSettings settings;
    private final AvroSerde<SpecificRecordBase> decoder;
    private final Class<V> type;
    private final String connectionsStore;
    protected final Serializer<String> connectionPrefix;
    /** The connections as this task sees them (also {@code state.connections()}). */
    protected ConnectionTable connectionTable;
    protected ProcessorContext<String, SpecificRecordBase> context;
    protected MapperState state;

    /** @param connectionPrefix serializes a connection id as the leading bytes of its store keys (prefix scans) */
    MapperProcessor(MapperSettings settings, AvroSerde<SpecificRecordBase> decoder, Class<V> type, String connectionsStore,
                    Serializer<String> connectionPrefix) {
        this.settings = settings;
        this.connectionPrefix = connectionPrefix;
        this.decoder = decoder;
        this.type = type;
        this.connectionsStore = connectionsStore;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecordBase> context) {
        this.context = context;
        SyncLogWriter log = new SyncLogWriter(this::forwardLog, context::currentSystemTimeMs);
        state = new MapperState(
                new IdMap(context.getStateStore(Topics.IDMAP_STORE)),
                new PendingChanges(context.getStateStore(Topics.PENDING_STORE), connectionPrefix, log, context::currentSystemTimeMs),
                new LatestStates(context.getStateStore(Topics.LATEST_STORE), decoder, connectionPrefix),
                connectionTable = new ConnectionTable(context.getStateStore(connectionsStore), decoder),
                log,
                this::forwardCommand,
                this::forwardHint,
                context::currentSystemTimeMs,
                settings);
    }

    @Override
    public final void process(Record<String, byte[]> record) {
        String where = context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?");
        try {
            if (record.value() != null && handledUndecoded(record.key(), record.value())) {
                return;
            }
        } catch (KafkaException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debug("Record at {} is decided from its full decode", where, e);
        }
        V value;
        try {
            SpecificRecordBase decoded = record.value() == null ? null : decoder.deserialize(topic(), record.value());
            if (decoded != null && !type.isInstance(decoded)) {
                state.log().invalid(record.key(), "expected " + type.getSimpleName() + " but got "
                        + decoded.getSchema().getFullName() + " at " + where);
                return;
            }
            value = type.cast(decoded);
        } catch (RuntimeException e) {
            LOG.warn("Undecodable record at {} skipped", where, e);
            state.log().invalid(record.key(), "undecodable record at " + where + ": " + e.getMessage());
            return;
        }
        try {
            handle(record.key(), value, record.value(), where);
        } catch (KafkaException e) {
            throw e; // store, producer and task errors are Kafka Streams' to handle (EOS aborts and retries)
        } catch (RuntimeException e) {
            // A record the logic cannot handle is reported and skipped, never allowed to stop the pipeline.
            LOG.error("Record at {} could not be processed; skipped", where, e);
            state.log().invalid(record.key(), "record at " + where + " could not be processed: " + e);
        }
    }

    /** @param encoded the value's bytes as read */
    protected abstract void handle(String key, V value, byte[] encoded, String where);

    /**
     * A chance to decide a record from its bytes without decoding it (true: done); anything it cannot decide so goes
     * through the full decode and {@link #handle}.
     */
    protected boolean handledUndecoded(String key, byte[] encoded) {
        return false;
    }

    /** Null when the bytes name no known writer schema (the full decode then reports them as invalid). */
    protected org.apache.avro.Schema writerSchema(byte[] encoded) {
        try {
            return decoder.writerSchema(encoded);
        } catch (RuntimeException e) {
            return null;
        }
    }

    protected String topic() {
        return context.recordMetadata().map(RecordMetadata::topic).orElse(null);
    }

    private void forwardCommand(Command command) {
        String sink = command.getTargetSystem() == SystemType.XERO ? Nodes.COMMANDS_XERO_SINK : Nodes.COMMANDS_SCORO_SINK;
        context.forward(new Record<>(command.getConnectionId(), (SpecificRecordBase) command, context.currentSystemTimeMs()), sink);
    }

    private void forwardHint(io.sxs.schemas.envelope.SourceHint hint) {
        context.forward(new Record<>(hint.getConnectionId(), (SpecificRecordBase) hint, context.currentSystemTimeMs()), Nodes.HINTS_SINK);
    }

    private void forwardLog(SyncLogEntry entry) {
        context.forward(new Record<>(entry.getConnectionId(), (SpecificRecordBase) entry, context.currentSystemTimeMs()), Nodes.SYNC_LOG_SINK);
    }
}
