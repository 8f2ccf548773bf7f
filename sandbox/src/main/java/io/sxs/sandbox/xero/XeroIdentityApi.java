package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.http.Router;
import io.sxs.sandbox.http.SandboxRequest;
import io.sxs.sandbox.http.SandboxResponse;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Xero's identity endpoints on a path prefix of the same server: /identity/connect/authorize, /token and
 * /revocation (as on identity.xero.com / login.xero.com), plus GET/DELETE /connections (as on api.xero.com).
 */
final class XeroIdentityApi {

    static final String IDENTITY = "/identity";
    private final XeroSandbox sandbox;
    private final Router router = new Router();

    XeroIdentityApi(XeroSandbox sandbox) {
        this.sandbox = sandbox;
        router.add("GET", IDENTITY, "/connect/authorize", "GET /connect/authorize", this::authorize);
        router.add("POST", IDENTITY, "/connect/token", "POST /connect/token", this::token);
        router.add("POST", IDENTITY, "/connect/revocation", "POST /connect/revocation", this::revoke);
        router.add("GET", "", "/connections", this::connections);
        router.add("DELETE", "", "/connections/{id}", this::disconnect);
    }

    boolean handles(SandboxRequest r) {
        String p = r.path();
        return p.startsWith(IDENTITY + "/") || p.equalsIgnoreCase("/connections") || p.regionMatches(true, 0, "/connections/", 0, 13);
    }

    SandboxResponse handle(SandboxRequest r) throws Exception {
        var m = router.match(r);
        if (m.isEmpty()) {
            return XeroErrors.notFound();
        }
        if (m.get().methodNotAllowed()) {
            return SandboxResponse.empty(405);
        }
        return m.get().handler().handle(r);
    }

    private Instant now() {
        return sandbox.clock.instant();
    }

    private static SandboxResponse oauthError(int status, String error) {
        return SandboxResponse.json(status, Json.object().put("error", error));
    }

    /**
     * Simulates the user's consent screen: consents at once and redirects with a code. The sandbox-only
     * parameter {@code sandbox_tenants} (comma list) picks the organisations; without it, all tenants are granted.
     */
    private SandboxResponse authorize(SandboxRequest r) {
        String clientId = r.query("client_id");
        String redirect = r.query("redirect_uri");
        if (!"code".equals(r.query("response_type")) || sandbox.tokens.app(clientId) == null || redirect == null) {
            return oauthError(400, "invalid_request");
        }
        List<String> tenants = new ArrayList<>();
        String chosen = r.query("sandbox_tenants");
        if (chosen != null && !chosen.isBlank()) {
            for (String t : chosen.split(",")) {
                tenants.add(t.trim());
            }
        } else {
            tenants.addAll(sandbox.tenants.keySet());
        }
        String code = sandbox.tokens.authorize(clientId, redirect, r.query("scope"), tenants, now());
        String state = r.query("state");
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + enc(code)
                + (state == null ? "" : "&state=" + enc(state)) + "&scope=" + enc(String.valueOf(r.query("scope")));
        return SandboxResponse.empty(302).header("Location", location);
    }

    private SandboxResponse token(SandboxRequest r) {
        Map<String, String> form = form(r.body());
        SandboxResponse resp = grant(r, form);
        String name = "POST /connect/token (" + form.get("grant_type") + ")";
        if (resp.status() != 200) {
            name += " -> " + resp.bodyText().replaceAll(".*\"error\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        }
        sandbox.identityCalls.record(name, true);
        return resp;
    }

    private SandboxResponse grant(SandboxRequest r, Map<String, String> form) {
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = r.header("Authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                clientId = colon < 0 ? decoded : decoded.substring(0, colon);
                secret = colon < 0 ? "" : decoded.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return oauthError(401, "invalid_client");
            }
        }
        XeroApp app = sandbox.tokens.authenticate(clientId, secret);
        if (app == null) {
            return oauthError(401, "invalid_client");
        }
        String grant = form.get("grant_type");
        XeroTokens.TokenSet set;
        if ("authorization_code".equals(grant)) {
            set = sandbox.tokens.exchangeCode(app, form.get("code"), form.get("redirect_uri"), now());
        } else if ("refresh_token".equals(grant)) {
            set = sandbox.tokens.refresh(app, form.get("refresh_token"), now());
        } else if ("client_credentials".equals(grant)) {
            set = sandbox.tokens.clientCredentials(app, form.get("scope"), now());
            if (set == null) {
                return oauthError(400, "unauthorized_client");
            }
        } else {
            return oauthError(400, "unsupported_grant_type");
        }
        if (set == null) {
            return oauthError(400, "invalid_grant");
        }
        ObjectNode o = Json.object();
        if (set.idToken() != null) {
            o.put("id_token", set.idToken());
        }
        o.put("access_token", set.accessToken());
        o.put("expires_in", set.expiresIn());
        o.put("token_type", "Bearer");
        if (set.refreshToken() != null) {
            o.put("refresh_token", set.refreshToken());
        }
        o.put("scope", set.scope());
        return SandboxResponse.json(200, o).header("Cache-Control", "no-store");
    }

    private SandboxResponse revoke(SandboxRequest r) {
        sandbox.identityCalls.record("POST /connect/revocation", true);
        sandbox.tokens.revoke(form(r.body()).get("token"));
        return SandboxResponse.empty(200);
    }

    private XeroTokens.Consent consent(SandboxRequest r) {
        String h = r.header("Authorization");
        String token = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
        return sandbox.tokens.consentFor(token, now());
    }

    private SandboxResponse connections(SandboxRequest r) {
        sandbox.identityCalls.record("GET /connections", false);
        XeroTokens.Consent c = consent(r);
        if (c == null) {
            return XeroErrors.unauthorized();
        }
        String authEventId = r.query("authEventId");
        ArrayNode out = Json.array();
        if (authEventId == null || authEventId.equalsIgnoreCase(c.authEventId)) {
            c.connections.forEach((id, tenantId) -> {
                XeroTenantState st = sandbox.tenants.get(tenantId);
                if (st == null) {
                    return;
                }
                ObjectNode o = out.addObject();
                o.put("id", id);
                o.put("authEventId", c.authEventId);
                o.put("tenantId", tenantId);
                o.put("tenantType", "ORGANISATION");
                o.put("tenantName", st.organisationName);
                o.put("createdDateUtc", c.connectedAt.get(id).toString());
                o.put("updatedDateUtc", c.connectedAt.get(id).toString());
            });
        }
        return sandbox.limiter.appHeader(SandboxResponse.json(200, out), c.clientId, now());
    }

    private SandboxResponse disconnect(SandboxRequest r) {
        XeroTokens.Consent c = consent(r);
        if (c == null) {
            return XeroErrors.unauthorized();
        }
        return c.connections.remove(r.pathParam("id")) == null ? XeroErrors.notFound() : SandboxResponse.empty(204);
    }

    static Map<String, String> form(byte[] body) {
        Map<String, String> out = new HashMap<>();
        String s = new String(body, StandardCharsets.UTF_8);
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
