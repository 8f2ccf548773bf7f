package io.sxs.sandbox.xero;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The identity side: registered apps, user consents (which tenants an app may reach), authorization codes,
 * access tokens (30 minutes) and rotating refresh tokens (previous one usable for a 30-minute grace period,
 * unused ones expire after 60 days).
 */
final class XeroTokens implements java.io.Serializable {
    /** Fixed, so a rebuild that keeps the fields can still read earlier snapshots. */
    @java.io.Serial
    private static final long serialVersionUID = 1L;


    static final Duration ACCESS_TTL = Duration.ofMinutes(30);
    static final Duration REFRESH_GRACE = Duration.ofMinutes(30);
    static final Duration REFRESH_UNUSED_TTL = Duration.ofDays(60);
    static final Duration CODE_TTL = Duration.ofMinutes(5);
    static final String DEFAULT_CLIENT = "sandbox-default-app";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One user's consent for one app: the tenants (by connection id) it may reach. */
    static final class Consent implements java.io.Serializable {
        /** Fixed, so a rebuild that keeps the fields can still read earlier snapshots. */
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        final String authEventId = UUID.randomUUID().toString();
        final String clientId;
        final String scope;
        final Instant created;
        /** connection id → tenant id; removing an entry disconnects that tenant at once. */
        final Map<String, String> connections = new ConcurrentHashMap<>();
        final Map<String, Instant> connectedAt = new ConcurrentHashMap<>();
        volatile boolean revoked;
        volatile boolean custom;

        Consent(String clientId, String scope, Instant created) {
            this.clientId = clientId;
            this.scope = scope;
            this.created = created;
        }

        Set<String> tenantIds() {
            return Set.copyOf(connections.values());
        }
    }

    private record Access(Consent consent, Set<String> staticTenants, Instant expiresAt) implements java.io.Serializable { }

    private record Code(Consent consent, String redirectUri, Instant expiresAt) implements java.io.Serializable { }

    private static final class Refresh implements java.io.Serializable {
        /** Fixed, so a rebuild that keeps the fields can still read earlier snapshots. */
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        final Consent consent;
        final Instant issuedAt;
        volatile Instant supersededAt;

        Refresh(Consent consent, Instant issuedAt) {
            this.consent = consent;
            this.issuedAt = issuedAt;
        }
    }

    /** The result of a successful token request. */
    record TokenSet(String accessToken, String refreshToken, long expiresIn, String scope, String idToken) { }

    private final Map<String, XeroApp> apps = new ConcurrentHashMap<>();
    /** Custom connections: client id → the one tenant its client_credentials tokens reach. */
    private final Map<String, String> customConnections = new ConcurrentHashMap<>();
    private final Map<String, Access> access = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refresh = new ConcurrentHashMap<>();
    private final List<Consent> consents = new java.util.concurrent.CopyOnWriteArrayList<>();

    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    XeroApp registerApp(String name) {
        XeroApp app = new XeroApp(UUID.randomUUID().toString().replace("-", "").toUpperCase(), randomToken(36), name);
        apps.put(app.clientId(), app);
        return app;
    }

    /** A custom connection: an app bound to one organisation, using the client_credentials grant. */
    XeroApp registerCustomConnection(String name, String tenantId) {
        XeroApp app = registerApp(name);
        customConnections.put(app.clientId(), tenantId);
        return app;
    }

    /** client_credentials: a 30-minute token for the custom connection's tenant, no refresh token; null if not custom. */
    TokenSet clientCredentials(XeroApp app, String scope, Instant now) {
        String tenantId = customConnections.get(app.clientId());
        if (tenantId == null) {
            return null;
        }
        Consent consent = new Consent(app.clientId(), scope, now);
        consent.connections.put(UUID.randomUUID().toString(), tenantId);
        consent.custom = true;
        String at = jwt(app.clientId(), null, now.plus(ACCESS_TTL));
        access.put(at, new Access(consent, null, now.plus(ACCESS_TTL)));
        return new TokenSet(at, null, ACCESS_TTL.toSeconds(), scope, null);
    }

    /** The single tenant of a custom-connection token (which needs no xero-tenant-id header), else null. */
    String customTenant(String token) {
        Access a = token == null ? null : access.get(token);
        return a != null && a.consent != null && a.consent.custom ? a.consent.connections.values().iterator().next() : null;
    }

    /** The app a client authenticates as, or null when the id or secret is wrong. */
    XeroApp authenticate(String clientId, String secret) {
        XeroApp app = clientId == null ? null : apps.get(clientId);
        return app != null && app.clientSecret().equals(secret) ? app : null;
    }

    XeroApp app(String clientId) {
        return clientId == null ? null : apps.get(clientId);
    }

    /** A token that never expires and reaches one tenant (tenants created directly, and the demo). */
    String issueStatic(String tenantId) {
        String token = jwt(DEFAULT_CLIENT, null, Instant.now().plus(Duration.ofDays(3650)));
        Set<String> set = new CopyOnWriteArraySet<>();
        set.add(tenantId);
        access.put(token, new Access(null, set, null));
        return token;
    }

