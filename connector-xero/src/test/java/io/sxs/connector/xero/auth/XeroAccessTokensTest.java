package io.sxs.connector.xero.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.runtime.CredentialStore;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.xero.client.XeroApiException;
import io.sxs.sandbox.xero.XeroApp;
import io.sxs.sandbox.xero.XeroSandbox;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionCredentials;
import io.sxs.schemas.envelope.CredentialState;
import io.sxs.schemas.envelope.ScoroEndpoint;
import io.sxs.schemas.envelope.XeroEndpoint;
import io.sxs.schemas.secret.SecretCipher;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rotation rules against the Xero sandbox's identity server (real HTTP), with the credentials topic replaced by an
 * in-memory store: one refresher at a time, a 401 after someone else's refresh costs nothing, unused grants are
 * refreshed before they expire, a refused grant ends AUTH_REQUIRED with no further calls, and a rotation that cannot
 * be saved is not used.
 */
class XeroAccessTokensTest {

    private static final SecretCipher CIPHER = SecretCipher.fromBase64("k1", SecretCipher.newBase64Key());
    private static final String REFRESH = "POST /connect/token (refresh_token)";
    private static XeroSandbox xero;
    private XeroApp app;
    private XeroTenant tenant;
    private MemoryStore store;
    private XeroAccessTokens tokens;

    @BeforeAll
    static void startSandbox() {
        xero = XeroSandbox.start(0);
    }

    @AfterAll
    static void stopSandbox() {
        xero.close();
    }

    @BeforeEach
    void setUp() {
        app = xero.registerApp("tokens-" + System.nanoTime());
        tenant = xero.createTenant("Tokens Ltd");
        store = new MemoryStore();
        tokens = new XeroAccessTokens(HttpClient.newHttpClient(), app.clientId(), app.clientSecret(), xero.clock(),
                Duration.ofMinutes(5), Duration.ofDays(30));
        tokens.use(store);
    }

