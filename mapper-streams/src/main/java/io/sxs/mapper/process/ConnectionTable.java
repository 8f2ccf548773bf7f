package io.sxs.mapper.process;

import io.sxs.schemas.envelope.ConnectionConfig;
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
