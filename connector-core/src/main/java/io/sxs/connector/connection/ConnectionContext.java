package io.sxs.connector.connection;

import io.sxs.connector.budget.Lane;
import io.sxs.schemas.common.EncryptedSecret;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.secret.SecretCipher;

/**
 * One connection as a connector sees it for one unit of work: its configuration, its decrypted credentials, and the
 * budget lane the work's calls are made in. Secrets are decrypted on use and never kept in logs or toString output.
 */
public final class ConnectionContext {

    private final ConnectionConfig config;
    private final SecretCipher cipher;
    private final Lane lane;

    /** A context for writes (the lane of anything not said otherwise). */
    public ConnectionContext(ConnectionConfig config, SecretCipher cipher) {
        this(config, cipher, Lane.WRITE);
    }

    public ConnectionContext(ConnectionConfig config, SecretCipher cipher, Lane lane) {
        this.config = config;
        this.cipher = cipher;
        this.lane = lane;
    }

    /** The lane in which this unit of work calls the API. */
    public Lane lane() {
        return lane;
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

    /** Encrypts a secret of this connection (bound to its id) for keeping on a topic. */
    public EncryptedSecret encrypt(String secret) {
        return cipher.encrypt(connectionId(), secret);
    }

    public String decrypt(EncryptedSecret secret) {
        return cipher.decrypt(connectionId(), secret);
    }

    @Override
    public String toString() {
        return "ConnectionContext[" + connectionId() + ", " + lane + "]";
    }
}
