package io.sxs.app.control;

import io.sxs.connector.xero.auth.XeroIdentityClient;
import io.sxs.connector.xero.auth.XeroTokenSet;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Xero consents between the OAuth callback and the connection they become: the token set and the organisations it
 * reaches, held in this process's memory only (never on a topic until a connection takes it) for a short while, and
 * the one-time {@code state} values of authorizations in flight. A grant is taken once: two connections never share one
 * refresh-token rotation.
 */
public final class XeroGrants {

    static final Duration TTL = Duration.ofMinutes(15);

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, Instant> states = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public XeroGrants(Clock clock) {
        this.clock = clock;
    }

    /** A consent: its token set, where it is refreshed, and the organisations the person chose. */
    public record Grant(String id, XeroTokenSet tokens, String tokenUrl, List<XeroIdentityClient.Tenant> tenants,
                        Instant receivedAt) {
        @Override
        public String toString() {
            return "Grant[" + id + ", " + tokens + ", tenants=" + tenants + "]";
        }
    }

    /** A new one-time state for an authorization request. */
    public String newState() {
        expire();
        String state = token();
        states.put(state, clock.instant().plus(TTL));
        return state;
    }

    /** True (once) when {@code state} was issued here and has not expired. */
    public boolean consumeState(String state) {
        expire();
        return state != null && states.remove(state) != null;
    }

    public Grant put(XeroTokenSet tokens, String tokenUrl, List<XeroIdentityClient.Tenant> tenants) {
        expire();
        String id = token();
        Grant g = new Grant(id, new XeroTokenSet(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), id),
                tokenUrl, List.copyOf(tenants), clock.instant());
        grants.put(id, g);
        return g;
    }

    public Grant find(String id) {
        expire();
        Grant g = id == null ? null : grants.get(id);
        if (g == null) {
            throw new ControlErrors.NotFound("No Xero grant " + id + " (grants are kept " + TTL.toMinutes()
                    + " minutes after the consent; connect Xero again)");
        }
        return g;
    }

    /** Takes the grant for a connection to {@code tenantId}, which it must reach. */
    public Grant take(String id, String tenantId) {
        Grant g = find(id);
        if (g.tenants().stream().noneMatch(t -> t.tenantId().equals(tenantId))) {
            throw new IllegalArgumentException("Xero grant " + id + " does not reach organisation " + tenantId + " (it reaches "
                    + g.tenants().stream().map(t -> t.tenantId() + " " + t.tenantName()).toList() + ")");
        }
        if (!grants.remove(id, g)) {
            throw new ControlErrors.NotFound("Xero grant " + id + " was taken by another connection");
        }
        return g;
    }

    private void expire() {
        Instant now = clock.instant();
        grants.values().removeIf(g -> g.receivedAt().plus(TTL).isBefore(now));
        states.values().removeIf(until -> until.isBefore(now));
    }

    private String token() {
        byte[] b = new byte[18];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
