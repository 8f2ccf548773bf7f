package io.sxs.connector.connection;

import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.secret.SecretCipher;

/**
 * One connection as a connector sees it: its configuration and its decrypted credentials. Secrets are decrypted on
 * use and never kept in logs or toString output.
 */
public final class ConnectionContext {

    private final ConnectionConfig config;
    private final SecretCipher cipher;

    public ConnectionContext(ConnectionConfig config, SecretCipher cipher) {
        this.config = config;
        this.cipher = cipher;
    }

    public String connectionId() {
        return config.getConnectionId();
    }

    public ConnectionConfig config() {
        return config;
    }

    /** The Scoro API key of this connection, decrypted. */
    public String scoroApiKey() {
        return cipher.decrypt(connectionId(), config.getScoro().getApiKey());
    }

    /** The Xero token set of this connection (JSON: access_token, refresh_token, expires_at), decrypted. */
    public String xeroTokens() {
        return cipher.decrypt(connectionId(), config.getXero().getTokens());
    }

    @Override
    public String toString() {
        return "ConnectionContext[" + connectionId() + "]";
    }
}
