package io.sxs.sandbox.xero;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/** Access tokens and the tenants each one may reach (one token set can reach several organisations). */
final class XeroTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Grant(Set<String> tenantIds, Instant expiresAt) { }

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A token that never expires, for tenants created directly (phase-1 style, and the demo). */
    String issueStatic(String tenantId) {
        String token = randomToken(32);
        Set<String> set = new CopyOnWriteArraySet<>();
        set.add(tenantId);
        grants.put(token, new Grant(set, null));
        return token;
    }

    String issue(Set<String> tenantIds, Instant expiresAt) {
        String token = randomToken(32);
        grants.put(token, new Grant(new CopyOnWriteArraySet<>(tenantIds), expiresAt));
        return token;
    }

    void revoke(String token) {
        grants.remove(token);
    }

    /** The tenants the token reaches, or null when it is unknown or expired. */
    Set<String> tenantsFor(String token, Instant now) {
        if (token == null) {
            return null;
        }
        Grant g = grants.get(token);
        if (g == null || g.expiresAt != null && !now.isBefore(g.expiresAt)) {
            return null;
        }
        return g.tenantIds;
    }
}