    /** The user consents: the app may reach these tenants. Returns a single-use authorization code. */
    String authorize(String clientId, String redirectUri, String scope, List<String> tenantIds, Instant now) {
        Consent consent = new Consent(clientId, scope, now);
        for (String t : tenantIds) {
            String connectionId = UUID.randomUUID().toString();
            consent.connections.put(connectionId, t);
            consent.connectedAt.put(connectionId, now);
        }
        consents.add(consent);
        String code = randomToken(24);
        codes.put(code, new Code(consent, redirectUri, now.plus(CODE_TTL)));
        return code;
    }

    /** Exchanges a code; null means invalid_grant. */
    TokenSet exchangeCode(XeroApp app, String code, String redirectUri, Instant now) {
        Code c = code == null ? null : codes.remove(code);
        if (c == null || !now.isBefore(c.expiresAt) || !c.consent.clientId.equals(app.clientId())
                || (c.redirectUri != null && !c.redirectUri.equals(redirectUri))) {
            return null;
        }
        return issue(c.consent, now);
    }

    /** Rotates a refresh token; null means invalid_grant (unknown, revoked, expired, past its grace period). */
    TokenSet refresh(XeroApp app, String token, Instant now) {
        Refresh r = token == null ? null : refresh.get(token);
        if (r == null || r.consent.revoked || !r.consent.clientId.equals(app.clientId())) {
            return null;
        }
        if (!now.isBefore(r.issuedAt.plus(REFRESH_UNUSED_TTL))) {
            return null;
        }
        if (r.supersededAt != null && !now.isBefore(r.supersededAt.plus(REFRESH_GRACE))) {
            return null;
        }
        if (r.supersededAt == null) {
            r.supersededAt = now;
        }
        return issue(r.consent, now);
    }

    private TokenSet issue(Consent consent, Instant now) {
        String at = jwt(consent.clientId, consent.authEventId, now.plus(ACCESS_TTL));
        access.put(at, new Access(consent, null, now.plus(ACCESS_TTL)));
        String rt = randomToken(32);
        refresh.put(rt, new Refresh(consent, now));
        boolean openid = consent.scope != null && consent.scope.contains("openid");
        return new TokenSet(at, consent.scope != null && consent.scope.contains("offline_access") ? rt : null,
                ACCESS_TTL.toSeconds(), consent.scope, openid ? jwt(consent.clientId, consent.authEventId, now.plus(Duration.ofMinutes(5))) : null);
    }

    /** Revocation of a refresh token ends the whole consent (its access tokens stop working too). */
    void revoke(String token) {
        Refresh r = token == null ? null : refresh.get(token);
        if (r != null) {
            r.consent.revoked = true;
        }
    }

    /** The consent behind an access token, or null (static tokens have none). */
    Consent consentFor(String token, Instant now) {
        Access a = token == null ? null : access.get(token);
        if (a == null || a.consent == null || a.consent.revoked || a.expiresAt != null && !now.isBefore(a.expiresAt)) {
            return null;
        }
        return a.consent;
    }

    /** The tenants the token reaches, or null when it is unknown, expired or revoked. */
    Set<String> tenantsFor(String token, Instant now) {
        Access a = token == null ? null : access.get(token);
        if (a == null || a.expiresAt != null && !now.isBefore(a.expiresAt)) {
            return null;
        }
        if (a.consent != null) {
            return a.consent.revoked ? null : a.consent.tenantIds();
        }
        return a.staticTenants;
    }

    /** Whether an app is connected to a tenant: the default app to every tenant, others through live consents. */
    boolean appReaches(String clientId, String tenantId) {
        if (DEFAULT_CLIENT.equals(clientId)) {
            return true;
        }
        if (tenantId.equals(customConnections.get(clientId))) {
            return true;
        }
        for (Consent c : consents) {
            if (c.clientId.equals(clientId) && !c.revoked && c.connections.containsValue(tenantId)) {
                return true;
            }
        }
        return false;
    }

    /** The client id a token belongs to (for per-app rate limits). */
    String clientFor(String token) {
        Access a = token == null ? null : access.get(token);
        return a == null || a.consent == null ? DEFAULT_CLIENT : a.consent.clientId;
    }

    /** A JWT-shaped opaque token, so clients that read `exp` from the access token can. Not signed for real. */
    private static String jwt(String clientId, String authEventId, Instant exp) {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String header = enc.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = "{\"iss\":\"https://identity.xero.com\",\"aud\":\"https://identity.xero.com/resources\","
                + "\"client_id\":\"" + clientId + "\",\"exp\":" + exp.getEpochSecond()
                + (authEventId == null ? "" : ",\"authentication_event_id\":\"" + authEventId + "\"")
                + ",\"jti\":\"" + randomToken(12) + "\"}";
        return header + "." + enc.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + randomToken(32);
    }

    List<Consent> consents() {
        return new ArrayList<>(consents);
    }
}
