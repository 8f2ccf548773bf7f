package io.sxs.schemas.serde;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for the generated Avro classes using Avro single-object encoding (marker, 8-byte schema fingerprint,
 * body). Writers publish their schema to the schema topic before the first record; readers resolve the writer schema
 * by fingerprint and decode into the generated class of the same full name, so one deserializer reads every type.
 *
 * <p>Configuration: {@code bootstrap.servers} (String or List, as Spring Boot passes it), {@value #STORE_CONFIG}
 * ({@code kafka}, the default when bootstrap servers are given, or {@code memory}) and {@value #TOPIC_CONFIG}.
 */
public class AvroSerde<T extends SpecificRecordBase> implements Serde<T>, Serializer<T>, Deserializer<T> {

    public static final String STORE_CONFIG = "sxs.schemas.store";
    public static final String TOPIC_CONFIG = "sxs.schemas.topic";
    public static final String DEFAULT_TOPIC = "sxs.schemas";
    private static final byte[] MARKER = {(byte) 0xC3, (byte) 0x01};

    private final Map<Schema, BinaryMessageEncoder<T>> encoders = new ConcurrentHashMap<>();
    private final Map<String, BinaryMessageDecoder<T>> decoders = new ConcurrentHashMap<>();
    private SchemaRegistryStore store;

    /** Configured later by Kafka through {@link #configure}. */
    public AvroSerde() {
    }

    public AvroSerde(SchemaRegistryStore store) {
        this.store = store;
    }

    /** A serde for the given cluster, sharing one schema store per cluster in this JVM. */
    public static <T extends SpecificRecordBase> AvroSerde<T> forCluster(String bootstrapServers) {
        return new AvroSerde<>(KafkaSchemaStore.shared(bootstrapServers, DEFAULT_TOPIC));
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (store != null) {
            return;
        }
        Object servers = configs.get("bootstrap.servers");
        String bootstrap = servers instanceof Collection<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList())
                : servers == null ? null : String.valueOf(servers).trim();
        Object kind = configs.get(STORE_CONFIG);
        String topic = configs.get(TOPIC_CONFIG) == null ? DEFAULT_TOPIC : String.valueOf(configs.get(TOPIC_CONFIG));
        if ("memory".equals(kind)) {
            store = new InMemorySchemaStore();
        } else if (bootstrap == null || bootstrap.isEmpty()) {
            throw new IllegalArgumentException("AvroSerde needs bootstrap.servers (or " + STORE_CONFIG + "=memory)");
        } else {
            store = KafkaSchemaStore.shared(bootstrap, topic);
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Schema schema = data.getSchema();
        BinaryMessageEncoder<T> encoder = encoders.computeIfAbsent(schema, s -> {
            store().register(s);
            return new BinaryMessageEncoder<>(data.getSpecificData(), s);
        });
        try {
            ByteBuffer buffer = encoder.encode(data);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Could not encode " + schema.getFullName() + " for topic " + topic, e);
        }
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        return serialize(topic, data);
    }

    @Override
    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length < 10 || bytes[0] != MARKER[0] || bytes[1] != MARKER[1]) {
            throw new UnknownSchemaException("Record on " + topic + " is not Avro single-object encoded");
        }
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Schema writer = store().findByFingerprint(fingerprint);
        if (writer == null) {
            throw new UnknownSchemaException("Unknown writer schema " + KafkaSchemaStore.hex(fingerprint) + " on " + topic);
        }
        BinaryMessageDecoder<T> decoder = decoders.computeIfAbsent(writer.getFullName(), this::decoderFor);
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Could not decode " + writer.getFullName() + " from " + topic, e);
        }
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    @SuppressWarnings("unchecked")
    private BinaryMessageDecoder<T> decoderFor(String fullName) {
        Class<?> type = SpecificData.get().getClass(new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"" + fullName + "\",\"fields\":[]}"));
        if (type == null || !SpecificRecordBase.class.isAssignableFrom(type)) {
            throw new UnknownSchemaException("No generated class for " + fullName + " on the classpath");
        }
        try {
            // The generated class's own model carries its logical-type conversions (decimals, dates).
            Method createDecoder = type.getMethod("createDecoder", org.apache.avro.message.SchemaStore.class);
            return (BinaryMessageDecoder<T>) createDecoder.invoke(null, store());
        } catch (ReflectiveOperationException e) {
            throw new UnknownSchemaException("Cannot create a decoder for " + fullName, e);
        }
    }

    private SchemaRegistryStore store() {
        if (store == null) {
            throw new IllegalStateException("AvroSerde used before configure()");
        }
        return store;
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void close() {
        // The schema store is shared per cluster and outlives single clients.
    }
}
