package io.sxs.mapper.latest;

import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.serde.AvroSerde;
import java.io.IOException;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;

/**
 * What makes two reads of an item the same observation of it: the operation, the source's version stamp and the hash
 * of the content. Re-reads in a source's overlap window repeat all three; they differ only in event id and read time.
 */
record Observation(String operation, String sourceVersion, String contentHash) {

    private static final String OPERATION = "operation";
    private static final String SOURCE_VERSION = "sourceVersion";
    private static final String CONTENT_HASH = "contentHash";

    static Observation of(ChangeRecord change) {
        return new Observation(change.getOperation().name(), change.getSourceVersion(), change.getContentHash());
    }

    /**
     * Reads the three fields of an encoded ChangeRecord and skips the others until it has them (they come before the
     * payload, which it never reaches): far cheaper than decoding the record. Null when the writer schema holds them
     * in a shape this reader does not know, so that the caller treats the observation as new.
     */
    static Observation read(Schema writer, byte[] encoded) {
        try {
            BinaryDecoder in = AvroSerde.body(encoded, null);
            String operation = null;
            String sourceVersion = null;
            String contentHash = null;
            int found = 0;
            for (Schema.Field field : writer.getFields()) {
                switch (field.name()) {
                    case OPERATION -> operation = text(field.schema(), in);
                    case SOURCE_VERSION -> sourceVersion = text(field.schema(), in);
                    case CONTENT_HASH -> contentHash = text(field.schema(), in);
                    default -> {
                        GenericDatumReader.skip(field.schema(), in);
                        continue;
                    }
                }
                if (++found == 3) {
                    return new Observation(operation, sourceVersion, contentHash);
                }
            }
            return null;
        } catch (IOException | UnsupportedShape e) {
            return null;
        }
    }

    /** A string, an enum symbol or a nullable one of them. */
    private static String text(Schema schema, Decoder in) throws IOException {
        return switch (schema.getType()) {
            case STRING -> in.readString();
            case ENUM -> schema.getEnumSymbols().get(in.readEnum());
            case NULL -> {
                in.readNull();
                yield null;
            }
            case UNION -> text(schema.getTypes().get(in.readIndex()), in);
            default -> throw new UnsupportedShape();
        };
    }

    boolean sameAs(Observation other) {
        return other != null && operation.equals(other.operation) && Objects.equals(sourceVersion, other.sourceVersion)
                && contentHash.equals(other.contentHash);
    }

    private static final class UnsupportedShape extends RuntimeException {
        UnsupportedShape() {
            super(null, null, false, false);
        }
    }
}
