package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.XeroSandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class XeroOAuthContractTest extends XeroSandboxTest {

    static final String REDIRECT = "https://app.example/callback";
    static final String SCOPE = "openid profile email accounting.transactions accounting.contacts offline_access";
    XeroApp app;
    XeroTenant a;
    XeroTenant b;

    @BeforeEach
    void setUp() {
        xero.clock().pin(Instant.parse("2030-01-01T00:00:00Z"));
        app = xero.registerApp("Sync");
        a = xero.createTenant("Org A");
        b = xero.createTenant("Org B");
    }

    private HttpJson.Reply token(String form, String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpJson.send("POST", URI.create(xero.identityBase() + "/connect/token"), form,
                Map.of("Authorization", "Basic " + basic, "Content-Type", "application/x-www-form-urlencoded"));
    }

    private HttpJson.Reply exchange(String code) {
        return token("grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT),
                app.clientId(), app.clientSecret());
    }

    private HttpJson.Reply refresh(String refreshToken) {
        return token("grant_type=refresh_token&refresh_token=" + enc(refreshToken), app.clientId(), app.clientSecret());
    }

    private HttpJson.Reply api(String accessToken, String tenantId) {
        return HttpJson.send("GET", URI.create(xero.apiBase() + "/Organisation"), null,
                Map.of("Authorization", "Bearer " + accessToken, "xero-tenant-id", tenantId));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void authorizationCodeGrantGivesThirtyMinuteTokensForTheConsentedTenantsOnly() {
        HttpJson.Reply r = exchange(xero.authorize(app.clientId(), REDIRECT, SCOPE, a.tenantId()));
        assertThat(r.status()).isEqualTo(200);
        JsonNode t = r.body();
        assertThat(t.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.get("expires_in").asInt()).isEqualTo(1800);
        assertThat(t.get("refresh_token").asText()).isNotBlank();
        assertThat(t.get("id_token").asText()).contains(".");
        String access = t.get("access_token").asText();
        assertThat(access.split("\\.")).hasSize(3);

        assertThat(api(access, a.tenantId()).status()).isEqualTo(200);
        assertThat(api(access, b.tenantId()).status()).isEqualTo(403);
        xero.clock().advance(Duration.ofMinutes(29));
        assertThat(api(access, a.tenantId()).status()).isEqualTo(200);
        xero.clock().advance(Duration.ofMinutes(1));
        assertThat(api(access, a.tenantId()).status()).isEqualTo(401);
    }

    @Test
    void badCodesClientsAndGrantsAreRejected() {
        String code = xero.authorize(app.clientId(), REDIRECT, SCOPE, a.tenantId());
        assertThat(token("grant_type=authorization_code&code=" + code + "&redirect_uri=" + enc(REDIRECT), app.clientId(), "wrong")
                .body().get("error").asText()).isEqualTo("invalid_client");
        HttpJson.Reply wrongRedirect = token("grant_type=authorization_code&code=" + code + "&redirect_uri=" + enc("https://evil"),
                app.clientId(), app.clientSecret());
        assertThat(wrongRedirect.status()).isEqualTo(400);
        assertThat(wrongRedirect.body().get("error").asText()).isEqualTo("invalid_grant");
        String code2 = xero.authorize(app.clientId(), REDIRECT, SCOPE, a.tenantId());
        assertThat(exchange(code2).status()).isEqualTo(200);
        assertThat(exchange(code2).body().get("error").asText()).isEqualTo("invalid_grant");
        String code3 = xero.authorize(app.clientId(), REDIRECT, SCOPE, a.tenantId());
        xero.clock().advance(Duration.ofMinutes(6));
        assertThat(exchange(code3).body().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(token("grant_type=password", app.clientId(), app.clientSecret()).body().get("error").asText())
                .isEqualTo("unsupported_grant_type");
        // client credentials in the form body are accepted as well
        String code4 = xero.authorize(app.clientId(), REDIRECT, SCOPE, a.tenantId());
        HttpJson.Reply formAuth = HttpJson.send("POST", URI.create(xero.identityBase() + "/connect/token"),
                "grant_type=authorization_code&code=" + code4 + "&redirect_uri=" + enc(REDIRECT) + "&client_id=" + app.clientId()
                        + "&client_secret=" + enc(app.clientSecret()), Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(formAuth.status()).isEqualTo(200);
    }

    @Test
    void refreshTokensRotateWithAThirtyMinuteGraceForThePreviousOne() {
        JsonNode first = exchange(xero.authorize(app.clientId(), REDIRECT, SCOPE, a.tenantId())).body();
        String rt1 = first.get("refresh_token").asText();
        JsonNode second = refresh(rt1).body();
        String rt2 = second.get("refresh_token").asText();
        assertThat(rt2).isNotEqualTo(rt1);
        assertThat(api(second.get("access_token").asText(), a.tenantId()).status()).isEqualTo(200);

        xero.clock().advance(Duration.ofMinutes(29));
        assertThat(refresh(rt1).status()).isEqualTo(200);
        xero.clock().advance(Duration.ofMinutes(1));
        HttpJson.Reply stale = refresh(rt1);
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.body().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(refresh(rt2).status()).isEqualTo(200);
    }

    @Test
    void unusedRefreshTokensExpireAfterSixtyDays() {
        String rt = exchange(xero.authorize(app.clientId(), REDIRECT, SCOPE, a.tenantId())).body().get("refresh_token").asText();
        xero.clock().advance(Duration.ofDays(60));
        assertThat(refresh(rt).body().get("error").asText()).isEqualTo("invalid_grant");
        String rt2 = exchange(xero.authorize(app.clientId(), REDIRECT, SCOPE, a.tenantId())).body().get("refresh_token").asText();
        xero.clock().advance(Duration.ofDays(59));
        assertThat(refresh(rt2).status()).isEqualTo(200);
    }

    @Test
    void connectionsListAndDisconnect() {
        String code = xero.authorize(app.clientId(), REDIRECT, SCOPE, a.tenantId(), b.tenantId());
        String access = exchange(code).body().get("access_token").asText();
        HttpJson.Reply list = HttpJson.send("GET", xero.connectionsUri(), null, Map.of("Authorization", "Bearer " + access));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(2);
        JsonNode conn = list.body().get(0);
        assertThat(conn.fieldNames()).toIterable().contains("id", "authEventId", "tenantId", "tenantType", "tenantName",
                "createdDateUtc", "updatedDateUtc");
        assertThat(conn.get("tenantType").asText()).isEqualTo("ORGANISATION");
        String authEventId = conn.get("authEventId").asText();
        assertThat(HttpJson.send("GET", URI.create(xero.connectionsUri() + "?authEventId=" + authEventId), null,
                Map.of("Authorization", "Bearer " + access)).body()).hasSize(2);
        assertThat(HttpJson.send("GET", URI.create(xero.connectionsUri() + "?authEventId=00000000-0000-0000-0000-000000000000"),
                null, Map.of("Authorization", "Bearer " + access)).body()).isEmpty();

        String tenantOfFirst = conn.get("tenantId").asText();
        HttpJson.Reply del = HttpJson.send("DELETE", URI.create(xero.connectionsUri() + "/" + conn.get("id").asText()), null,
                Map.of("Authorization", "Bearer " + access));
        assertThat(del.status()).isEqualTo(204);
        assertThat(api(access, tenantOfFirst).status()).isEqualTo(403);
        assertThat(HttpJson.send("GET", xero.connectionsUri(), null, Map.of("Authorization", "Bearer " + access)).body()).hasSize(1);
        assertThat(HttpJson.send("GET", xero.connectionsUri(), null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void revocationEndsTheConsent() {
        JsonNode t = exchange(xero.authorize(app.clientId(), REDIRECT, SCOPE, a.tenantId())).body();
        HttpJson.Reply revoke = HttpJson.send("POST", URI.create(xero.identityBase() + "/connect/revocation"),
                "token=" + enc(t.get("refresh_token").asText()), Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(revoke.status()).isEqualTo(200);
        assertThat(refresh(t.get("refresh_token").asText()).body().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(api(t.get("access_token").asText(), a.tenantId()).status()).isEqualTo(401);
    }

    @Test
    void identityCallsAndRefusedApiCallsAreCountedSoTestsCanProveThereIsNoRefreshStorm() {
        Map<String, Long> before = xero.identityCallCounts();
        long unauthorisedBefore = xero.unauthorisedCalls();
        JsonNode t = exchange(xero.authorize(app.clientId(), REDIRECT, SCOPE, a.tenantId())).body();
        refresh(t.get("refresh_token").asText());
        refresh("no-such-token");
        api("no-such-token", a.tenantId());
        api("no-such-token", a.tenantId());
        Map<String, Long> after = xero.identityCallCounts();
        assertThat(after.getOrDefault("POST /connect/token (authorization_code)", 0L)
                - before.getOrDefault("POST /connect/token (authorization_code)", 0L)).isEqualTo(1);
        assertThat(after.getOrDefault("POST /connect/token (refresh_token)", 0L)
                - before.getOrDefault("POST /connect/token (refresh_token)", 0L)).isEqualTo(1);
        assertThat(after.getOrDefault("POST /connect/token (refresh_token) -> invalid_grant", 0L)
                - before.getOrDefault("POST /connect/token (refresh_token) -> invalid_grant", 0L)).isEqualTo(1);
        assertThat(xero.unauthorisedCalls() - unauthorisedBefore).isEqualTo(2);
    }

    @Test
    void authorizeEndpointRedirectsWithCodeAndState() {
        URI uri = URI.create(xero.identityBase() + "/connect/authorize?response_type=code&client_id=" + app.clientId()
                + "&redirect_uri=" + enc(REDIRECT) + "&scope=" + enc(SCOPE) + "&state=xyz&sandbox_tenants=" + a.tenantId());
        HttpJson.Reply r = HttpJson.send("GET", uri, null, Map.of());
        assertThat(r.status()).isEqualTo(302);
        String location = r.header("Location");
        assertThat(location).startsWith(REDIRECT + "?code=").contains("state=xyz");
        String code = java.net.URLDecoder.decode(location.replaceAll(".*code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        JsonNode t = exchange(code).body();
        assertThat(api(t.get("access_token").asText(), a.tenantId()).status()).isEqualTo(200);
        assertThat(api(t.get("access_token").asText(), b.tenantId()).status()).isEqualTo(403);
    }

    @Test
    void customConnectionsUseClientCredentialsAndNeedNoTenantHeader() {
        XeroApp custom = xero.registerCustomConnection("Custom", a.tenantId());
        HttpJson.Reply r = token("grant_type=client_credentials&scope=" + enc("accounting.transactions"),
                custom.clientId(), custom.clientSecret());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().has("refresh_token")).isFalse();
        assertThat(r.body().get("expires_in").asInt()).isEqualTo(1800);
        String access = r.body().get("access_token").asText();
        HttpJson.Reply org = HttpJson.send("GET", URI.create(xero.apiBase() + "/Organisation"), null,
                Map.of("Authorization", "Bearer " + access));
        assertThat(org.status()).isEqualTo(200);
        assertThat(org.body().get("Organisations").get(0).get("OrganisationID").asText()).isEqualTo(a.tenantId());
        assertThat(api(access, b.tenantId()).status()).isEqualTo(403);
        assertThat(token("grant_type=client_credentials", app.clientId(), app.clientSecret()).body().get("error").asText())
                .isEqualTo("unauthorized_client");
        xero.clock().advance(Duration.ofMinutes(30));
        assertThat(HttpJson.send("GET", URI.create(xero.apiBase() + "/Organisation"), null,
                Map.of("Authorization", "Bearer " + access)).status()).isEqualTo(401);
    }
}
