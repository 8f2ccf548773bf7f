package io.sxs.connector.xero.mapping;

/** A Xero payload that does not map onto the canonical model (or a canonical item that cannot be sent to Xero). */
public class MappingException extends Exception {

    public MappingException(String message) {
        super(message);
    }
}
