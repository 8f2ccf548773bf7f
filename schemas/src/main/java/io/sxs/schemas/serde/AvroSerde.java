package io.sxs.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
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
 * <p>Configuration: {@code bootstrap.servers} (String or List, as Spring Boot passes it) with the client's
 * {@code security.*}, {@code sasl.*} and {@code ssl.*} settings, {@value #STORE_CONFIG}
 * ({@code kafka}, the default when bootstrap servers are given, or {@code memory}) and {@value #TOPIC_CONFIG}.
 */
public class AvroSerde<T extends SpecificRecordBase> implements Serde<T>, Serializer<T>, Deserializer<T> {

    public static final String STORE_CONFIG = "sxs.schemas.store";
    public static final String TOPIC_CONFIG = "sxs.schemas.topic";
    public static final String DEFAULT_TOPIC = "sxs.schemas";
    private static final byte[] MARKER = {(byte) 0xC3, (byte) 0x01};
    /** The single-object header: marker and schema fingerprint; the Avro body follows it. */
    public static final int HEADER_LENGTH = 10;
    // Encoders and decoders are not thread-safe (datum writers and readers are): one of each per thread, reused.
    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);
    private static final ThreadLocal<BinaryEncoder> ENCODER = new ThreadLocal<>();
    private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();

    /** Per generated class: its single-object header and datum writer. */
    private final Map<Class<?>, Writer<T>> writers = new ConcurrentHashMap<>();
    /** Per writer-schema fingerprint: a reader into the generated class of the same full name. */
    private final Map<Long, DatumReader<T>> readers = new ConcurrentHashMap<>();
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

    /** As {@link #forCluster(String)}, on a cluster that needs client settings (security). */
    public static <T extends SpecificRecordBase> AvroSerde<T> forCluster(io.sxs.schemas.topic.KafkaCluster cluster) {
        return new AvroSerde<>(KafkaSchemaStore.shared(cluster, DEFAULT_TOPIC));
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (store != null) {
            return;
        }
        io.sxs.schemas.topic.KafkaCluster cluster = io.sxs.schemas.topic.KafkaCluster.fromClientConfig(configs);
        Object kind = configs.get(STORE_CONFIG);
        String topic = configs.get(TOPIC_CONFIG) == null ? DEFAULT_TOPIC : String.valueOf(configs.get(TOPIC_CONFIG));
        if ("memory".equals(kind)) {
            store = new InMemorySchemaStore();
        } else if (cluster == null) {
            throw new IllegalArgumentException("AvroSerde needs bootstrap.servers (or " + STORE_CONFIG + "=memory)");
        } else {
            store = KafkaSchemaStore.shared(cluster, topic); // with the client's security settings
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Writer<T> writer = writers.get(data.getClass());
        if (writer == null) {
            writer = writers.computeIfAbsent(data.getClass(), type -> writerFor(data));
        }
        try {
            Buffer buffer = BUFFER.get();
            buffer.reset();
            buffer.write(writer.header);
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(buffer, ENCODER.get());
            ENCODER.set(encoder);
            writer.datumWriter.write(data, encoder);
            encoder.flush();
            return buffer.toByteArray();
        } catch (IOException | RuntimeException e) {
            // The reused encoder still buffers the failed record's bytes and would flush them into the next record.
            ENCODER.remove();
            throw new SerializationException("Could not encode " + data.getSchema().getFullName() + " for topic " + topic, e);
        }
    }

    /** Publishes the schema before its first record, so that no reader ever meets an unknown fingerprint. */
    private Writer<T> writerFor(T data) {
        Schema schema = data.getSchema();
        store().register(schema);
        byte[] header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN).put(MARKER)
                .putLong(SchemaNormalization.parsingFingerprint64(schema)).array();
        SpecificData model = new SpecificData(data.getClass().getClassLoader());
        data.getSpecificData().getConversions().forEach(model::addLogicalTypeConversion);
        // Generated classes without logical types (keys, addresses, phones...) then encode themselves, which is
        // several times faster than the generic writer; the bytes are the same (test).
        model.setCustomCoders(true);
        return new Writer<>(header, new SpecificDatumWriter<>(schema, model));
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
        long fingerprint = fingerprint(bytes, topic);
        DatumReader<T> reader = readers.get(fingerprint);
        if (reader == null) {
            reader = readers.computeIfAbsent(fingerprint, f -> readerFor(f, topic));
        }
        try {
            BinaryDecoder decoder = body(bytes, DECODER.get());
            DECODER.set(decoder);
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Could not decode " + KafkaSchemaStore.hex(fingerprint) + " from " + topic, e);
        }
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    /** The writer schema of single-object encoded bytes, for readers that look at a few fields without decoding all. */
    public Schema writerSchema(byte[] bytes) {
        return writer(fingerprint(bytes, null), null);
    }

    private Schema writer(long fingerprint, String topic) {
        Schema writer = store().findByFingerprint(fingerprint);
        if (writer == null) {
            throw new UnknownSchemaException("Unknown writer schema " + KafkaSchemaStore.hex(fingerprint)
                    + (topic == null ? "" : " on " + topic));
        }
        return writer;
    }

    private static long fingerprint(byte[] bytes, String topic) {
        if (bytes.length < HEADER_LENGTH || bytes[0] != MARKER[0] || bytes[1] != MARKER[1]) {
            throw new UnknownSchemaException((topic == null ? "Record" : "Record on " + topic) + " is not Avro single-object encoded");
        }
        return ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** The body of single-object encoded bytes, after the header. */
    public static BinaryDecoder body(byte[] bytes, BinaryDecoder reuse) {
        return DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, reuse);
    }

    /** A reader from the writer schema into the generated class of its full name, with that class's conversions. */
    @SuppressWarnings("unchecked")
    private DatumReader<T> readerFor(long fingerprint, String topic) {
        Schema writer = writer(fingerprint, topic);
        Class<?> type = SpecificData.get().getClass(writer);
        if (type == null || !SpecificRecordBase.class.isAssignableFrom(type)) {
            throw new UnknownSchemaException("No generated class for " + writer.getFullName() + " on the classpath");
        }
        // The generated class's own model carries its logical-type conversions (decimals, dates).
        SpecificData model = SpecificData.getForClass(type);
        return new SpecificDatumReader<>(writer, SchemaCatalog.schemaOf((Class<? extends SpecificRecordBase>) type), model);
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

    private record Writer<T>(byte[] header, DatumWriter<T> datumWriter) {
    }

    /** A ByteArrayOutputStream that is reset and reused by its thread. */
    private static final class Buffer extends java.io.ByteArrayOutputStream {
        Buffer() {
            super(1024);
        }
    }
}
