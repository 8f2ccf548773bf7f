package io.sxs.app.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.ControlClient;
import io.sxs.app.support.Pipelines;
import io.sxs.app.support.TopicReader;
import io.sxs.schemas.topic.Topics;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The control API as a person uses it, over real HTTP against the real app (real broker, sandboxes): the operator
 * token guards everything but health and webhooks; a connection is made from a Scoro API key and Xero tokens with one
 * Scoro call, syncs, is changed, paused, resumed and removed; a second link and a wrong API key are refused by name.
 */
@ExtendWith(OutputCaptureExtension.class)
class ControlApiTest extends BrokerAndSandboxes {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = ControlClient.JSON;
    private static ConfigurableApplicationContext app;
    private static ControlClient api;

    @BeforeAll
    static void startApp() throws Exception {
        app = Pipelines.start(broker.bootstrapServers(), KEY, Files.createTempDirectory("sxs-control-"),
                Map.of("sxs.mapper.punctuate-interval", "2s"));
        api = ControlClient.of(app);
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @Test
    void everyCallButHealthNeedsTheOperatorTokenAndARefusalIsLoggedWithoutIt(CapturedOutput output) throws Exception {
        assertThat(call("GET", "/api/connections", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = call("GET", "/api/connections", null, "not-the-token-but-long-enough");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"scoro-xero-sync\"");
        assertThat(JSON.readTree(wrong.body()).path("error").asText()).isEqualTo("unauthorized");
        assertThat(call("GET", "/actuator/metrics", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/openapi", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/actuator/health", null, null).statusCode()).isIn(200, 503);

        assertThat(call("GET", "/actuator/metrics", null, Pipelines.OPERATOR_TOKEN).statusCode()).isEqualTo(200);
        HttpResponse<String> openapi = call("GET", "/api/openapi", null, Pipelines.OPERATOR_TOKEN);
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(openapi.body()).path("paths").has("/api/connections/{id}/pause")).isTrue();

        assertThat(app.getBean(io.sxs.app.config.SxsProperties.class).toString()).as("the settings print masked")
                .doesNotContain(KEY).doesNotContain(Pipelines.OPERATOR_TOKEN);
        assertThat(output.getAll()).contains("Refused an unauthenticated GET /api/connections from", "wrong bearer token")
                .doesNotContain("not-the-token-but-long-enough").doesNotContain(Pipelines.OPERATOR_TOKEN);
    }

    @Test
    void aPersonConnectsWithOneScoroCallThenChangesPausesResumesAndRemovesTheConnection() throws Exception {
        ScoroCompany company = scoro.createCompany("Control Scoro");
        XeroTenant tenant = xero.createTenant("Control Ltd");
        invoice(company, "CT-1");

        HttpResponse<String> created = call("POST", "/api/connections", Map.of("id", "ct", "name", "Control pair",
                "scoro", Map.of("siteUrl", "HTTP://" + scoro.baseUri().getAuthority().toUpperCase() + "/",
                        "companyAccountId", company.companyAccountId(), "apiKey", company.apiKey()),
                "xero", Map.of("tenantId", tenant.tenantId(), "accessToken", tenant.accessToken(),
                        "apiBaseUrl", xero.apiBase().toString()),
                "settings", Map.of("directions", Map.of("INVOICE", "TO_XERO"), "contacts", "WITH_DOCUMENTS",
                        "pollIntervalMs", 300)), Pipelines.OPERATOR_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode view = JSON.readTree(created.body());
        assertThat(view.path("scoroSite").asText()).as("the site URL is stored normalised").isEqualTo(scoro.baseUri().toString());
        assertThat(view.path("directions").path("INVOICE").asText()).isEqualTo("TO_XERO");
        assertThat(created.body()).doesNotContain(company.apiKey()).doesNotContain(tenant.accessToken());

        await().atMost(TIMEOUT).until(() -> xero.invoices(tenant.tenantId()).stream().anyMatch(i -> "CT-1".equals(i.get("InvoiceNumber"))));
        assertThat(scoro.callCounts(company.companyAccountId()).get("companyAccount/list"))
                .as("the connect check's read is the pre-flight's too").isEqualTo(1L);
        await().atMost(TIMEOUT).until(() -> "ACTIVE".equals(show("ct").path("state").asText()));
        JsonNode shown = show("ct");
        assertThat(shown.path("systems")).hasSize(2);
        assertThat(shown.path("systems").findValuesAsText("preflight")).containsOnly("PASSED");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode lag = show("ct").path("lag");
            assertThat(lag.path("lagMs").asLong()).as("nothing behind once CT-1 is written: %s", lag).isZero();
            assertThat(lag.path("commandsInFlight").asInt()).isZero();
            assertThat(lag.path("lastWriteMs").isNumber()).isTrue();
        });

        // A second link of the same Xero organisation is refused before anything is written, by name.
        ScoroCompany other = scoro.createCompany("Other Scoro");
        HttpResponse<String> duplicate = call("POST", "/api/connections", Map.of("id", "ct-2",
                "scoro", Map.of("siteUrl", scoro.baseUri().toString(), "companyAccountId", other.companyAccountId(),
                        "apiKey", other.apiKey()),
                "xero", Map.of("tenantId", tenant.tenantId(), "accessToken", tenant.accessToken(),
                        "apiBaseUrl", xero.apiBase().toString())), Pipelines.OPERATOR_TOKEN);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(duplicate.body()).path("message").asText())
                .contains("Xero organisation " + tenant.tenantId() + " is already linked by connection ct");
        assertThat(scoro.callCounts(other.companyAccountId())).as("refused before any call").isEmpty();

