package io.sxs.mapper.serde;

import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.serde.AvroSerde;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The stores' key serde: Avro single-object encoding as everywhere, but each thread remembers the last key it
 * encoded, because handling one change reads and writes the same item's key five or six times in a row. Keys are
 * compared by value, so a key built again for the same item hits too. The returned bytes are shared between those
 * calls; Kafka Streams only copies key bytes, never changes them.
 */
final class EntityKeySerde implements Serde<EntityKey>, Serializer<EntityKey> {

    private final AvroSerde<EntityKey> avro;
    private final ThreadLocal<Encoded> last = new ThreadLocal<>();

    EntityKeySerde(AvroSerde<EntityKey> avro) {
        this.avro = avro;
    }

    @Override
    public byte[] serialize(String topic, EntityKey key) {
        if (key == null) {
            return null;
        }
        Encoded previous = last.get();
        if (previous != null && sameItem(previous.key, key)) {
            return previous.bytes;
        }
        byte[] bytes = avro.serialize(topic, key);
        // A copy: the caller may change its key object afterwards, the remembered one must not change.
        last.set(new Encoded(EntityKey.newBuilder(key).build(), bytes));
        return bytes;
    }

    private static boolean sameItem(EntityKey a, EntityKey b) {
        return a == b || a.getEntity() == b.getEntity() && a.getSystem() == b.getSystem()
                && Objects.equals(a.getId(), b.getId()) && Objects.equals(a.getConnectionId(), b.getConnectionId());
    }

    @Override
    public Serializer<EntityKey> serializer() {
        return this;
    }

    @Override
    public Deserializer<EntityKey> deserializer() {
        return avro;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // configured up front, as every serde of the topology (MapperSerdes)
    }

    @Override
    public void close() {
        avro.close();
    }

    private record Encoded(EntityKey key, byte[] bytes) {
    }
}
