package io.sxs.mapper.process;

import io.sxs.mapper.match.ContactIndex;
import io.sxs.schemas.envelope.EntityKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets a connection deleted from {@code sxs.connections} (a tombstone: "remove it and drop its ID map"). Every row
 * it has in the task's idmap, pending and latest stores, and its scope, is deleted, so the changelogs carry tombstones
 * and the same id added again starts from nothing. A connection marked REMOVED keeps all of it. The task's scopes
 * store says which connections it holds rows of (every connection gets a scope at the first punctuation that sees it),
 * so a tombstone that arrived while the mapper was down is found at the next start.
 */
final class ConnectionPurge {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPurge.class);

    private final List<KeyValueStore<EntityKey, ?>> stores;
    private final KeyValueStore<String, String> scopes;
    private final Serializer<String> connectionPrefix;
    private final ContactIndex contacts;

    ConnectionPurge(List<KeyValueStore<EntityKey, ?>> stores, KeyValueStore<String, String> scopes,
                    Serializer<String> connectionPrefix, ContactIndex contacts) {
        this.stores = stores;
        this.scopes = scopes;
        this.connectionPrefix = connectionPrefix;
        this.contacts = contacts;
    }

    /**
     * Purges every connection this task holds a scope of that is no longer in the connections table.
     *
     * @return how many store rows were deleted
     */
    int purgeGone(Collection<String> known) {
        Set<String> live = new HashSet<>(known);
        List<String> gone = new ArrayList<>();
        try (KeyValueIterator<String, String> all = scopes.all()) {
            all.forEachRemaining(kv -> {
                if (!live.contains(kv.key)) {
                    gone.add(kv.key);
                }
            });
        }
        int deleted = 0;
        for (String id : gone) {
            deleted += purge(id);
        }
        return deleted;
    }

    private int purge(String connectionId) {
        int deleted = 0;
        for (KeyValueStore<EntityKey, ?> store : stores) {
            deleted += deleteAll(store, connectionId);
        }
        scopes.delete(connectionId);
        if (contacts != null) {
            contacts.forget(connectionId);
        }
        LOG.info("Connection {} was deleted with its ID map: {} rows of it dropped from the mapper's stores", connectionId, deleted);
        return deleted;
    }

    private <V> int deleteAll(KeyValueStore<EntityKey, V> store, String connectionId) {
        List<EntityKey> keys = new ArrayList<>();
        try (KeyValueIterator<EntityKey, V> rows = store.prefixScan(connectionId, connectionPrefix)) {
            while (rows.hasNext()) {
                KeyValue<EntityKey, V> row = rows.next();
                if (connectionId.equals(row.key.getConnectionId())) {
                    keys.add(row.key);
                }
            }
        }
        keys.forEach(store::delete); // after the scan: RocksDB iterators and deletes do not mix
        return keys.size();
    }
}
