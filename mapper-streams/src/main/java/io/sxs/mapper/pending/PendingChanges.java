package io.sxs.mapper.pending;

import io.sxs.mapper.idmap.EntityKeys;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.envelope.PendingChange;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Changes that wait, at most one per item (the latest wins): either for an in-flight write of the same item (no
 * missing dependencies) or for references that are not mapped yet. Backed by the {@code pending} store.
 *
 * <p>The look-ups by dependency and by age scan the task's whole store. That is fine while few changes wait; the later
 * optimisation is a secondary index (dependency key to waiting keys) kept in a second store.
 */
public final class PendingChanges {

    private final KeyValueStore<EntityKey, PendingChange> store;

    public PendingChanges(KeyValueStore<EntityKey, PendingChange> store) {
        this.store = store;
    }

    public PendingChange get(EntityKey key) {
        return store.get(key);
    }

    public void put(EntityKey key, PendingChange change) {
        store.put(key, change);
    }

    /** Removes the item's waiting change, if any; a delete of nothing would still write a tombstone to the changelog. */
    public PendingChange remove(EntityKey key) {
        return store.get(key) == null ? null : store.delete(key);
    }

    /** Waiting changes of one connection that name the given item among their missing dependencies. */
    public List<KeyValue<EntityKey, PendingChange>> waitingFor(String connectionId, EntityType entity, SystemType system, String id) {
        List<KeyValue<EntityKey, PendingChange>> found = new ArrayList<>();
        try (KeyValueIterator<EntityKey, PendingChange> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<EntityKey, PendingChange> next = all.next();
                if (next.key.getConnectionId().equals(connectionId)
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
                if (!next.value.getMissing().isEmpty() && next.value.getSince().toEpochMilli() <= cutoff) {
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
