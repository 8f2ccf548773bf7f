package io.sxs.app.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sxs.app.pipeline.ApiClocks;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.ControlClient;
import io.sxs.app.support.Pipelines;
import io.sxs.app.support.TopicReader;
import io.sxs.app.support.Seeds;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroApp;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.envelope.ConnectionCredentials;
import io.sxs.schemas.envelope.CredentialState;
import io.sxs.schemas.topic.Topics;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Xero organisation connected by OAuth2 and kept connected, end to end against the sandbox's identity server (real
 * HTTP, real broker, the sandbox's clock): consent, callback and tenant choice; the access token refreshed ahead of
 * expiry, never by a 401; the rotation saved (encrypted) and continued across a restart after the old refresh token's
 * grace; a paused connection kept alive for two months; a revoked grant ends as AUTH_REQUIRED after one refused refresh, with no calls after it; connecting again heals.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class XeroOAuthTest extends BrokerAndSandboxes {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = ControlClient.JSON;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String REFRESH = "POST /connect/token (refresh_token)";
    private static final String REFUSED = "POST /connect/token (refresh_token) -> invalid_grant";

    private String base;
    private ControlClient api;

    @Test
    void aConsentedOrganisationStaysConnectedThroughRotationAndARestartAndARevokedOneAsksForAPerson(CapturedOutput output)
            throws Exception {
        java.util.Set<String> secrets = new java.util.LinkedHashSet<>();
        XeroApp xeroApp = xero.registerApp("scoro-xero-sync");
        ScoroCompany company = scoro.createCompany("OAuth Scoro");
        XeroTenant tenant = xero.createTenant("OAuth Ltd");
        Seeds.scoroInvoice(scoro, company, "OA-1", "OAuth Client 1");
        Path dataDir = Files.createTempDirectory("sxs-oauth-");
        Map<String, Object> settings = Map.of("sxs.control.xero-client-id", xeroApp.clientId(),
                "sxs.control.xero-client-secret", xeroApp.clientSecret(),
                "sxs.control.xero-authorize-url", xero.identityBase() + "/connect/authorize",
                "sxs.control.xero-identity-url", xero.identityBase().toString(),
                "sxs.control.xero-connections-url", xero.connectionsUri().toString(),
                "sxs.control.xero-api-url", xero.apiBase().toString());
        ApiClocks clocks = new ApiClocks(() -> xero.clock(), () -> scoro.clock());
        ConfigurableApplicationContext app = start(dataDir, settings, clocks);
        try {
            // Consent: the address from the API, the person's consent at the identity server, the callback.
            String grant = consent(tenant);
            HttpResponse<String> created = call("POST", "/api/connections", Map.of("id", "oa",
                    "scoro", Map.of("siteUrl", scoro.baseUri().toString(), "companyAccountId", company.companyAccountId(),
                            "apiKey", company.apiKey()),
                    "xero", Map.of("tenantId", tenant.tenantId(), "grant", grant),
                    "settings", Map.of("directions", Map.of("INVOICE", "TO_XERO"), "contacts", "WITH_DOCUMENTS",
                            "pollIntervalMs", 300)));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(call("POST", "/api/connections", Map.of("id", "oa-again",
                    "scoro", Map.of("siteUrl", scoro.baseUri().toString(), "companyAccountId", "other", "apiKey", "k"),
                    "xero", Map.of("tenantId", tenant.tenantId(), "grant", grant))).statusCode())
                    .as("a grant is taken once").isEqualTo(404);
            awaitInXero(tenant, "OA-1");
            assertThat(identity(REFRESH)).isZero();

            // 26 minutes on: within refresh-ahead (5 of the token's 30), so the next call refreshes first; no 401.
            long unauthorised = xero.unauthorisedCalls();
            xero.clock().advance(Duration.ofMinutes(26));
            Seeds.scoroInvoice(scoro, company, "OA-2", "OAuth Client 2");
            awaitInXero(tenant, "OA-2");
            assertThat(identity(REFRESH)).isEqualTo(1);
            assertThat(xero.unauthorisedCalls()).as("refreshed ahead, never after a 401").isEqualTo(unauthorised);
            ConnectionCredentials saved = credentials("oa");
            assertThat(saved.getState()).isEqualTo(CredentialState.VALID);
            String refreshToken = JSON.readTree(CIPHER.decrypt("oa", saved.getTokens())).path("refresh_token").asText();
            secrets.add(refreshToken);
            secrets.add(JSON.readTree(CIPHER.decrypt("oa", saved.getTokens())).path("access_token").asText());
            assertThat(rawTopic(Topics.CREDENTIALS)).as("encrypted at rest").doesNotContain(refreshToken);

            // A restart, then past the spent refresh token's 30-minute grace: the saved rotation continues.
            app.close();
            app = start(dataDir, settings, clocks);
            xero.clock().advance(Duration.ofMinutes(35));
            Seeds.scoroInvoice(scoro, company, "OA-3", "OAuth Client 3");
            awaitInXero(tenant, "OA-3");
            assertThat(identity(REFRESH)).isEqualTo(2);
            assertThat(identity(REFUSED)).isZero();

            // Paused for two months: kept alive by refreshes before the unused refresh token's 60 days run out.
            assertThat(call("POST", "/api/connections/oa/pause", null).statusCode()).isEqualTo(200);
            long beforePause = identity(REFRESH);
            xero.clock().advance(Duration.ofDays(31));
            await().atMost(TIMEOUT).until(() -> identity(REFRESH) == beforePause + 1);
            xero.clock().advance(Duration.ofDays(31));
            await().atMost(TIMEOUT).until(() -> identity(REFRESH) == beforePause + 2);
            assertThat(call("POST", "/api/connections/oa/resume", null).statusCode()).isEqualTo(200);
            Seeds.scoroInvoice(scoro, company, "OA-3B", "OAuth Client 3B");
            awaitInXero(tenant, "OA-3B");
            assertThat(identity(REFUSED)).isZero();

            // Revoked at Xero: one 401, one refused refresh, AUTH_REQUIRED with the reason; then silence on both sides.
            String current = JSON.readTree(CIPHER.decrypt("oa", credentials("oa").getTokens())).path("refresh_token").asText();
            secrets.add(current);
            secrets.add(JSON.readTree(CIPHER.decrypt("oa", credentials("oa").getTokens())).path("access_token").asText());
            revoke(current);
            Seeds.scoroInvoice(scoro, company, "OA-4", "OAuth Client 4");
            await().atMost(TIMEOUT).until(() -> "AUTH_REQUIRED".equals(show("oa").path("state").asText()));
            JsonNode view = show("oa");
            assertThat(view.path("problems").get(0).asText()).contains("Xero refused the refresh token", "connect Xero again");
            assertThat(identity(REFUSED)).isEqualTo(1);
            assertThat(api.get("/actuator/health").path("components").path("connectionsHealth").path("details")
                    .path("authRequired").toString()).contains("\"oa\"");
            Thread.sleep(1_000);
            long apiRefusals = xero.unauthorisedCalls();
            Map<String, Long> scoroCalls = scoro.callCounts(company.companyAccountId());
            Map<String, Long> xeroCalls = xero.callCounts(tenant.tenantId());
            Thread.sleep(3_000);
            assertThat(identity(REFUSED)).as("no refresh storm").isEqualTo(1);
            assertThat(xero.unauthorisedCalls()).as("no 401 storm").isEqualTo(apiRefusals);
            assertThat(xero.callCounts(tenant.tenantId())).isEqualTo(xeroCalls);
            assertThat(scoro.callCounts(company.companyAccountId())).as("the Scoro side waits too").isEqualTo(scoroCalls);

            // Connected again by a person: syncs what waited.
            HttpResponse<String> again = call("POST", "/api/connections/oa/xero", Map.of("grant", consent(tenant)));
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            awaitInXero(tenant, "OA-4");
            await().atMost(TIMEOUT).until(() -> "ACTIVE".equals(show("oa").path("state").asText()));
            ConnectionCredentials healed = credentials("oa");
            if (healed != null && healed.getTokens() != null) {
                secrets.add(JSON.readTree(CIPHER.decrypt("oa", healed.getTokens())).path("refresh_token").asText());
                secrets.add(JSON.readTree(CIPHER.decrypt("oa", healed.getTokens())).path("access_token").asText());
            }
        } finally {
            app.close();
        }
        // No secret in plain text on any topic or in any log line of the whole run: the Scoro API key, the Xero app's
        // client secret, every access and refresh token the rotation went through, the operator and the secrets key.
        secrets.addAll(java.util.List.of(company.apiKey(), xeroApp.clientSecret(), Pipelines.OPERATOR_TOKEN, KEY));
        secrets.removeIf(String::isBlank);
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(8);
        StringBuilder topics = new StringBuilder();
        for (io.sxs.schemas.topic.TopicSpec topic : Topics.ALL) {
            topics.append(rawTopic(topic.name()));
        }
        for (String secret : secrets) {
            assertThat(topics.toString()).as("on no topic").doesNotContain(secret);
            assertThat(output.getAll()).as("in no log line").doesNotContain(secret);
        }
    }

    private ConfigurableApplicationContext start(Path dataDir, Map<String, Object> settings, ApiClocks clocks) {
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY, dataDir, settings, clocks);
        api = ControlClient.of(app);
        base = api.base();
        return app;
    }

    /** The OAuth dance as a person's browser does it; returns the grant id. */
    private String consent(XeroTenant tenant) throws Exception {
        JsonNode authorize = JSON.readTree(call("GET", "/api/xero/authorize", null).body());
        URI consentUrl = URI.create(authorize.path("authorizeUrl").asText() + "&sandbox_tenants=" + tenant.tenantId());
        assertThat(consentUrl.toString()).contains("scope=openid+profile+email+offline_access+accounting.invoices");
        HttpResponse<String> redirect = HTTP.send(HttpRequest.newBuilder(consentUrl).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(base + "/oauth/xero/callback?code=");
        HttpResponse<String> callback = HTTP.send(HttpRequest.newBuilder(URI.create(location)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(callback.body());
        assertThat(body.path("tenants").findValuesAsText("tenantId")).containsExactly(tenant.tenantId());
        assertThat(body.path("refreshable").asBoolean()).isTrue();
        HttpResponse<String> replay = HTTP.send(HttpRequest.newBuilder(URI.create(location)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).as("a state is used once").isEqualTo(400);
        return body.path("grant").asText();
    }

    private static void awaitInXero(XeroTenant tenant, String number) {
        await().atMost(TIMEOUT).until(() -> xero.invoices(tenant.tenantId()).stream()
                .anyMatch(i -> number.equals(i.get("InvoiceNumber"))));
    }

    private static long identity(String call) {
        return xero.identityCallCounts().getOrDefault(call, 0L);
    }

    private static void revoke(String refreshToken) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(xero.identityBase() + "/connect/revocation"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    private static ConnectionCredentials credentials(String connectionId) {
        return (ConnectionCredentials) TopicReader.compacted(broker.bootstrapServers(), Topics.CREDENTIALS).get(connectionId + "/XERO");
    }

    private static String rawTopic(String topic) {
        StringBuilder all = new StringBuilder();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(broker.bootstrapServers(), topic)) {
            if (r.key() != null) {
                all.append(new String(r.key(), StandardCharsets.ISO_8859_1));
            }
            if (r.value() != null) {
                all.append(new String(r.value(), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private JsonNode show(String id) {
        return api.get("/api/connections/" + id);
    }

    private HttpResponse<String> call(String method, String path, Object body) {
        return api.call(method, path, body);
    }
}
