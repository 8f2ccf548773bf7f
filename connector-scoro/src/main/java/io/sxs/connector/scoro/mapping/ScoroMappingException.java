package io.sxs.connector.scoro.mapping;

/** A Scoro payload, or a canonical item, that cannot be mapped; the message says which field and why. */
public class ScoroMappingException extends RuntimeException {

    public ScoroMappingException(String message) {
        super(message);
    }

    public ScoroMappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
