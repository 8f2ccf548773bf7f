package io.sxs.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** A record's writer schema is not in the schema topic, or its bytes are not Avro single-object encoded. */
public class UnknownSchemaException extends SerializationException {
    public UnknownSchemaException(String message) {
        super(message);
    }

    public UnknownSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
