package io.sxs.connector.preflight;

/** Where a connection stands with its pre-flight check; only a {@link #PASSED} connection syncs. */
public enum PreflightState {
    /** One system's facts are not read yet (or were read for an older version of the connection). */
    WAITING,
    /** Both systems were read and nothing stops the connection. */
    PASSED,
    /** Both systems were read and something would make the sync wrong: the problems say what. */
    FAILED,
    /**
     * The connection links a Scoro entity or a Xero organisation that another connection holds (one to one): it
     * syncs nothing, and reads neither API, until that one is removed.
     */
    REFUSED,
    /**
     * The identity server refused the connection's grant (revoked, expired, superseded): it syncs nothing, and reads
     * neither API, until a person connects that system again.
     */
    AUTH_REQUIRED,
    /** A system could not be read (credentials refused, API down): the problems say why; it is tried again. */
    UNREADABLE
}
