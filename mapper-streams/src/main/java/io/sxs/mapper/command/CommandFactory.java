package io.sxs.mapper.command;

import io.sxs.mapper.ownership.OwnershipPolicy;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecordBase;

/** Builds the command that carries one change to the other system. */
public final class CommandFactory {

    private CommandFactory() {
    }

    /**
     * @param payload the translated payload (null for DELETE)
     * @param targetId the counterpart id (null for CREATE)
     * @param mayExist an earlier command for the item ended without a known outcome (see {@code Command.mayExist})
     */
    public static Command command(ChangeRecord change, CommandAction action, String targetId, SpecificRecordBase payload,
                                  String commandId, long now, boolean mayExist) {
        return Command.newBuilder()
                .setCommandId(commandId)
                .setConnectionId(change.getConnectionId())
                .setTargetSystem(OwnershipPolicy.other(change.getSystem()))
                .setEntity(change.getEntity())
                .setAction(action)
                .setTargetId(targetId)
                .setSourceSystem(change.getSystem())
                .setSourceId(change.getSourceId())
                .setSourceVersion(change.getSourceVersion())
                .setSourceHash(change.getContentHash())
                // A re-sync asks for a new write: the key of a write answered before (a lock since lifted) would
                // only replay that answer. Its own retries share the read's event id, so they stay idempotent.
                .setIdempotencyKey(IdempotencyKeys.of(change.getConnectionId(), change.getEntity(), change.getSystem(),
                        change.getSourceId(), change.getCause() == io.sxs.schemas.envelope.ChangeCause.RESYNC
                                ? change.getContentHash() + ":resync:" + change.getEventId() : change.getContentHash(), action))
                .setCauseEventId(change.getEventId())
                .setMayExist(mayExist)
                .setIssuedAt(Instant.ofEpochMilli(now))
                .setPayload(payload)
                .build();
    }
}
