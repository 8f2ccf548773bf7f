package io.sxs.mapper.process;

import io.sxs.mapper.idmap.EntityKeys;
import io.sxs.mapper.idmap.IdMap;
import io.sxs.mapper.pending.PendingChanges;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.envelope.IdMapEntry;
import io.sxs.schemas.envelope.PendingChange;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.hash.ContentHasher;
import io.sxs.schemas.registry.SystemNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * Applies what a sink did with a command: records the new mapping and the written hash (for echo suppression),
 * clears the in-flight mark, and releases the changes that waited for it, or ends them when the write failed.
 */
public final class ResultHandler {

    private final MapperState state;
    private final ChangeHandler changes;

    public ResultHandler(MapperState state, ChangeHandler changes) {
        this.state = state;
        this.changes = changes;
    }

    public void handle(WriteResult result) {
        if (state.connections().apply(result.getConnectionId()) == null) {
            // Deleted with its ID map (or never known): a late result must not bring a row of it back.
            state.log().result(result, SyncOutcome.SKIPPED_OUT_OF_SCOPE, "connection " + result.getConnectionId()
                    + " is unknown; the result is not recorded");
            return;
        }
        EntityKey sourceKey = EntityKeys.of(result.getConnectionId(), result.getEntity(), result.getSourceSystem(), result.getSourceId());
        IdMapEntry source = state.idMap().get(sourceKey);
        boolean current = source != null && result.getCommandId().equals(source.getInFlightCommandId());
        boolean created = result.getStatus() == ResultStatus.OK && result.getAction() == CommandAction.CREATE;
        if (result.getStatus() == ResultStatus.OK && result.getAction() != CommandAction.DELETE && result.getTargetId() == null) {
            state.log().result(result, SyncOutcome.INVALID_INPUT, "OK result without a target id; ignored");
            return;
        }
        if (!current) {
            stale(result, source, sourceKey, created);
            return;
        }
        if (result.getStatus() == ResultStatus.OK) {
            written(result, source);
            releaseOwn(sourceKey);
            releaseDependents(result);
        } else {
            failed(result, source);
            boolean transientFailure = result.getStatus() == ResultStatus.RETRYABLE;
            if (!transientFailure) {
                // Changes waiting for this item keep waiting through a transient failure: the retry may still map it.
                endDependents(result, source.getCounterpartId() != null);
            }
            if (!releaseOwn(sourceKey) && transientFailure) {
                scheduleRetry(sourceKey, result);
            }
        }
    }

    /** A result for a command that is not the one in flight: ignored, except that a created item is never lost. */
    private void stale(WriteResult result, IdMapEntry source, EntityKey sourceKey, boolean created) {
        String inFlight = source == null ? null : source.getInFlightCommandId();
        boolean alreadyMapped = source != null && result.getTargetId() != null
                && result.getTargetId().equals(source.getCounterpartId());
        if (!created || alreadyMapped) {
            state.log().result(result, SyncOutcome.SKIPPED_UNCHANGED, "result of command " + result.getCommandId()
                    + " ignored: " + (inFlight == null ? "no command is in flight for this item" : "command " + inFlight + " is in flight"));
            return;
        }
        if (source != null && source.getCounterpartId() != null && !source.getCounterpartId().equals(result.getTargetId())) {
            // Two creates for one item: keep the first mapping and say so loudly, never silently re-point.
            state.log().result(result, SyncOutcome.FAILED, "duplicate: " + SystemNames.of(result.getTargetSystem())
                    + " item " + result.getTargetId() + " was created by command " + result.getCommandId() + " but this item is already mapped to "
                    + source.getCounterpartId() + "; the duplicate needs removing");
            return;
        }
        IdMapEntry base = source != null ? source : IdMap.newEntry(sourceKey, result.getSourceSystem(), state.now()).build();
        state.idMap().put(IdMapEntry.newBuilder(base).setCounterpartId(result.getTargetId()).setUpdatedAt(now()).build());
        putTarget(result, base.getOrigin());
        state.log().result(result, SyncOutcome.WRITTEN, "created in " + SystemNames.of(result.getTargetSystem()) + " as "
                + result.getTargetId() + " by command " + result.getCommandId() + ", which is not the one in flight; mapping recorded");
        releaseDependents(result);
    }

    private void written(WriteResult result, IdMapEntry source) {
        String where = SystemNames.of(result.getTargetSystem());
        if (result.getAction() == CommandAction.DELETE || result.getAction() == CommandAction.VOID) {
            String targetId = result.getTargetId() != null ? result.getTargetId() : source.getCounterpartId();
            state.idMap().put(IdMapEntry.newBuilder(source).setInFlightCommandId(null).setDeleted(true).setUpdatedAt(now()).build());
            IdMapEntry target = targetId == null ? null
                    : state.idMap().get(result.getConnectionId(), result.getEntity(), result.getTargetSystem(), targetId);
            if (target != null) {
                state.idMap().put(IdMapEntry.newBuilder(target).setDeleted(true)
                        .setLastWrittenHash(result.getWrittenHash() != null ? result.getWrittenHash() : ContentHasher.DELETED)
                        .setUpdatedAt(now()).build());
            }
            state.log().result(result, SyncOutcome.WRITTEN, (result.getAction() == CommandAction.VOID ? "voided" : "deleted") + " in " + where);
            return;
        }
        state.idMap().put(IdMapEntry.newBuilder(source).setCounterpartId(result.getTargetId()).setInFlightCommandId(null)
                .setUpdatedAt(now()).build());
        putTarget(result, source.getOrigin());
        state.log().result(result, SyncOutcome.WRITTEN, (result.getAction() == CommandAction.CREATE ? "created" : "updated")
                + " in " + where + " as " + result.getTargetId());
    }

