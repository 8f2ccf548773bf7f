package io.sxs.schemas.serde;

/** The schema topic could not be read or written. */
public class SchemaStoreException extends RuntimeException {
    public SchemaStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
