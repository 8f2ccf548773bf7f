package io.sxs.connector.xero;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ScoroEndpoint;
import io.sxs.schemas.envelope.XeroEndpoint;
import io.sxs.schemas.secret.SecretCipher;
import java.time.Instant;

/** Test connections: a real encrypted token set, as the runtime would hand it over. */
public final class Fixtures {

    private Fixtures() {
    }

    public static ConnectionContext connection(String connectionId, String apiBase, String tenantId, String accessToken) {
        SecretCipher cipher = SecretCipher.fromBase64("k", SecretCipher.newBase64Key());
        ConnectionConfig config = ConnectionConfig.newBuilder()
                .setConnectionId(connectionId)
                .setName("test " + connectionId)
                .setScoro(ScoroEndpoint.newBuilder().setSiteUrl("http://scoro.invalid").setCompanyAccountId("acme")
                        .setApiKey(cipher.encrypt(connectionId, "scoro-key")).build())
                .setXero(XeroEndpoint.newBuilder().setApiBaseUrl(apiBase).setTenantId(tenantId)
                        .setTokens(cipher.encrypt(connectionId, "{\"access_token\":\"" + accessToken
                                + "\",\"refresh_token\":\"r\",\"expires_at\":\"2099-01-01T00:00:00Z\"}")).build())
                .setCreatedAt(Instant.EPOCH).setUpdatedAt(Instant.EPOCH)
                .build();
        return new ConnectionContext(config, cipher);
    }
}
