package io.sxs.connector.scoro.support;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ScoroEndpoint;
import io.sxs.schemas.envelope.XeroEndpoint;
import io.sxs.schemas.secret.SecretCipher;
import java.time.Instant;

/** A connection context as the runtime builds it: encrypted API key, dummy Xero side. */
public final class TestConnections {

    private TestConnections() {
    }

    public static ConnectionContext scoro(String connectionId, String siteUrl, String companyAccountId, String apiKey) {
        SecretCipher cipher = SecretCipher.fromBase64("k", SecretCipher.newBase64Key());
        ConnectionConfig config = ConnectionConfig.newBuilder()
                .setConnectionId(connectionId)
                .setName("test " + connectionId)
                .setScoro(ScoroEndpoint.newBuilder().setSiteUrl(siteUrl).setCompanyAccountId(companyAccountId)
                        .setApiKey(cipher.encrypt(connectionId, apiKey)).build())
                .setXero(XeroEndpoint.newBuilder().setTenantId("tenant-" + connectionId)
                        .setTokens(cipher.encrypt(connectionId, "{}")).build())
                .setCreatedAt(Instant.EPOCH)
                .setUpdatedAt(Instant.EPOCH)
                .build();
        return new ConnectionContext(config, cipher);
    }
}
