package io.sxs.app.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.ControlClient;
import io.sxs.app.support.Pipelines;
import io.sxs.app.support.Seeds;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Operating a MANUAL connection through the control API (real app, broker and sandboxes over HTTP): it reads nothing
 * until a person starts a run, whose progress is followed to DONE; the history of one invoice tells its story across
 * both systems; a re-sync of one record repairs a change made in the non-owning system; the error list shows a
 * rejected write with its kind, filters by connection, entity and kind, links to the history, and empties once a
 * re-sync of that record goes through.
 */
class OperationsTest extends BrokerAndSandboxes {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = ControlClient.JSON;
    private static ConfigurableApplicationContext app;
    private static ControlClient api;

    @BeforeAll
    static void startApp() throws Exception {
        app = Pipelines.start(broker.bootstrapServers(), KEY, Files.createTempDirectory("sxs-ops-"), Map.of());
        api = ControlClient.of(app);
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @Test
    void aManualConnectionSyncsInRunsAndOneRecordIsFollowedRepairedAndItsErrorCleared() throws Exception {
        ScoroCompany company = scoro.createCompany("Ops Scoro");
        XeroTenant tenant = xero.createTenant("Ops Ltd");
        Seeds.scoroInvoice(scoro, company, "OP-1", "Ops Client 1");
        Seeds.scoroInvoice(scoro, company, "OP-2", "Ops Client 2");
        HttpResponse<String> created = call("POST", "/api/connections", Map.of("id", "op",
                "scoro", Map.of("siteUrl", scoro.baseUri().toString(), "companyAccountId", company.companyAccountId(),
                        "apiKey", company.apiKey()),
                "xero", Map.of("tenantId", tenant.tenantId(), "accessToken", tenant.accessToken(),
                        "apiBaseUrl", xero.apiBase().toString()),
                "settings", Map.of("directions", Map.of("INVOICE", "TO_XERO"), "contacts", "WITH_DOCUMENTS",
                        "pollIntervalMs", 300, "syncMode", "MANUAL")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        await().atMost(TIMEOUT).until(() -> "MANUAL".equals(show("op").path("state").asText()));
        Thread.sleep(2_000);
        assertThat(scoro.callCounts(company.companyAccountId())).as("MANUAL: nothing read but the check")
                .containsOnlyKeys("companyAccount/list");
        assertThat(xero.invoices(tenant.tenantId())).isEmpty();

        // A run of the invoices, followed to DONE.
        JsonNode run = JSON.readTree(call("POST", "/api/connections/op/runs", Map.of("entities", List.of("INVOICE"))).body());
        assertThat(run.path("state").asText()).isEqualTo("RUNNING");
        String runId = run.path("runId").asText();
        await().atMost(TIMEOUT).until(() -> "DONE".equals(runView(runId).path("state").asText()));
        JsonNode done = runView(runId);
        assertThat(done.path("entities").path("CONTACT").path("written").asLong()).as("what the invoices need comes along")
                .isEqualTo(2);
        assertThat(done.path("passesPending")).isEmpty();
        assertThat(done.path("entities").path("INVOICE").path("read").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(done.path("entities").path("INVOICE").path("written").asLong()).isEqualTo(2);
        assertThat(xero.invoices(tenant.tenantId())).extracting(i -> i.get("InvoiceNumber")).contains("OP-1", "OP-2");
        long listsAfterRun = scoro.callCounts(company.companyAccountId()).getOrDefault("invoices/list", 0L);
        Thread.sleep(1_500);
        assertThat(scoro.callCounts(company.companyAccountId()).getOrDefault("invoices/list", 0L))
                .as("no polls between runs").isEqualTo(listsAfterRun);

        // The history of OP-1 by its number: read in Scoro by the run, decided, commanded, written, in that order.
        JsonNode history = JSON.readTree(call("GET", "/api/connections/op/history/invoice/OP-1", null).body());
        assertThat(history.path("ids").path("SCORO")).hasSize(1);
        assertThat(history.path("ids").path("XERO")).hasSize(1);
        List<String> story = steps(history);
        assertThat(story).containsSubsequence("READ SCORO RECONCILE UPSERT", "MAPPER SCORO COMMAND_ISSUED",
                "COMMAND XERO CREATE", "RESULT XERO OK", "SINK XERO WRITTEN");

        // Changed in Xero, which does not own invoices here; a re-sync of the record writes Scoro's state again.
        String xeroId = history.path("ids").path("XERO").get(0).asText();
        Object due = xero.invoice(tenant.tenantId(), xeroId).get("DueDate");
        xero.updateInvoice(tenant.tenantId(), xeroId, Map.of("DueDate", "2027-01-31"));
        assertThat(xero.invoice(tenant.tenantId(), xeroId).get("DueDate")).isNotEqualTo(due);
        HttpResponse<String> resync = call("POST", "/api/connections/op/resync", Map.of("entity", "INVOICE", "record", "OP-1"));
        assertThat(resync.statusCode()).as(resync.body()).isEqualTo(202);
        String resyncId = JSON.readTree(resync.body()).path("runId").asText();
        await().atMost(TIMEOUT).until(() -> "DONE".equals(runView(resyncId).path("state").asText()));
        await().atMost(TIMEOUT).until(() -> due.equals(xero.invoice(tenant.tenantId(), xeroId).get("DueDate")));
        assertThat(steps(JSON.readTree(call("GET", "/api/connections/op/history/INVOICE/" + xeroId, null).body())))
                .as("the history by the Xero id is the same record's").contains("READ SCORO RESYNC UPSERT", "COMMAND XERO UPDATE");

        // A write Xero refuses (a period lock date): in the error list, filtered, then cleared by a re-sync.
        xero.periodLockDate(tenant.tenantId(), LocalDate.parse("2026-11-30"));
        Seeds.scoroInvoice(scoro, company, "OP-3", "Ops Client 3");
        call("POST", "/api/connections/op/runs", Map.of("entities", List.of("INVOICE")));
        await().atMost(TIMEOUT).until(() -> errors("connection=op&entity=INVOICE").size() == 1);
        JsonNode error = errors("connection=op&entity=INVOICE").get(0);
        String kind = error.path("kind").asText();
        assertThat(kind).isIn("REJECTED", "BLOCKED");
        assertThat(error.path("system").asText()).isEqualTo("SCORO");
        assertThat(error.path("message").asText()).containsIgnoringCase("lock");
        assertThat(errors("connection=op&kind=" + kind)).hasSize(1);
        assertThat(errors("connection=op&kind=FAILED")).isEmpty();
        assertThat(errors("connection=op&entity=CONTACT")).isEmpty();
        assertThat(errors("connection=nobody")).isEmpty();
        assertThat(call("GET", "/api/errors?kind=WRITTEN", null).statusCode()).isEqualTo(400);
        assertThat(show("op").path("errorCount").asInt()).isEqualTo(1);
        JsonNode errorHistory = JSON.readTree(call("GET", error.path("history").asText(), null).body());
        assertThat(steps(errorHistory)).anyMatch(s -> s.startsWith("SINK XERO " + kind));

        xero.periodLockDate(tenant.tenantId(), null);
        JsonNode again = JSON.readTree(call("POST", "/api/connections/op/resync", error.path("resync")).body());
        await().atMost(TIMEOUT).until(() -> "DONE".equals(runView(again.path("runId").asText()).path("state").asText()));
        await().atMost(TIMEOUT).until(() -> errors("connection=op").isEmpty());
        assertThat(xero.invoices(tenant.tenantId())).extracting(i -> i.get("InvoiceNumber")).contains("OP-3");
        assertThat(call("POST", "/api/connections/op/runs", Map.of("entities", List.of("SIDEWAYS"))).statusCode()).isEqualTo(400);
    }

    private static List<String> steps(JsonNode history) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : history.path("steps")) {
            String cause = s.path("cause").isNull() || s.path("cause").isMissingNode() ? "" : " " + s.path("cause").asText();
            out.add(s.path("kind").asText() + " " + s.path("system").asText() + cause + " " + s.path("outcome").asText());
        }
        return out;
    }

    private static JsonNode runView(String runId) {
        return api.get("/api/connections/op/runs/" + runId);
    }

    private static JsonNode errors(String query) {
        return api.get("/api/errors?" + query);
    }

    private static JsonNode show(String id) {
        return api.get("/api/connections/" + id);
    }

    private static HttpResponse<String> call(String method, String path, Object body) {
        return api.call(method, path, body);
    }
}
