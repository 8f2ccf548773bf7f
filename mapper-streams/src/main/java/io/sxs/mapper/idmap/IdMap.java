package io.sxs.mapper.idmap;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.envelope.IdMapEntry;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The ID map: one entry per item and system, holding its counterpart in the other system, where it was first created,
 * and the hashes that drive echo suppression. Backed by the {@code idmap} store (changelog: compacted topic).
 */
public final class IdMap {

    private final KeyValueStore<EntityKey, IdMapEntry> store;

    public IdMap(KeyValueStore<EntityKey, IdMapEntry> store) {
        this.store = store;
    }

    public IdMapEntry get(EntityKey key) {
        return store.get(key);
    }

    public IdMapEntry get(String connectionId, EntityType entity, SystemType system, String id) {
        return store.get(EntityKeys.of(connectionId, entity, system, id));
    }

    public void put(IdMapEntry entry) {
        store.put(EntityKeys.of(entry.getConnectionId(), entry.getEntity(), entry.getSystem(), entry.getId()), entry);
    }

    /** A fresh entry for an item seen for the first time; its origin is the system it came from. */
    public static IdMapEntry.Builder newEntry(EntityKey key, SystemType origin, long now) {
        return IdMapEntry.newBuilder().setConnectionId(key.getConnectionId()).setEntity(key.getEntity())
                .setSystem(key.getSystem()).setId(key.getId()).setOrigin(origin).setUpdatedAt(java.time.Instant.ofEpochMilli(now));
    }

    /** The counterpart id when the item is mapped, else null. */
    public String counterpartOf(EntityKey key) {
        IdMapEntry entry = store.get(key);
        return entry == null ? null : entry.getCounterpartId();
    }
}
