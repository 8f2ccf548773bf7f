package io.sxs.mapper.serde;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.serde.AvroSerde;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A connection id serialized as the leading bytes of every store key of that connection (the single-object header,
 * then {@code connectionId}, the key's first field), so that a store can be prefix-scanned for one connection instead
 * of read whole. The length is part of Avro's string encoding, so one connection's prefix never matches another's.
 */
public final class ConnectionKeyPrefix implements Serializer<String> {

    private final Serializer<EntityKey> keys;

    public ConnectionKeyPrefix(Serializer<EntityKey> keys) {
        this.keys = keys;
    }

    @Override
    public byte[] serialize(String topic, String connectionId) {
        byte[] probe = keys.serialize(topic, new EntityKey(connectionId, EntityType.values()[0], SystemType.values()[0], ""));
        byte[] field = avroString(connectionId);
        int end = AvroSerde.HEADER_LENGTH + field.length;
        if (probe.length < end || !Arrays.equals(probe, AvroSerde.HEADER_LENGTH, end, field, 0, field.length)) {
            throw new IllegalStateException("Store keys do not start with the connection id; the prefix scan cannot be used");
        }
        return Arrays.copyOf(probe, end);
    }

    private static byte[] avroString(String value) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            encoder.writeString(value);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
