package io.sxs.connector.runtime;

import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionCredentials;
import io.sxs.schemas.envelope.CredentialState;
import java.util.Optional;

/** Where rotated credentials are kept ({@link CredentialsTable}: the compacted {@code sxs.credentials}). */
public interface CredentialStore {

    /** The row of this system of the connection, if it belongs to the connection's current grant. */
    Optional<ConnectionCredentials> current(ConnectionConfig connection, SystemType system);

    /** Writes a row and returns once it is durable (a refreshed token is used only after this returns). */
    void publish(ConnectionCredentials credentials);

    /** Why a person must connect one of the connection's systems again, or null. */
    default String authRequired(ConnectionConfig connection) {
        for (SystemType system : SystemType.values()) {
            ConnectionCredentials c = current(connection, system).orElse(null);
            if (c != null && c.getState() == CredentialState.AUTH_REQUIRED) {
                return c.getMessage() == null ? system + " credentials were refused: connect again" : c.getMessage();
            }
        }
        return null;
    }
}
