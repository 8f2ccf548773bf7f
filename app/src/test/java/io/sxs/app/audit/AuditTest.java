package io.sxs.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.ControlClient;
import io.sxs.app.support.Pipelines;
import io.sxs.app.support.Seeds;
import io.sxs.app.support.TopicReader;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.topic.Topics;
import io.sxs.schemas.view.ViewKey;
import io.sxs.schemas.view.ViewRecord;
import io.sxs.schemas.view.ViewSyncState;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Auditing from the topics, on a real pipeline (in-process broker, real HTTP to the sandboxes): the merged view equals
 * both sandboxes' states after a sync; the history of an invoice edited twice in Scoro and paid in Xero tells every
 * step in order with its cause; the replay rebuilds the ID map and the view from the log with 0 differences and names
 * a record tampered with in the rebuilt copy; a removed connection's view is tombstoned.
 */
class AuditTest extends BrokerAndSandboxes {

    private static final Duration SYNC = Duration.ofSeconds(90);

    @Test
    void theViewHistoryAndReplayFollowFromTheLog() throws Exception {
        Path data = Files.createTempDirectory("sxs-audit-");
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY, data, Map.of());
        try {
            ScoroCompany company = scoro.createCompany("Audit Scoro");
            XeroTenant tenant = xero.createTenant("Audit Ltd");
            String companyId = company.companyAccountId();
            List<String> numbers = new ArrayList<>(Seeds.scoroInvoices(scoro, company, "AU-", 2, 2));
            Seeds.scoroInvoice(scoro, company, "AU-PAID", "Audit Payer Ltd");
            numbers.add("AU-PAID");
            Seeds.connect(broker.bootstrapServers(), CIPHER, "au", scoro, company, xero, tenant, Direction.TO_XERO,
                    ContactMode.WITH_DOCUMENTS, 300);
            await().atMost(SYNC).until(() -> Seeds.numbersInXero(xero, tenant).keySet().containsAll(numbers));

            // AU-PAID edited twice in Scoro (each edit synced before the next), then paid in Xero.
            long paidId = scoroId(companyId, "AU-PAID");
            scoro.updateInvoice(companyId, paidId, Map.of("deadline", "2026-12-01"));
            await().atMost(SYNC).until(() -> "2026-12-01".equals(String.valueOf(xeroInvoice(tenant, "AU-PAID").get("DueDateString")).substring(0, 10)));
            scoro.updateInvoice(companyId, paidId, Map.of("deadline", "2026-12-15"));
            await().atMost(SYNC).until(() -> "2026-12-15".equals(String.valueOf(xeroInvoice(tenant, "AU-PAID").get("DueDateString")).substring(0, 10)));
            // A person asks for it to be written again: read with cause RESYNC, written although unchanged.
            ControlClient control = ControlClient.of(app);
            assertThat(control.call("POST", "/api/connections/au/resync", Map.of("entity", "invoice", "record", "AU-PAID"))
                    .statusCode()).isEqualTo(202);
            await().atMost(SYNC).until(() -> story(control).stream().filter(s -> s.equals("RESULT XERO  OK")).count() == 4);
            Map<String, Object> copy = xeroInvoice(tenant, "AU-PAID");
            BigDecimal due = new BigDecimal(String.valueOf(copy.get("AmountDue")));
            xero.createPayment(tenant.tenantId(), Map.of("Invoice", Map.of("InvoiceID", copy.get("InvoiceID")),
                    "Account", Map.of("Code", "090"), "Date", "2026-11-20", "Amount", due));
            await().atMost(SYNC).until(() -> new BigDecimal(String.valueOf(scoro.invoice(companyId, paidId).get("paid_sum")))
                    .compareTo(due) == 0);

            // The merged view: every invoice once, with both ids and Xero's totals, in sync.
            Map<String, Map<String, Object>> inXero = xero.invoices(tenant.tenantId()).stream()
                    .collect(Collectors.toMap(i -> String.valueOf(i.get("InvoiceNumber")), i -> i));
            Map<String, Map<String, Object>> inScoro = scoro.invoices(companyId).stream()
                    .collect(Collectors.toMap(i -> String.valueOf(i.get("no")), i -> i));
            await().atMost(SYNC).untilAsserted(() -> {
                List<ViewRecord> invoices = view(EntityType.INVOICE, "au");
                assertThat(invoices).extracting(v -> ((Invoice) v.getPayload()).getNumber())
                        .containsExactlyInAnyOrderElementsOf(numbers);
                for (ViewRecord v : invoices) {
                    Invoice invoice = (Invoice) v.getPayload();
                    Map<String, Object> x = inXero.get(invoice.getNumber());
                    Map<String, Object> s = inScoro.get(invoice.getNumber());
                    assertThat(v.getXeroId()).as(invoice.getNumber()).isEqualTo(x.get("InvoiceID"));
                    assertThat(v.getScoroId()).as(invoice.getNumber()).isEqualTo(String.valueOf(s.get("id")));
                    assertThat(v.getCanonicalId()).isEqualTo("SCORO:" + s.get("id"));
                    assertThat(v.getOwner()).isEqualTo(SystemType.SCORO);
                    assertThat(v.getOrigin()).isEqualTo(SystemType.SCORO);
                    assertThat(v.getSyncState()).as(invoice.getNumber()).isEqualTo(ViewSyncState.IN_SYNC);
                    assertThat(invoice.getTotal()).as(invoice.getNumber()).isEqualByComparingTo(new BigDecimal(String.valueOf(x.get("Total"))));
                }
            });
            ViewRecord paid = view(EntityType.INVOICE, "au").stream()
                    .filter(v -> ((Invoice) v.getPayload()).getNumber().equals("AU-PAID")).findFirst().orElseThrow();
            assertThat(view(EntityType.PAYMENT, "au")).as("the Xero payment, with its Scoro counterpart")
                    .singleElement().satisfies(p -> {
                        assertThat(p.getOwner()).isEqualTo(SystemType.XERO);
                        assertThat(p.getScoroId()).isNotNull();
                        assertThat(p.getXeroId()).isNotNull();
                    });
            assertThat(view(EntityType.CONTACT, "au")).hasSize(3);

            // The history of AU-PAID: made, edited twice, paid, each read with its cause and written once.
            JsonNode history = control.get("/api/connections/au/history/invoice/AU-PAID");
            List<String> story = story(control);
            System.out.println("History of AU-PAID:\n  " + String.join("\n  ", story));
            assertThat(history.path("ids").path("SCORO").get(0).asText()).isEqualTo(String.valueOf(paidId));
            assertThat(history.path("ids").path("XERO").get(0).asText()).isEqualTo(paid.getXeroId());
            assertThat(story.stream().filter(s -> s.startsWith("COMMAND XERO")).toList())
                    .as("created once, then one update per edit and the re-sync").containsExactly("COMMAND XERO  CREATE",
                            "COMMAND XERO  UPDATE", "COMMAND XERO  UPDATE", "COMMAND XERO  UPDATE");
            assertThat(story.stream().filter(s -> s.startsWith("RESULT XERO")).toList()).containsExactly(
                    "RESULT XERO  OK", "RESULT XERO  OK", "RESULT XERO  OK", "RESULT XERO  OK");
            assertThat(story).containsSubsequence("READ SCORO POLL UPSERT", "COMMAND XERO  CREATE", "RESULT XERO  OK",
                    "READ SCORO POLL UPSERT", "COMMAND XERO  UPDATE", "RESULT XERO  OK",
                    "READ SCORO POLL UPSERT", "COMMAND XERO  UPDATE", "RESULT XERO  OK",
                    "READ SCORO RESYNC UPSERT", "COMMAND XERO  UPDATE", "RESULT XERO  OK");
            int lastUpdate = story.lastIndexOf("RESULT XERO  OK");
            assertThat(story.subList(lastUpdate, story.size())).as("the payment made in Xero, read there after the last write")
                    .anyMatch(s -> s.startsWith("READ XERO") && s.endsWith("UPSERT"));

            // The replay rebuilds the ID map and the view from the log: 0 differences.
            Path folder = data.resolve("replay-1");
            JsonNode replay = control.json("POST", "/api/connections/au/replay", Map.of("folder", folder.toString()));
            System.out.println("Replay: " + replay);
            assertThat(replay.path("differences")).as(replay.toString()).isEmpty();
            assertThat(replay.path("idMapItems").asInt()).isGreaterThanOrEqualTo(2 * (numbers.size() + 3));
            assertThat(replay.path("viewItems").asInt()).isEqualTo(view("au").size());

            // A record tampered with in the rebuilt copy is named.
            Path viewFile = folder.resolve("view.jsonl");
            String tampered = Files.readString(viewFile).replaceFirst("\"xeroId\":\\{\"string\":\"[^\"]+\"\\}",
                    "\"xeroId\":{\"string\":\"tampered\"}");
            assertThat(tampered).contains("tampered");
            Files.writeString(viewFile, tampered);
            JsonNode again = control.json("POST", "/api/connections/au/replay/compare", Map.of("folder", folder.toString()));
            assertThat(again.path("differences")).hasSize(1);
            assertThat(again.path("differences").get(0).asText()).contains("xeroId").contains("tampered");

            // Removed: every view record of the connection is tombstoned.
            assertThat(control.call("DELETE", "/api/connections/au", null).statusCode()).isEqualTo(200);
            await().atMost(SYNC).until(() -> view("au").isEmpty());
        } finally {
            app.close();
        }
    }

    /** The history of AU-PAID as "KIND SYSTEM CAUSE OUTCOME" lines. */
    private static List<String> story(ControlClient control) {
        List<String> story = new ArrayList<>();
        for (JsonNode s : control.get("/api/connections/au/history/invoice/AU-PAID").path("steps")) {
            story.add(s.path("kind").asText() + " " + s.path("system").asText() + " " + s.path("cause").asText("")
                    + " " + s.path("outcome").asText());
        }
        return story;
    }

    private static List<ViewRecord> view(EntityType entity, String connectionId) {
        return TopicReader.compacted(broker.bootstrapServers(), Topics.view(entity)).entrySet().stream()
                .filter(e -> ((ViewKey) e.getKey()).getConnectionId().equals(connectionId))
                .map(e -> (ViewRecord) e.getValue()).toList();
    }

    private static List<ViewRecord> view(String connectionId) {
        List<ViewRecord> all = new ArrayList<>();
        for (EntityType entity : EntityType.values()) {
            all.addAll(view(entity, connectionId));
        }
        return all;
    }

    private static long scoroId(String companyId, String number) {
        return scoro.invoices(companyId).stream().filter(i -> number.equals(i.get("no")))
                .map(i -> ((Number) i.get("id")).longValue()).findFirst().orElseThrow();
    }

    private static Map<String, Object> xeroInvoice(XeroTenant tenant, String number) {
        return xero.invoices(tenant.tenantId()).stream().filter(i -> number.equals(i.get("InvoiceNumber"))).findFirst().orElseThrow();
    }
}