    @Test
    void eightCallsThatFindTheTokenExpiringShareOneRefresh() throws Exception {
        ConnectionContext c = consented();
        xero.clock().advance(Duration.ofMinutes(26));
        long before = refreshes();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> got = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            got.add(pool.submit(() -> tokens.accessToken(c)));
        }
        List<String> access = new ArrayList<>();
        for (Future<String> f : got) {
            access.add(f.get());
        }
        pool.shutdown();
        assertThat(refreshes() - before).isEqualTo(1);
        assertThat(access).containsOnly(access.get(0));
        assertThat(store.saved).hasSize(1);
        assertThat(CIPHER.decrypt("t1", store.saved.get(0).getTokens())).contains(access.get(0));
    }

    @Test
    void aFourOhOneForATokenAlreadyReplacedTakesTheNewOneWithoutRefreshingAgain() throws Exception {
        ConnectionContext c = consented();
        String first = tokens.accessToken(c);
        String second = tokens.afterUnauthorised(c, first);
        assertThat(second).isNotEqualTo(first);
        long before = refreshes();
        assertThat(tokens.afterUnauthorised(c, first)).isEqualTo(second);
        assertThat(refreshes()).isEqualTo(before);
    }

    @Test
    void anUnusedGrantIsRefreshedAfterThirtyDaysAndNotBefore() throws Exception {
        ConnectionContext c = consented();
        long before = refreshes();
        xero.clock().advance(Duration.ofDays(29));
        tokens.keepAlive(c);
        assertThat(refreshes()).isEqualTo(before);
        xero.clock().advance(Duration.ofDays(2));
        tokens.keepAlive(c);
        assertThat(refreshes()).isEqualTo(before + 1);
        xero.clock().advance(Duration.ofDays(31));
        tokens.keepAlive(c);
        assertThat(refreshes()).as("61 days after the consent, alive").isEqualTo(before + 2);
    }

    @Test
    void aRevokedGrantEndsAuthRequiredAndIsNotAskedAgain() throws Exception {
        ConnectionContext c = consented();
        revoke(XeroTokenSet.parse(c.xeroTokens()).refreshToken());
        assertThatThrownBy(() -> tokens.afterUnauthorised(c, tokens.accessToken(c)))
                .isInstanceOf(XeroApiException.class).hasMessageContaining("AUTH_REQUIRED")
                .hasMessageContaining("invalid_grant").hasMessageContaining("connect Xero again");
        assertThat(store.saved).last().extracting(ConnectionCredentials::getState).isEqualTo(CredentialState.AUTH_REQUIRED);
        Map<String, Long> calls = xero.identityCallCounts();
        assertThatThrownBy(() -> tokens.accessToken(c)).hasMessageContaining("AUTH_REQUIRED");
        tokens.keepAlive(c);
        assertThat(xero.identityCallCounts()).isEqualTo(calls);
        assertThat(store.authRequired(c.config())).contains("revoked, expired or superseded");
    }

    @Test
    void aRotationThatCannotBeSavedIsNotUsed() throws Exception {
        ConnectionContext c = consented();
        String saved = tokens.accessToken(c);
        store.failing = true;
        xero.clock().advance(Duration.ofMinutes(26));
        assertThatThrownBy(() -> tokens.accessToken(c)).isInstanceOf(XeroApiException.class)
                .hasMessageContaining("could not be saved").extracting(e -> ((ApiException) e).kind())
                .isEqualTo(ApiException.Kind.RETRYABLE);
        store.failing = false;
        String next = tokens.accessToken(c);
        assertThat(next).as("rotated again from the saved refresh token, within its grace").isNotEqualTo(saved);
    }

    private long refreshes() {
        return xero.identityCallCounts().getOrDefault(REFRESH, 0L);
    }

    /** A connection with a fresh consent's tokens, as the control API saves it. */
    private ConnectionContext consented() throws Exception {
        String redirect = "https://sync.example/oauth/xero/callback";
        String code = xero.authorize(app.clientId(), redirect, XeroIdentityClient.SCOPES, tenant.tenantId());
        XeroIdentityClient identity = new XeroIdentityClient(HttpClient.newHttpClient(), app.clientId(), app.clientSecret(),
                URI.create(XeroIdentityClient.tokenUrl(xero.identityBase().toString())), xero.connectionsUri(), xero.clock());
        XeroTokenSet set = identity.exchange(code, redirect);
        set = new XeroTokenSet(set.accessToken(), set.refreshToken(), set.expiresAt(), "grant-1");
        ConnectionConfig config = ConnectionConfig.newBuilder().setConnectionId("t1").setName("t1")
                .setScoro(ScoroEndpoint.newBuilder().setSiteUrl("http://scoro.invalid").setCompanyAccountId("a")
                        .setApiKey(CIPHER.encrypt("t1", "k")).build())
                .setXero(XeroEndpoint.newBuilder().setApiBaseUrl(xero.apiBase().toString()).setTenantId(tenant.tenantId())
                        .setIdentityUrl(identity.tokenUrl().toString()).setGrantId("grant-1")
                        .setTokens(CIPHER.encrypt("t1", set.toJson())).build())
                .setCreatedAt(xero.clock().instant()).setUpdatedAt(xero.clock().instant()).build();
        return new ConnectionContext(config, CIPHER);
    }

    private static void revoke(String refreshToken) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(xero.identityBase() + "/connect/revocation"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    /** The credentials topic as a map (what {@code CredentialsTable} keeps after its broker round trip). */
    static final class MemoryStore implements CredentialStore {
        final Map<String, ConnectionCredentials> rows = new ConcurrentHashMap<>();
        final List<ConnectionCredentials> saved = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean failing;

        @Override
        public Optional<ConnectionCredentials> current(ConnectionConfig connection, SystemType system) {
            String grant = connection.getXero().getGrantId();
            return Optional.ofNullable(rows.get(connection.getConnectionId())).filter(r -> r.getGrantId().equals(grant));
        }

        @Override
        public void publish(ConnectionCredentials credentials) {
            if (failing) {
                throw new IllegalStateException("the broker is away");
            }
            saved.add(credentials);
            rows.put(credentials.getConnectionId(), credentials);
        }
    }
}
