package io.sxs.app.control;

import io.sxs.app.config.SxsProperties;
import io.sxs.app.pipeline.Pipeline;
import io.sxs.connector.xero.auth.XeroAuthException;
import io.sxs.connector.xero.auth.XeroIdentityClient;
import io.sxs.connector.xero.auth.XeroTokenSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Connecting a Xero organisation by OAuth2's authorization-code flow: the operator asks for the consent address
 * ({@code GET /api/xero/authorize}), a person consents at Xero, Xero's redirect brings the code to
 * {@code /oauth/xero/callback} (authenticated by its one-time state), which exchanges it, lists the organisations the
 * consent reaches ({@code GET /connections}) and keeps the tokens as a grant for {@code POST /api/connections} (or
 * {@code POST /api/connections/{id}/xero} to connect an existing connection again).
 */
@RestController
public class XeroOAuthController {

    private static final Logger log = LoggerFactory.getLogger(XeroOAuthController.class);

    private final SxsProperties.Control control;
    private final XeroGrants grants;
    private final Pipeline pipeline;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public XeroOAuthController(SxsProperties props, XeroGrants grants, Pipeline pipeline) {
        this.control = props.control();
        this.grants = grants;
        this.pipeline = pipeline;
    }

    @GetMapping("/api/xero/authorize")
    public Map<String, Object> authorize() {
        requireApp();
        String state = grants.newState();
        String redirect = redirectUri();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("authorizeUrl", XeroIdentityClient.authorizeUrl(control.xeroAuthorizeUrl(), control.xeroClientId(), redirect,
                control.xeroScopes(), state).toString());
        out.put("redirectUri", redirect);
        out.put("expiresInMinutes", XeroGrants.TTL.toMinutes());
        return out;
    }

    @GetMapping("/oauth/xero/callback")
    public ResponseEntity<Map<String, Object>> callback(@RequestParam(required = false) String code,
                                                        @RequestParam(required = false) String state,
                                                        @RequestParam(required = false) String error) {
        if (!grants.consumeState(state)) {
            log.warn("Refused a Xero OAuth callback with an unknown or expired state");
            return refusal(HttpStatus.BAD_REQUEST, "invalid_state", "This consent was not started here or has expired: "
                    + "start again from GET /api/xero/authorize");
        }
        if (error != null || code == null) {
            return refusal(HttpStatus.BAD_REQUEST, "consent_refused", "Xero answered " + (error == null ? "no code" : error));
        }
        requireApp();
        XeroIdentityClient identity = new XeroIdentityClient(http, control.xeroClientId(), control.xeroClientSecret(),
                URI.create(XeroIdentityClient.tokenUrl(control.xeroIdentityUrl())), URI.create(control.xeroConnectionsUrl()),
                pipeline.xeroClock());
        try {
            XeroTokenSet tokens = identity.exchange(code, redirectUri());
            List<XeroIdentityClient.Tenant> tenants = identity.tenants(tokens.accessToken());
            XeroGrants.Grant grant = grants.put(tokens, identity.tokenUrl().toString(), tenants);
            log.info("Xero consent received: grant {} reaches {} organisation(s)", grant.id(), tenants.size());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("grant", grant.id());
            out.put("tenants", tenants);
            out.put("refreshable", tokens.refreshable());
            out.put("next", "POST /api/connections with xero.grant and xero.tenantId (within " + XeroGrants.TTL.toMinutes()
                    + " minutes)");
            return ResponseEntity.ok(out);
        } catch (XeroAuthException e) {
            return refusal(HttpStatus.BAD_GATEWAY, "xero_refused", "Xero refused the consent's code: " + e.getMessage());
        }
    }

    private void requireApp() {
        if (control.xeroClientId() == null || control.xeroClientId().isBlank() || control.xeroClientSecret() == null
                || control.xeroClientSecret().isBlank()) {
            throw new ControlErrors.NotConfigured("Connecting Xero by OAuth needs the Xero app's credentials: set "
                    + "sxs.control.xero-client-id and sxs.control.xero-client-secret");
        }
    }

    private String redirectUri() {
        String base = control.publicUrl() == null || control.publicUrl().isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : control.publicUrl();
        return base.replaceAll("/+$", "") + "/oauth/xero/callback";
    }

    private static ResponseEntity<Map<String, Object>> refusal(HttpStatus status, String error, String message) {
        return ResponseEntity.status(status).body(Map.of("error", error, "message", message));
    }
}
