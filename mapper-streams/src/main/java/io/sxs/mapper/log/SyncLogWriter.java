package io.sxs.mapper.log;

import io.sxs.mapper.command.RandomIds;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.envelope.SyncStage;
import io.sxs.schemas.envelope.WriteResult;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one sync-log entry per mapper decision (stage MAPPER), naming the item, its counterpart and the command. */
public final class SyncLogWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SyncLogWriter.class);

    private final Consumer<SyncLogEntry> sink;
    private final LongSupplier clock;

    public SyncLogWriter(Consumer<SyncLogEntry> sink, LongSupplier clock) {
        this.sink = sink;
        this.clock = clock;
    }

    public SyncLogEntry change(ChangeRecord change, SyncOutcome outcome, String counterpartId, String commandId, String message) {
        return item(change.getConnectionId(), change.getEntity(), change.getSystem(), change.getSourceId(), outcome,
                counterpartId, commandId, message);
    }

    /** About the source item of a result: system and id are the source's, the counterpart is the target's id. */
    public SyncLogEntry result(WriteResult result, SyncOutcome outcome, String message) {
        return item(result.getConnectionId(), result.getEntity(), result.getSourceSystem(), result.getSourceId(), outcome,
                result.getTargetId(), result.getCommandId(), message);
    }

    public SyncLogEntry item(String connectionId, EntityType entity, SystemType system, String itemId, SyncOutcome outcome,
                             String counterpartId, String commandId, String message) {
        SyncLogEntry entry = SyncLogEntry.newBuilder()
                .setEntryId(RandomIds.next())
                .setConnectionId(connectionId == null ? "" : connectionId)
                .setAt(Instant.ofEpochMilli(clock.getAsLong()))
                .setStage(SyncStage.MAPPER)
                .setOutcome(outcome)
                .setSystem(system)
                .setEntity(entity)
                .setItemId(itemId)
                .setCounterpartId(counterpartId)
                .setCommandId(commandId)
                .setMessage(message)
                .build();
        if (LOG.isDebugEnabled()) { // the arguments' array would be built for every entry otherwise
            LOG.debug("{} {} {} {} {}: {}", connectionId, outcome, system, entity, itemId, message);
        }
        sink.accept(entry);
        return entry;
    }

    /** Input that could not be understood; it is skipped, never allowed to stop the stream. */
    public SyncLogEntry invalid(String connectionId, String message) {
        LOG.warn("Invalid input for connection {}: {}", connectionId, message);
        return item(connectionId, null, null, null, SyncOutcome.INVALID_INPUT, null, null, message);
    }
}
