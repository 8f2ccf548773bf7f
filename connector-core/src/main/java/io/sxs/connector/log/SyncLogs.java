package io.sxs.connector.log;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.envelope.SyncStage;
import java.time.Instant;
import java.util.UUID;

/** Sync-log entries made by connectors. */
public final class SyncLogs {

    private SyncLogs() {
    }

    public static SyncLogEntry.Builder entry(String connectionId, SyncStage stage, SyncOutcome outcome, SystemType system,
                                             EntityType entity) {
        return SyncLogEntry.newBuilder().setEntryId(UUID.randomUUID().toString()).setConnectionId(connectionId)
                .setAt(Instant.now()).setStage(stage).setOutcome(outcome).setSystem(system).setEntity(entity);
    }
}
