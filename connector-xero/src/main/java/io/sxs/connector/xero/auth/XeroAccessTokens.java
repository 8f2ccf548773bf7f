package io.sxs.connector.xero.auth;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.runtime.CredentialStore;
import io.sxs.connector.runtime.CredentialsTable;
import io.sxs.connector.source.ApiException.Kind;
import io.sxs.connector.xero.client.XeroApiException;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionCredentials;
import io.sxs.schemas.envelope.CredentialState;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token each Xero call uses, refreshed by rotation: ahead of expiry (on the API's clock), at once after a
 * 401, and before an unused refresh token would expire. One refresher at a time per connection (the owner of a
 * connection is the only instance that calls Xero for it, and a grant is taken by one connection only), and the new
 * token set is on {@code sxs.credentials} before the new access token is used, so a restart or a move continues the
 * rotation instead of replaying a spent refresh token. A grant the identity server refuses ends as
 * {@link CredentialState#AUTH_REQUIRED} with the reason: the connection then stops calling Xero at all.
 */
public final class XeroAccessTokens {

    private static final Logger log = LoggerFactory.getLogger(XeroAccessTokens.class);

    private final HttpClient http;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final Duration refreshAhead;
    private final Duration refreshUnusedAfter;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, XeroIdentityClient> identities = new ConcurrentHashMap<>();
    private volatile CredentialStore table;

    /**
     * @param clientId the Xero app's client id; null or blank: tokens are used as saved and never refreshed
     * @param clock    the Xero API's clock (expiry times are on it)
     */
    public XeroAccessTokens(HttpClient http, String clientId, String clientSecret, Clock clock, Duration refreshAhead,
                            Duration refreshUnusedAfter) {
        this.http = http;
        this.clientId = clientId == null || clientId.isBlank() ? null : clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
        this.refreshAhead = refreshAhead;
        this.refreshUnusedAfter = refreshUnusedAfter;
    }

    /** Tokens used as saved, never refreshed (tests of one class, tools). */
    public static XeroAccessTokens asSaved(Clock clock) {
        return new XeroAccessTokens(null, null, null, clock, Duration.ZERO, Duration.ofDays(30));
    }

    public void use(CredentialStore credentials) {
        this.table = credentials;
    }

    /** The access token for the next call, refreshed first when it expires within {@code refreshAhead}. */
    public String accessToken(ConnectionContext connection) throws XeroApiException {
        XeroTokenSet tokens = current(connection);
        if (dueForRefresh(tokens)) {
            tokens = refreshIf(connection, t -> dueForRefresh(t));
        }
        return tokens.accessToken();
    }

    /**
     * Xero answered 401 to {@code failed}: refreshes unless another call already did (then its token is the answer).
     * Without a way to refresh, the grant needs a person: AUTH_REQUIRED.
     */
    public String afterUnauthorised(ConnectionContext connection, String failed) throws XeroApiException {
        return refreshIf(connection, t -> t.accessToken().equals(failed)).accessToken();
    }

    /** Refreshes a refresh token not used for {@code refreshUnusedAfter} (Xero's expire after 60 days unused). */
    public void keepAlive(ConnectionContext connection) throws XeroApiException {
        if (table == null || table.authRequired(connection.config()) != null) {
            return;
        }
        XeroTokenSet tokens = current(connection);
        if (tokens.refreshable() && clientId != null && lastRotation(connection.config()).plus(refreshUnusedAfter).isBefore(clock.instant())) {
            log.info("Refreshing the Xero grant of connection {}: unused since {}", connection.connectionId(),
                    lastRotation(connection.config()));
            refreshIf(connection, t -> lastRotation(connection.config()).plus(refreshUnusedAfter).isBefore(clock.instant()));
        }
    }

    /** The token set in force: the latest rotation of the connection's grant, else the one it was saved with. */
    XeroTokenSet current(ConnectionContext connection) throws XeroApiException {
        ConnectionConfig config = connection.config();
        ConnectionCredentials row = table == null ? null : table.current(config, SystemType.XERO).orElse(null);
        if (row != null && row.getState() == CredentialState.AUTH_REQUIRED) {
            throw authRequired(connection, row.getMessage());
        }
        String json = row != null && row.getTokens() != null ? connection.decrypt(row.getTokens()) : connection.xeroTokens();
        XeroTokenSet tokens = XeroTokenSet.parse(json);
        if (tokens == null) {
            throw new XeroApiException(Kind.UNAUTHORISED, 0, "Xero token set of connection " + connection.connectionId()
                    + " is unreadable or has no access_token");
        }
        return tokens;
    }

    private boolean dueForRefresh(XeroTokenSet tokens) {
        return clientId != null && tokens.refreshable() && tokens.expiresAt() != null
                && !clock.instant().isBefore(tokens.expiresAt().minus(refreshAhead));
    }

    private XeroTokenSet refreshIf(ConnectionContext connection, java.util.function.Predicate<XeroTokenSet> stillNeeded)
            throws XeroApiException {
        ReentrantLock lock = locks.computeIfAbsent(connection.connectionId(), k -> new ReentrantLock());
        lock.lock();
        try {
            XeroTokenSet tokens = current(connection);
            if (!stillNeeded.test(tokens)) {
                return tokens; // another call refreshed while this one waited
            }
            if (!tokens.refreshable()) {
                throw markAuthRequired(connection, "Xero refused the connection's access token and it has no refresh token:"
                        + " connect Xero again (with offline_access)");
            }
            if (clientId == null) {
                throw markAuthRequired(connection, "Xero refused the connection's access token and no Xero app is configured"
                        + " to refresh it (sxs.control.xero-client-id and -secret)");
            }
            XeroTokenSet fresh;
            try {
                fresh = identity(connection.config()).refresh(tokens);
            } catch (XeroAuthException e) {
                if (e.permanent()) {
                    throw markAuthRequired(connection, "Xero refused the refresh token (" + e.getMessage() + "): the grant was"
                            + " revoked, expired or superseded; connect Xero again");
                }
                throw new XeroApiException(Kind.RETRYABLE, 0, "Refreshing the Xero token of connection "
                        + connection.connectionId() + " failed, tried again later: " + e.getMessage());
            }
            save(connection, fresh);
            log.info("Refreshed the Xero access token of connection {} (valid until {})", connection.connectionId(),
                    fresh.expiresAt());
            return fresh;
        } finally {
            lock.unlock();
        }
    }

    private void save(ConnectionContext connection, XeroTokenSet fresh) throws XeroApiException {
        ConnectionConfig config = connection.config();
        try {
            table.publish(ConnectionCredentials.newBuilder().setConnectionId(config.getConnectionId())
                    .setSystem(SystemType.XERO).setGrantId(CredentialsTable.grantOf(config, SystemType.XERO))
                    .setState(CredentialState.VALID).setTokens(connection.encrypt(fresh.toJson()))
                    .setExpiresAt(fresh.expiresAt()).setRefreshedAt(clock.instant()).setMessage(null).build());
        } catch (RuntimeException e) {
            // Not used unsaved: the old refresh token stays valid for Xero's 30-minute grace, so the next try rotates again.
            throw new XeroApiException(Kind.RETRYABLE, 0, "The refreshed Xero tokens of connection " + config.getConnectionId()
                    + " could not be saved, so they are not used: " + e.getMessage());
        }
    }

    private XeroApiException markAuthRequired(ConnectionContext connection, String message) {
        ConnectionConfig config = connection.config();
        log.warn("Connection {} needs Xero to be connected again (AUTH_REQUIRED): {}", config.getConnectionId(), message);
        if (table != null) {
            table.publish(ConnectionCredentials.newBuilder().setConnectionId(config.getConnectionId())
                    .setSystem(SystemType.XERO).setGrantId(CredentialsTable.grantOf(config, SystemType.XERO))
                    .setState(CredentialState.AUTH_REQUIRED).setTokens(null).setExpiresAt(null)
                    .setRefreshedAt(clock.instant()).setMessage(message).build());
        }
        return authRequired(connection, message);
    }

    private static XeroApiException authRequired(ConnectionContext connection, String message) {
        return new XeroApiException(Kind.UNAUTHORISED, 401, "AUTH_REQUIRED: connection " + connection.connectionId() + ": "
                + message);
    }

    private Instant lastRotation(ConnectionConfig config) {
        ConnectionCredentials row = table == null ? null : table.current(config, SystemType.XERO).orElse(null);
        return row != null ? row.getRefreshedAt() : config.getUpdatedAt();
    }

    private XeroIdentityClient identity(ConnectionConfig config) {
        String url = config.getXero().getIdentityUrl() == null ? XeroIdentityClient.tokenUrl("https://identity.xero.com")
                : config.getXero().getIdentityUrl();
        return identities.computeIfAbsent(url, u -> new XeroIdentityClient(http, clientId, clientSecret, URI.create(u),
                URI.create("https://api.xero.com/connections"), clock));
    }

    @Override
    public String toString() {
        return "XeroAccessTokens[clientId=" + clientId + ", clientSecret=****, refreshAhead=" + refreshAhead + "]";
    }
}
