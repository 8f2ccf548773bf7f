package io.sxs.mapper.process;

import io.sxs.mapper.MapperSettings;
import io.sxs.mapper.match.ContactIndex;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import io.sxs.mapper.serde.ChangeHeader;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.Topics;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Reads both change topics; also runs the wall-clock punctuation that forgets deleted connections, backfills a widened
 * scope, and retries and times out waiting changes.
 */
public final class ChangeProcessor extends MapperProcessor<ChangeRecord> {

    private ChangeHandler changes;

    public ChangeProcessor(MapperSettings settings, AvroSerde<SpecificRecordBase> decoder, Serializer<String> connectionPrefix) {
        super(settings, decoder, ChangeRecord.class, Nodes.CONNECTIONS_STORE, connectionPrefix);
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecordBase> context) {
        super.init(context);
        // This processor records every change, so the contact index it keeps stays current.
        ContactIndex contacts = new ContactIndex();
        changes = new ChangeHandler(state, contacts);
        PendingExpiry expiry = new PendingExpiry(state, changes);
        KeyValueStore<String, String> scopes = context.getStateStore(Topics.SCOPES_STORE);
        ScopeBackfill backfill = new ScopeBackfill(state, changes, connectionTable, scopes);
        ConnectionPurge purge = new ConnectionPurge(List.of(context.getStateStore(Topics.IDMAP_STORE),
                context.getStateStore(Topics.PENDING_STORE), context.getStateStore(Topics.LATEST_STORE)), scopes,
                connectionPrefix, contacts);
        context.schedule(settings.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, timestamp -> {
            purge.purgeGone(connectionTable.ids());
            backfill.check();
            expiry.retryDue();
            expiry.expire();
        });
    }

    /**
     * Echoes and unchanged re-reads (most of what arrives twice) are decided from the envelope alone: the payload is
     * never decoded for them. Anything else, or anything the envelope does not settle, is decoded and handled whole.
     */
    @Override
    protected boolean handledUndecoded(String key, byte[] encoded) {
        Schema writer = writerSchema(encoded);
        ChangeHeader header = writer == null ? null : ChangeHeader.read(writer, encoded);
        if (header == null || !InputValidator.headerFits(key, header.connectionId(), header.system(), expectedSystem(),
                header.sourceId(), header.contentHash())) {
            return false;
        }
        return changes.decidedWithoutPayload(header, encoded);
    }

    @Override
    protected void handle(String key, ChangeRecord change, byte[] encoded, String where) {
        String problem = InputValidator.problem(key, change, expectedSystem());
        if (problem != null) {
            if (change != null && key != null && key.equals(change.getConnectionId())) {
                state.log().item(key, change.getEntity(), change.getSystem(), change.getSourceId(),
                        io.sxs.schemas.envelope.SyncOutcome.INVALID_INPUT, null, null, problem + " (" + where + ")");
            } else {
                state.log().invalid(key, problem + " (" + where + ")");
            }
            return;
        }
        changes.handle(change, encoded);
    }

    private SystemType expectedSystem() {
        String topic = topic();
        if (Topics.CHANGES_SCORO.equals(topic)) {
            return SystemType.SCORO;
        }
        return Topics.CHANGES_XERO.equals(topic) ? SystemType.XERO : null;
    }
}
