package io.sxs.mapper.serde;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.Operation;
import io.sxs.schemas.serde.AvroSerde;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;

/**
 * The envelope of an encoded change record, read without its payload: enough to recognise an echo or an unchanged
 * re-read (most of what a source emits twice) and decide it without decoding the item itself. The fields come before
 * the payload in the writer schema, so reading stops before it. The latest store compares stored observations with it
 * too.
 */
public record ChangeHeader(String connectionId, SystemType system, EntityType entity, String sourceId, String sourceVersion,
                    Operation operation, String contentHash, String cause) {

    private static final int FIELDS = 8;

    /** True when a person asked for the item to be written again whatever the ID map says. */
    public boolean resync() {
        return "RESYNC".equals(cause);
    }

    /** Null when the writer schema holds these fields in a shape this reader does not know (then decode it all). */
    public static ChangeHeader read(Schema writer, byte[] encoded) {
        try {
            BinaryDecoder in = AvroSerde.body(encoded, null);
            String connectionId = null;
            String system = null;
            String entity = null;
            String sourceId = null;
            String sourceVersion = null;
            String operation = null;
            String contentHash = null;
            String cause = null;
            int found = 0;
            for (Schema.Field field : writer.getFields()) {
                switch (field.name()) {
                    case "connectionId" -> connectionId = text(field.schema(), in);
                    case "system" -> system = text(field.schema(), in);
                    case "entity" -> entity = text(field.schema(), in);
                    case "sourceId" -> sourceId = text(field.schema(), in);
                    case "sourceVersion" -> sourceVersion = text(field.schema(), in);
                    case "operation" -> operation = text(field.schema(), in);
                    case "contentHash" -> contentHash = text(field.schema(), in);
                    case "cause" -> cause = text(field.schema(), in);
                    default -> {
                        GenericDatumReader.skip(field.schema(), in);
                        continue;
                    }
                }
                if (++found == FIELDS) {
                    return connectionId == null || system == null || entity == null || operation == null ? null
                            : new ChangeHeader(connectionId, SystemType.valueOf(system), EntityType.valueOf(entity), sourceId,
                            sourceVersion, Operation.valueOf(operation), contentHash, cause);
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // an unknown symbol, a shape this reader does not know: the full decode decides
        }
    }

    private static String text(Schema schema, Decoder in) throws IOException {
        return switch (schema.getType()) {
            case STRING -> in.readString();
            case ENUM -> schema.getEnumSymbols().get(in.readEnum());
            case NULL -> {
                in.readNull();
                yield null;
            }
            case UNION -> text(schema.getTypes().get(in.readIndex()), in);
            default -> throw new IllegalArgumentException("not a text field: " + schema);
        };
    }
}