        // A wrong Scoro API key: the one check call says so, and nothing is saved.
        XeroTenant third = xero.createTenant("Third Ltd");
        HttpResponse<String> badKey = call("POST", "/api/connections", Map.of("id", "ct-3",
                "scoro", Map.of("siteUrl", scoro.baseUri().toString(), "companyAccountId", other.companyAccountId(),
                        "apiKey", "wrong-key"),
                "xero", Map.of("tenantId", third.tenantId(), "accessToken", third.accessToken(),
                        "apiBaseUrl", xero.apiBase().toString())), Pipelines.OPERATOR_TOKEN);
        assertThat(badKey.statusCode()).as(badKey.body()).isEqualTo(422);
        assertThat(JSON.readTree(badKey.body()).path("error").asText()).isEqualTo("check_failed");
        assertThat(call("GET", "/api/connections/ct-3", null, Pipelines.OPERATOR_TOKEN).statusCode()).isEqualTo(404);

        // Settings: a bad value is refused by name; a good one is applied.
        HttpResponse<String> badDirection = call("PATCH", "/api/connections/ct", Map.of("directions", Map.of("INVOICE", "SIDEWAYS")),
                Pipelines.OPERATOR_TOKEN);
        assertThat(badDirection.statusCode()).isEqualTo(400);
        assertThat(badDirection.body()).contains("direction of INVOICE must be one of");
        HttpResponse<String> changed = call("PATCH", "/api/connections/ct", Map.of("pollIntervalMs", 1000, "name", "Renamed"),
                Pipelines.OPERATOR_TOKEN);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).path("pollIntervalMs").asLong()).isEqualTo(1000);
        assertThat(JSON.readTree(changed.body()).path("name").asText()).isEqualTo("Renamed");

        // Paused: nothing is read or written; resumed: it catches up, without reading the pre-flight facts again.
        await().atMost(TIMEOUT).until(() -> "ACTIVE".equals(show("ct").path("state").asText()));
        long checksBefore = scoro.callCounts(company.companyAccountId()).get("companyAccount/list");
        JsonNode paused = JSON.readTree(call("POST", "/api/connections/ct/pause", null, Pipelines.OPERATOR_TOKEN).body());
        assertThat(paused.path("state").asText()).isEqualTo("PAUSED");
        Thread.sleep(1_500);
        Map<String, Long> whilePaused = scoro.callCounts(company.companyAccountId());
        invoice(company, "CT-2");
        Thread.sleep(2_500);
        assertThat(scoro.callCounts(company.companyAccountId())).as("no calls while paused").isEqualTo(whilePaused);
        assertThat(xero.invoices(tenant.tenantId())).extracting(i -> i.get("InvoiceNumber")).doesNotContain("CT-2");
        JsonNode resumed = JSON.readTree(call("POST", "/api/connections/ct/resume", null, Pipelines.OPERATOR_TOKEN).body());
        assertThat(resumed.path("status").asText()).isEqualTo("ACTIVE");
        await().atMost(TIMEOUT).until(() -> xero.invoices(tenant.tenantId()).stream().anyMatch(i -> "CT-2".equals(i.get("InvoiceNumber"))));
        assertThat(scoro.callCounts(company.companyAccountId()).get("companyAccount/list")).isEqualTo(checksBefore);

        // Listed; removed (kept in the list as REMOVED); gone for operations.
        JsonNode list = JSON.readTree(call("GET", "/api/connections", null, Pipelines.OPERATOR_TOKEN).body());
        assertThat(list.findValuesAsText("id")).contains("ct");
        JsonNode removed = JSON.readTree(call("DELETE", "/api/connections/ct", null, Pipelines.OPERATOR_TOKEN).body());
        assertThat(removed.path("state").asText()).isEqualTo("REMOVED");
        assertThat(call("POST", "/api/connections/ct/pause", null, Pipelines.OPERATOR_TOKEN).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/connections/nope", null, Pipelines.OPERATOR_TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void removedWithItsIdMapKeptTheSameIdCarriesOnAndDroppedItSyncsAsNewWithAnotherOrganisation() throws Exception {
        ScoroCompany company = scoro.createCompany("Removal Scoro");
        XeroTenant first = xero.createTenant("Removal One Ltd");
        invoice(company, "RM-1");
        assertThat(add(company, first).statusCode()).isEqualTo(201);
        await().atMost(TIMEOUT).until(() -> numbers(first).contains("RM-1"));

        // Kept: added again, it reads on from its cursors and writes nothing twice.
        assertThat(JSON.readTree(call("DELETE", "/api/connections/rm", null, Pipelines.OPERATOR_TOKEN).body())
                .path("state").asText()).isEqualTo("REMOVED");
        assertThat(rowsOf(Topics.IDMAP, "rm")).as("the ID map is kept").isPositive();
        long listsBefore = scoro.callCounts(company.companyAccountId()).getOrDefault("invoices/list", 0L);
        assertThat(add(company, first).statusCode()).isEqualTo(201);
        invoice(company, "RM-2");
        await().atMost(TIMEOUT).until(() -> numbers(first).contains("RM-2"));
        assertThat(numbers(first)).containsExactlyInAnyOrder("RM-1", "RM-2");
        assertThat(scoro.callCounts(company.companyAccountId()).get("invoices/view")).as("RM-1 is not fetched again")
                .isEqualTo(2L);
        assertThat(scoro.callCounts(company.companyAccountId()).get("invoices/list")).isGreaterThan(listsBefore);

        // Dropped: the connection is deleted, and every row of it goes from the compacted topics.
        Map<Object, Object> idMap = TopicReader.compacted(broker.bootstrapServers(), Topics.IDMAP);
        long others = idMap.size() - rowsOf(idMap, "rm");
        HttpResponse<String> bad = call("DELETE", "/api/connections/rm?idMap=sometimes", null, Pipelines.OPERATOR_TOKEN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("idMap must be keep or drop");
        JsonNode deleted = JSON.readTree(call("DELETE", "/api/connections/rm?idMap=drop", null, Pipelines.OPERATOR_TOKEN).body());
        assertThat(deleted.path("state").asText()).isEqualTo("DELETED");
        assertThat(call("GET", "/api/connections/rm", null, Pipelines.OPERATOR_TOKEN).statusCode()).isEqualTo(404);
        for (String topic : java.util.List.of(Topics.CONNECTIONS, Topics.IDMAP, Topics.LATEST, Topics.PENDING, Topics.SCOPES,
                Topics.SOURCE_CURSORS, Topics.CONNECTION_FACTS, Topics.CREDENTIALS)) {
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(rowsOf(topic, "rm")).as(topic).isZero());
        }
        assertThat(TopicReader.compacted(broker.bootstrapServers(), Topics.IDMAP)).as("nothing of another connection")
                .hasSize((int) others);

        // The same Scoro company paired with another organisation under the same id: synced as new, from the start.
        XeroTenant second = xero.createTenant("Removal Two Ltd");
        assertThat(add(company, second).statusCode()).isEqualTo(201);
        await().atMost(TIMEOUT).until(() -> numbers(second).size() == 2);
        assertThat(numbers(second)).containsExactlyInAnyOrder("RM-1", "RM-2");
        assertThat(numbers(first)).as("the first organisation is left as it was").containsExactlyInAnyOrder("RM-1", "RM-2");
    }

    private static HttpResponse<String> add(ScoroCompany company, XeroTenant tenant) {
        return call("POST", "/api/connections", Map.of("id", "rm", "name", "Removal pair",
                "scoro", Map.of("siteUrl", scoro.baseUri().toString(), "companyAccountId", company.companyAccountId(),
                        "apiKey", company.apiKey()),
                "xero", Map.of("tenantId", tenant.tenantId(), "accessToken", tenant.accessToken(),
                        "apiBaseUrl", xero.apiBase().toString()),
                "settings", Map.of("directions", Map.of("INVOICE", "TO_XERO"), "contacts", "WITH_DOCUMENTS",
                        "pollIntervalMs", 300)), Pipelines.OPERATOR_TOKEN);
    }

    private static java.util.List<Object> numbers(XeroTenant tenant) {
        return xero.invoices(tenant.tenantId()).stream().map(i -> i.get("InvoiceNumber")).toList();
    }

    /** Rows of one connection in a compacted topic, whatever its key: the connection id, id/SYSTEM or a record key. */
    private static long rowsOf(String topic, String connectionId) {
        return rowsOf(TopicReader.compacted(broker.bootstrapServers(), topic), connectionId);
    }

    private static long rowsOf(Map<Object, Object> compacted, String connectionId) {
        return compacted.keySet().stream().filter(k -> {
            if (k instanceof String s) {
                return s.equals(connectionId) || s.startsWith(connectionId + "/");
            }
            return k instanceof org.apache.avro.generic.GenericRecord r && r.getSchema().getField("connectionId") != null
                    && connectionId.equals(String.valueOf(r.get("connectionId")));
        }).count();
    }

    private static JsonNode show(String id) {
        return api.get("/api/connections/" + id);
    }

    private static HttpResponse<String> call(String method, String path, Object body, String token) {
        return api.withToken(token).call(method, path, body);
    }

    private static void invoice(ScoroCompany company, String number) {
        io.sxs.app.support.Seeds.scoroInvoice(scoro, company, number, "Control Client " + number);
    }
}
