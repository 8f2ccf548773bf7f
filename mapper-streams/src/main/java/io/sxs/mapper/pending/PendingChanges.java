package io.sxs.mapper.pending;

import io.sxs.mapper.idmap.EntityKeys;
import io.sxs.mapper.log.SyncLogWriter;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.envelope.PendingChange;
import io.sxs.schemas.envelope.SyncOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Changes that wait, at most one per item (the latest wins): either for an in-flight write of the same item (no
 * missing dependencies) or for references that are not mapped yet. Backed by the {@code pending} store.
 *
 * <p>Every change that starts waiting is logged {@code WAITING_DEPENDENCY} and every one that stops waiting, for
 * whatever reason, {@code RELEASED} or {@code DEPENDENCY_MISSING}: the sync log's count of waiting items stays true.
 * That is why changes enter and leave only through {@link #park}, {@link #release} and {@link #end}.
 *
 * <p>The look-up by dependency (on every result and every contact that documents may wait for) scans only the
 * connection's keys, by key prefix; the look-ups by age and due retry (once per punctuation) scan the task's store. A
 * secondary index (dependency key to waiting keys) in a second store would make the first independent of how many
 * of the connection's changes wait.
 */
public final class PendingChanges {

    static final String SUPERSEDED = "superseded by a newer read of the item";

    private final KeyValueStore<EntityKey, PendingChange> store;
    private final Serializer<String> connectionPrefix;
    private final SyncLogWriter log;
    private final java.util.function.LongSupplier clock;

    /** @param connectionPrefix a connection id as the leading bytes of the store's keys of that connection */
    public PendingChanges(KeyValueStore<EntityKey, PendingChange> store, Serializer<String> connectionPrefix, SyncLogWriter log,
                          java.util.function.LongSupplier clock) {
        this.store = store;
        this.connectionPrefix = connectionPrefix;
        this.log = log;
        this.clock = clock;
    }

    public PendingChange get(EntityKey key) {
        return store.get(key);
    }

    /**
     * Makes the change the item's waiting one, logging it {@code WAITING_DEPENDENCY} with {@code why}; a change that
     * waited before for the item is released first, as superseded.
     */
    public void park(EntityKey key, PendingChange change, String counterpartId, String commandId, String why) {
        release(key, SUPERSEDED);
        store.put(key, change);
        log.change(change.getChange(), SyncOutcome.WAITING_DEPENDENCY, counterpartId, commandId, why);
    }

    /**
     * Keeps a change that cannot go anywhere now (it pays a document that is not synced on this connection) as an
     * ended wait, logged {@code SKIPPED_OUT_OF_SCOPE} with {@code why}: it is not waiting and never times out, but if
     * the document is mapped after all (its create was in flight) the change is processed again.
     */
    public void shelve(EntityKey key, PendingChange change, String why) {
        release(key, SUPERSEDED);
        store.put(key, PendingChange.newBuilder(change).setEndedAt(java.time.Instant.ofEpochMilli(clock.getAsLong())).build());
        log.change(change.getChange(), SyncOutcome.SKIPPED_OUT_OF_SCOPE, null, null, why);
    }

    /**
     * Ends the item's wait, if it has one, logging it {@code RELEASED} with the reason; returns the change that waited
     * (also one whose wait was given up, so that a dependency mapped at last re-processes it).
     */
    public PendingChange release(EntityKey key, String reason) {
        return release(key, () -> reason);
    }

    /** As {@link #release(EntityKey, String)}, for a reason worth building only when something waited. */
    public PendingChange release(EntityKey key, Supplier<String> reason) {
        PendingChange waiting = remove(key);
        // A change whose wait was given up was logged as no longer waiting then; its release is not news.
        if (waiting(waiting)) {
            log.change(waiting.getChange(), SyncOutcome.RELEASED, null, null, reason.get());
        }
        return waiting;
    }

    /**
     * Gives up the item's wait, if it has one, logging it {@code DEPENDENCY_MISSING} with the reason. A change that
     * waited for dependencies is kept, marked ended: it no longer waits (nor times out again), but the dependency's
     * mapping, whenever it comes (the dependency fixed and synced), re-processes it.
     */
    public PendingChange end(EntityKey key, String commandId, String reason) {
        PendingChange waiting = store.get(key);
        if (waiting == null || waiting.getEndedAt() != null) {
            return null;
        }
        if (waiting.getMissing().isEmpty()) {
            store.delete(key);
        } else {
            store.put(key, PendingChange.newBuilder(waiting).setRetryAt(null).setEndedAt(java.time.Instant.ofEpochMilli(clock.getAsLong()))
                    .build());
        }
        log.change(waiting.getChange(), SyncOutcome.DEPENDENCY_MISSING, null, commandId, reason);
        return waiting;
    }

    /** True when the item has a change that waits now (not one whose wait was given up). */
    public static boolean waiting(PendingChange change) {
        return change != null && change.getEndedAt() == null;
    }

    /** A delete of nothing would still write a tombstone to the changelog, hence the look-up first. */
    private PendingChange remove(EntityKey key) {
        return store.get(key) == null ? null : store.delete(key);
    }

    /** Waiting changes of one connection that name the given item among their missing dependencies. */
    public List<KeyValue<EntityKey, PendingChange>> waitingFor(String connectionId, EntityType entity, SystemType system, String id) {
        List<KeyValue<EntityKey, PendingChange>> found = new ArrayList<>();
        try (KeyValueIterator<EntityKey, PendingChange> all = store.prefixScan(connectionId, connectionPrefix)) {
            while (all.hasNext()) {
                KeyValue<EntityKey, PendingChange> next = all.next();
                if (next.key.getConnectionId().equals(connectionId) // the prefix already says so; kept as the contract
                        && next.value.getMissing().stream().anyMatch(m -> EntityKeys.matches(m, entity, system, id))) {
                    found.add(next);
                }
            }
        }
        return found;
    }

    /** Changes waiting for dependencies since before {@code cutoff} (epoch millis). */
    public List<KeyValue<EntityKey, PendingChange>> waitingSince(long cutoff) {
        List<KeyValue<EntityKey, PendingChange>> found = new ArrayList<>();
        try (KeyValueIterator<EntityKey, PendingChange> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<EntityKey, PendingChange> next = all.next();
                if (!next.value.getMissing().isEmpty() && next.value.getEndedAt() == null
                        && next.value.getSince().toEpochMilli() <= cutoff) {
                    found.add(next);
                }
            }
        }
        return found;
    }

    /** Changes whose retry after a transient failure is due at {@code now} (epoch millis). */
    public List<KeyValue<EntityKey, PendingChange>> retriesDue(long now) {
        List<KeyValue<EntityKey, PendingChange>> found = new ArrayList<>();
        try (KeyValueIterator<EntityKey, PendingChange> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<EntityKey, PendingChange> next = all.next();
                if (next.value.getRetryAt() != null && next.value.getRetryAt().toEpochMilli() <= now) {
                    found.add(next);
                }
            }
        }
        return found;
    }
}