    /** The target side's entry: its counterpart, the shared origin and the hash of what was written (echo suppression). */
    private void putTarget(WriteResult result, SystemType origin) {
        EntityKey targetKey = EntityKeys.of(result.getConnectionId(), result.getEntity(), result.getTargetSystem(), result.getTargetId());
        IdMapEntry existing = state.idMap().get(targetKey);
        IdMapEntry.Builder target = existing == null ? IdMap.newEntry(targetKey, origin, state.now()) : IdMapEntry.newBuilder(existing);
        // The next read of the target in the written state is its echo.
        state.idMap().put(target.setCounterpartId(result.getSourceId()).setOrigin(origin).setLastWrittenHash(result.getWrittenHash())
                .setLastSeenHash(null).setDeleted(false).setUpdatedAt(now()).build());
    }

    private void failed(WriteResult result, IdMapEntry source) {
        IdMapEntry.Builder entry = IdMapEntry.newBuilder(source).setInFlightCommandId(null).setUpdatedAt(now());
        if (result.getStatus() == ResultStatus.RETRYABLE || result.getStatus() == ResultStatus.UNAUTHORISED) {
            // Not a verdict on the content: forget the hash so that the next read of the item tries again.
            entry.setLastSeenHash(null);
        }
        if (result.getAction() == CommandAction.DELETE) {
            entry.setDeleted(false);
        }
        state.idMap().put(entry.build());
        SyncOutcome outcome = switch (result.getStatus()) {
            case REJECTED -> SyncOutcome.REJECTED;
            case BLOCKED -> SyncOutcome.BLOCKED;
            default -> SyncOutcome.FAILED;
        };
        state.log().result(result, outcome, result.getAction().name().toLowerCase() + " in " + SystemNames.of(result.getTargetSystem())
                + " " + result.getStatus() + ": " + reason(result));
    }

    /** Re-processes the change of this item that was queued while its write was in flight; false if there was none. */
    private boolean releaseOwn(EntityKey key) {
        PendingChange queued = state.pending().release(key, "the write in flight finished; re-processing");
        if (queued != null) {
            changes.replay(queued.getChange(), queued.getMissing().isEmpty() ? null : queued.getSince());
        }
        return queued != null;
    }

    /**
     * A write that failed for a transient reason (5xx, timeouts, throttling the sink could not wait out) is tried
     * again at the next punctuation with the item's latest state, so that no change is lost until the item changes
     * again. The command's idempotency key is derived from the content, so the retry cannot write twice.
     */
    private void scheduleRetry(EntityKey key, WriteResult result) {
        ChangeRecord latest = state.latest().get(key);
        if (latest == null) {
            return;
        }
        Instant now = now();
        Instant retryAt = now.plus(state.settings().punctuateInterval());
        state.pending().park(key, new PendingChange(latest, List.of(), now, retryAt, null), null, result.getCommandId(),
                "transient failure (" + reason(result) + "); retrying at " + retryAt);
    }

    /** Re-processes every change that waited for the item just mapped (on either side). */
    private void releaseDependents(WriteResult result) {
        for (KeyValue<EntityKey, PendingChange> waiting : dependents(result)) {
            String reason = EntityKeys.describe(result.getEntity(), result.getSourceSystem(), result.getSourceId())
                    + " is now mapped to " + result.getTargetId() + " in " + SystemNames.of(result.getTargetSystem()) + "; re-processing";
            if (state.pending().release(waiting.key, reason) == null) {
                continue; // already handled by an earlier release in this loop
            }
            // A change whose wait was given up (its dependency failed before) waits afresh if it must wait again.
            changes.replay(waiting.value.getChange(), PendingChanges.waiting(waiting.value) ? waiting.value.getSince() : null);
        }
    }

    /** A failed create ends the changes that waited for it, naming the dependency and why it is missing. */
    private void endDependents(WriteResult result, boolean stillMapped) {
        if (stillMapped) {
            releaseDependents(result); // a failed update: the item is mapped, so nothing that waited for it is blocked
            return;
        }
        for (KeyValue<EntityKey, PendingChange> waiting : dependents(result)) {
            state.pending().end(waiting.key, result.getCommandId(), EntityKeys.name(result.getEntity(), result.getSourceId())
                    + " could not be created in " + SystemNames.of(result.getTargetSystem()) + ": " + reason(result));
        }
    }

    private List<KeyValue<EntityKey, PendingChange>> dependents(WriteResult result) {
        List<KeyValue<EntityKey, PendingChange>> found = new ArrayList<>(state.pending().waitingFor(result.getConnectionId(),
                result.getEntity(), result.getSourceSystem(), result.getSourceId()));
        if (result.getTargetId() != null) {
            found.addAll(state.pending().waitingFor(result.getConnectionId(), result.getEntity(), result.getTargetSystem(),
                    result.getTargetId()));
        }
        return found;
    }

    private static String reason(WriteResult result) {
        String message = result.getMessage() == null ? "no message" : result.getMessage();
        return result.getErrors().isEmpty() ? message : message + " [" + String.join("; ", result.getErrors()) + "]";
    }

    private Instant now() {
        return Instant.ofEpochMilli(state.now());
    }
}
