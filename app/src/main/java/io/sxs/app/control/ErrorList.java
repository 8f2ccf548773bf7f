package io.sxs.app.control;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.envelope.SyncStage;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The errors standing now, folded from the sync log: per item (named by the system and id it was read from) its
 * latest error, until a later entry about the same item says it went through (written, or skipped as settled); per
 * source its failed poll, until it reads again. Filters by connection, entity and kind (the outcome).
 */
public final class ErrorList {

    /** The outcomes that are errors (the error list's kinds). */
    public static final Set<SyncOutcome> KINDS = EnumSet.of(SyncOutcome.REJECTED, SyncOutcome.BLOCKED, SyncOutcome.FAILED,
            SyncOutcome.INVALID_INPUT, SyncOutcome.DEPENDENCY_MISSING);
    private static final Set<SyncOutcome> SETTLED = EnumSet.of(SyncOutcome.WRITTEN, SyncOutcome.SKIPPED_UNCHANGED,
            SyncOutcome.SKIPPED_ECHO, SyncOutcome.SKIPPED_NOT_OWNER, SyncOutcome.SKIPPED_OUT_OF_SCOPE);

    private final Map<String, Error> errors = new ConcurrentHashMap<>();

    /**
     * One standing error.
     *
     * @param system the system the item was read from (for a failed poll: the system polled)
     * @param itemId the item's id there (null for a failed poll)
     */
    public record Error(String connectionId, EntityType entity, SystemType system, String itemId, SyncOutcome kind,
                        SyncStage stage, String message, Instant at) {
    }

    public void apply(SyncLogEntry e) {
        if (e.getEntity() == null || e.getSystem() == null) {
            return;
        }
        SystemType system = e.getSystem();
        String item = e.getItemId();
        if (e.getStage() == SyncStage.SINK) {
            // A sink entry names the target; the error belongs to the item the command came from.
            system = system == SystemType.XERO ? SystemType.SCORO : SystemType.XERO;
            item = e.getCounterpartId();
        }
        String key = key(e.getConnectionId(), e.getEntity(), system, e.getStage() == SyncStage.SOURCE && item == null ? null : item);
        if (KINDS.contains(e.getOutcome())) {
            errors.put(key, new Error(e.getConnectionId(), e.getEntity(), system, item, e.getOutcome(), e.getStage(),
                    e.getMessage(), e.getAt()));
        } else if (SETTLED.contains(e.getOutcome()) || e.getStage() == SyncStage.SOURCE
                && (e.getOutcome() == SyncOutcome.READ || e.getOutcome() == SyncOutcome.PASS_COMPLETE)) {
            errors.remove(key); // for a source's read, the key is its failed poll's
        }
    }

    /** Standing errors, newest first; a null filter matches everything. */
    public List<Error> find(String connectionId, EntityType entity, SyncOutcome kind) {
        return errors.values().stream()
                .filter(x -> connectionId == null || x.connectionId().equals(connectionId))
                .filter(x -> entity == null || x.entity() == entity)
                .filter(x -> kind == null || x.kind() == kind)
                .sorted(Comparator.comparing(Error::at).reversed()).toList();
    }

    private static String key(String connectionId, EntityType entity, SystemType system, String itemId) {
        return connectionId + "/" + entity + "/" + system + "/" + (itemId == null ? "(poll)" : itemId);
    }
}
