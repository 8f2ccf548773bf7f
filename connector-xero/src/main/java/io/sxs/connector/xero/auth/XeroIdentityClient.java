package io.sxs.connector.xero.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.client.XeroJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Xero's identity server for one app (client id and secret): the authorization-code exchange, refresh-token rotation
 * and the organisations a grant reaches ({@code GET /connections}). The client secret goes in the Basic header only and
 * is never logged; {@code toString} masks it.
 */
public final class XeroIdentityClient {

    /**
     * The scopes asked for by default: sign-in, a refresh token, and Xero's granular scopes for what the sync reads
     * and writes (mandatory for apps created from 2 March 2026; older apps may still ask for accounting.transactions).
     */
    public static final String SCOPES = "openid profile email offline_access accounting.invoices accounting.payments"
            + " accounting.banktransactions accounting.contacts accounting.settings";

    private final HttpClient http;
    private final String clientId;
    private final String clientSecret;
    private final URI tokenUrl;
    private final URI connectionsUrl;
    private final Clock clock;

    /**
     * @param tokenUrl       e.g. https://identity.xero.com/connect/token
     * @param connectionsUrl e.g. https://api.xero.com/connections
     */
    public XeroIdentityClient(HttpClient http, String clientId, String clientSecret, URI tokenUrl, URI connectionsUrl,
                              Clock clock) {
        this.http = http;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokenUrl = tokenUrl;
        this.connectionsUrl = connectionsUrl;
        this.clock = clock;
    }

    /** The token endpoint of an identity server (https://identity.xero.com -> .../connect/token). */
    public static String tokenUrl(String identityBase) {
        return identityBase.replaceAll("/+$", "") + "/connect/token";
    }

    public URI tokenUrl() {
        return tokenUrl;
    }

    /**
     * Where to send a person's browser to consent ({@code authorizeEndpoint}: Xero's is
     * https://login.xero.com/identity/connect/authorize); {@code state} comes back with the code.
     */
    public static URI authorizeUrl(String authorizeEndpoint, String clientId, String redirectUri, String scopes, String state) {
        return URI.create(authorizeEndpoint + (authorizeEndpoint.contains("?") ? "&" : "?") + "response_type=code&client_id="
                + enc(clientId) + "&redirect_uri=" + enc(redirectUri) + "&scope=" + enc(scopes) + "&state=" + enc(state));
    }

    /** Exchanges an authorization code for a new grant's token set. */
    public XeroTokenSet exchange(String code, String redirectUri) throws XeroAuthException {
        return tokens(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri),
                UUID.randomUUID().toString());
    }

    /** Rotates a refresh token: the answer carries a new refresh token, and the old one soon stops working. */
    public XeroTokenSet refresh(XeroTokenSet current) throws XeroAuthException {
        if (!current.refreshable()) {
            throw new XeroAuthException(true, "the token set has no refresh token (connect again with offline_access)");
        }
        return tokens(Map.of("grant_type", "refresh_token", "refresh_token", current.refreshToken()), current.grantId());
    }

    /** The organisations a token reaches: tenant id and name. */
    public List<Tenant> tenants(String accessToken) throws XeroAuthException {
        HttpRequest request = HttpRequest.newBuilder(connectionsUrl).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").GET().build();
        JsonNode body = send(request, "GET /connections");
        List<Tenant> out = new ArrayList<>();
        for (JsonNode t : body) {
            if ("ORGANISATION".equals(t.path("tenantType").asText("ORGANISATION"))) {
                out.add(new Tenant(t.path("tenantId").asText(), t.path("tenantName").asText()));
            }
        }
        return out;
    }

    private XeroTokenSet tokens(Map<String, String> form, String grantId) throws XeroAuthException {
        String body = new LinkedHashMap<>(form).entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        JsonNode answer = send(request, "POST /connect/token (" + form.get("grant_type") + ")");
        String access = answer.path("access_token").asText("");
        if (access.isBlank()) {
            throw new XeroAuthException(false, "the token endpoint answered no access_token");
        }
        long expiresIn = answer.path("expires_in").asLong(1800);
        return new XeroTokenSet(access, answer.hasNonNull("refresh_token") ? answer.get("refresh_token").asText() : null,
                clock.instant().plusSeconds(expiresIn), grantId);
    }

    private JsonNode send(HttpRequest request, String what) throws XeroAuthException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new XeroAuthException(false, what + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XeroAuthException(false, what + " was interrupted");
        }
        JsonNode body;
        try {
            body = XeroJson.MAPPER.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        int status = response.statusCode();
        if (status / 100 == 2 && body != null) {
            return body;
        }
        String error = body == null ? null : body.path("error").asText(null);
        // invalid_grant: revoked, expired or superseded; invalid_client: the app's credentials are wrong. Neither heals.
        boolean permanent = "invalid_grant".equals(error) || "invalid_client".equals(error) || "unauthorized_client".equals(error)
                || status == 401 && error == null;
        throw new XeroAuthException(permanent, what + " answered HTTP " + status + (error == null ? "" : " " + error));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** An organisation a grant reaches. */
    public record Tenant(String tenantId, String tenantName) {
    }

    @Override
    public String toString() {
        return "XeroIdentityClient[clientId=" + clientId + ", clientSecret=****, token=" + tokenUrl + "]";
    }
}
