package io.sxs.mapper.process;

import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.registry.ConnectionLinks;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections as one processor sees them: the global store's bytes (see {@link ConnectionsUpdater}), decoded
 * once per version of each connection. Every change looks its connection up, and decoding the configuration each
 * time cost more than most of the mapper's decisions.
 */
final class ConnectionTable implements Function<String, ConnectionConfig> {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTable.class);

    private final KeyValueStore<String, byte[]> store;
    private final Deserializer<SpecificRecordBase> decoder;
    private final Map<String, Decoded> decoded = new HashMap<>();
    private static final long LINKS_MAX_AGE_NANOS = 1_000_000_000L;
    private ConnectionLinks links;
    private Map<String, Decoded> linkVersions = Map.of();
    private long linksBuiltAt;

    ConnectionTable(KeyValueStore<String, byte[]> store, Deserializer<SpecificRecordBase> decoder) {
        this.store = store;
        this.decoder = decoder;
    }

    @Override
    public ConnectionConfig apply(String connectionId) {
        byte[] bytes = store.get(connectionId);
        if (bytes == null) {
            decoded.remove(connectionId);
            return null;
        }
        Decoded known = decoded.get(connectionId);
        if (known != null && Arrays.equals(known.bytes, bytes)) {
            return known.config;
        }
        try {
            ConnectionConfig config = decode(decoder, bytes);
            decoded.put(connectionId, new Decoded(bytes, config));
            return config;
        } catch (SerializationException e) {
            LOG.error("Connection {} has an unreadable configuration; treated as unknown", connectionId, e);
            return null;
        }
    }

    /**
     * Why the connection may not sync because it links a Scoro entity or Xero organisation that another connection
     * holds ({@link ConnectionLinks}), or null. The index is rebuilt when the connection asked about, or the holder
     * it names, is not in it as it is now (a new, rewritten or removed connection is judged at once), and otherwise at
     * most once a second.
     */
    String linkRefusal(ConnectionConfig connection) {
        String id = connection.getConnectionId();
        if (links == null || System.nanoTime() - linksBuiltAt > LINKS_MAX_AGE_NANOS || stale(id)) {
            rebuildLinks();
        }
        ConnectionConfig holder = links.conflict(connection);
        if (holder != null && stale(holder.getConnectionId())) {
            rebuildLinks();
        }
        return links.refusal(connection);
    }

    private boolean stale(String id) {
        apply(id);
        Decoded now = decoded.get(id);
        return now != linkVersions.get(id);
    }

    private void rebuildLinks() {
        java.util.List<ConnectionConfig> all = new java.util.ArrayList<>();
        Map<String, Decoded> versions = new HashMap<>();
        for (String key : ids()) {
            ConnectionConfig c = apply(key);
            if (c != null) {
                all.add(c);
                versions.put(key, decoded.get(key));
            }
        }
        links = ConnectionLinks.of(all);
        linkVersions = versions;
        linksBuiltAt = System.nanoTime();
    }

    /** The ids of every connection known. */
    java.util.List<String> ids() {
        java.util.List<String> ids = new java.util.ArrayList<>();
        try (org.apache.kafka.streams.state.KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(kv -> ids.add(kv.key));
        }
        return ids;
    }

    static ConnectionConfig decode(Deserializer<SpecificRecordBase> decoder, byte[] bytes) {
        SpecificRecordBase value = decoder.deserialize(null, bytes);
        if (!(value instanceof ConnectionConfig config)) {
            throw new SerializationException("not a ConnectionConfig: " + (value == null ? null : value.getSchema().getFullName()));
        }
        return config;
    }

    private record Decoded(byte[] bytes, ConnectionConfig config) {
    }
}
