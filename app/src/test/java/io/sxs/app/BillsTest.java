package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sxs.app.pipeline.Connections;
import io.sxs.app.pipeline.SyncLogFollower;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.Pipelines;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.registry.ConnectionDirections;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Bills end to end (real broker, real HTTP), both directions: create, update, void, delete, and a paid bill blocked;
 * Xero's bills come in the invoices' pages (no call of their own), and a restart writes nothing twice.
 */
class BillsTest extends BrokerAndSandboxes {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void scoroBillsGoToXeroWithTheirSupplierFollowEditsAndAreVoidedOrBlockedWhenDeleted() throws Exception {
        ScoroCompany company = scoro.createCompany("Bills Scoro");
        XeroTenant tenant = xero.createTenant("Bills Ltd");
        String companyId = company.companyAccountId();
        List<SyncLogEntry> log = new CopyOnWriteArrayList<>();
        Path data = Files.createTempDirectory("sxs-bills-");
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY, data, Map.of());
        try (SyncLogFollower follower = new SyncLogFollower(broker.bootstrapServers(), "bills-to-xero", log::add).start()) {
            connect("bills-to-xero", company, tenant, Direction.TO_XERO);
            await().atMost(TIMEOUT).until(() -> ref(scoro.vatCodes(companyId), "vat_code", "INPUT2", "vat_code_id") != null
                    && ref(scoro.financeAccounts(companyId), "account_symbol", "429", "id") != null);
            Map<String, Object> supplier = scoro.createContact(companyId, Map.of("name", "Paper Supplies Ltd", "is_supplier", 1));
            long b1 = bill(companyId, supplier, "SUP-100", "40.00");
            long b2 = bill(companyId, supplier, "SUP-101", "15.00");

            Map<String, Object> x1 = await().atMost(TIMEOUT).until(() -> xeroBill(tenant, "SUP-100"), Objects::nonNull);
            await().atMost(TIMEOUT).until(() -> xeroBill(tenant, "SUP-101") != null);
            assertThat(x1.get("Type")).isEqualTo("ACCPAY");
            assertThat(x1.get("Status")).as("a Scoro bill is awaiting payment").isEqualTo("AUTHORISED");
            assertThat(((Map<?, ?>) x1.get("Contact")).get("Name")).isEqualTo("Paper Supplies Ltd");
            assertThat(new BigDecimal(x1.get("Total").toString())).isEqualByComparingTo("48.00");
            Map<?, ?> line = (Map<?, ?>) ((List<?>) x1.get("LineItems")).get(0);
            assertThat(line.get("AccountCode")).isEqualTo("429");
            assertThat(line.get("TaxType")).isEqualTo("INPUT2");

            // An edit follows.
            scoro.updateBill(companyId, b1, Map.of("lines", List.of(line(companyId, "50.00"))));
            await().atMost(TIMEOUT).until(() -> new BigDecimal(xeroBill(tenant, "SUP-100").get("Total").toString())
                    .compareTo(new BigDecimal("60.00")) == 0);

            // Deleted in Scoro: an unpaid approved bill is voided in Xero; a paid one is blocked, with the reason.
            String x2 = (String) xeroBill(tenant, "SUP-101").get("InvoiceID");
            xero.createPayment(tenant.tenantId(), Map.of("Invoice", Map.of("InvoiceID", x2), "Account", Map.of("Code", "090"),
                    "Date", "2026-11-20", "Amount", new BigDecimal("18.00")));
            scoro.deleteBill(companyId, b1);
            scoro.deleteBill(companyId, b2);
            await().atMost(TIMEOUT).until(() -> "VOIDED".equals(xeroBill(tenant, "SUP-100").get("Status")));
            await().atMost(TIMEOUT).until(() -> log.stream().anyMatch(e -> e.getOutcome() == SyncOutcome.BLOCKED
                    && e.getEntity() == EntityType.BILL));
            assertThat(log.stream().filter(e -> e.getOutcome() == SyncOutcome.BLOCKED).findFirst().orElseThrow().getMessage())
                    .contains("bill SUP-101 is PAID");
            assertThat(xeroBill(tenant, "SUP-101").get("Status")).isEqualTo("PAID");
            assertThat(xero.callCounts(tenant.tenantId()).get("PUT /Invoices")).as("bills created together").isBetween(1L, 2L);
        } finally {
            app.close();
        }
        Map<String, Long> before = xero.callCounts(tenant.tenantId());
        app = Pipelines.start(broker.bootstrapServers(), KEY, data, Map.of());
        try {
            long reads = before.getOrDefault("GET /Invoices", 0L);
            await().atMost(TIMEOUT).until(() -> xero.callCounts(tenant.tenantId()).getOrDefault("GET /Invoices", 0L) > reads);
            Thread.sleep(2000);
            Map<String, Long> after = xero.callCounts(tenant.tenantId());
            assertThat(after.get("PUT /Invoices")).as("no bill created again").isEqualTo(before.get("PUT /Invoices"));
            assertThat(after.get("POST /Invoices")).as("no bill written again").isEqualTo(before.get("POST /Invoices"));
        } finally {
            app.close();
        }
    }

    @Test
    void xeroBillsComeToScoroInTheInvoicesPagesAndAVoidOrDeleteInXeroDeletesThem() throws Exception {
        ScoroCompany company = scoro.createCompany("Bills Scoro 2");
        XeroTenant tenant = xero.createTenant("Bills Ltd 2");
        String companyId = company.companyAccountId();
        Map<String, Object> supplier = xero.createContact(tenant.tenantId(), Map.of("Name", "Cloud Hosting Ltd"));
        Map<String, Object> approved = xero.createInvoice(tenant.tenantId(), xeroBillBody(supplier, "H-1", "AUTHORISED", "30"));
        Map<String, Object> draft = xero.createInvoice(tenant.tenantId(), xeroBillBody(supplier, "H-2", "DRAFT", "12"));
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-bills2-"), Map.of());
        try {
            connect("bills-to-scoro", company, tenant, Direction.TO_SCORO);
            await().atMost(TIMEOUT).until(() -> scoroBill(companyId, "H-1") != null && scoroBill(companyId, "H-2") != null);
            Map<String, Object> h1 = scoroBill(companyId, "H-1");
            assertThat(new BigDecimal(h1.get("sum").toString())).isEqualByComparingTo("30.00");
            Map<String, Object> contact = scoro.contact(companyId, ((Number) h1.get("company_id")).longValue());
            assertThat(contact.get("name")).isEqualTo("Cloud Hosting Ltd");
            assertThat(xero.callCounts(tenant.tenantId()).keySet()).as("bills cost no call of their own")
                    .noneMatch(k -> k.contains("ACCPAY"));

            xero.updateInvoice(tenant.tenantId(), (String) approved.get("InvoiceID"), Map.of("Status", "VOIDED"));
            xero.updateInvoice(tenant.tenantId(), (String) draft.get("InvoiceID"), Map.of("Status", "DELETED"));
            await().atMost(TIMEOUT).until(() -> scoroBill(companyId, "H-1") == null && scoroBill(companyId, "H-2") == null);
            assertThat(xero.writeCalls(tenant.tenantId())).as("nothing written to Xero").isZero();
        } finally {
            app.close();
        }
    }

    private static Map<String, Object> xeroBillBody(Map<String, Object> supplier, String number, String status, String amount) {
        return Map.of("Type", "ACCPAY", "InvoiceNumber", number, "Contact", Map.of("ContactID", supplier.get("ContactID")),
                "Date", "2026-11-03", "DueDate", "2026-11-30", "Status", status, "LineItems", List.of(Map.of(
                        "Description", "Hosting", "Quantity", 1, "UnitAmount", new BigDecimal(amount), "AccountCode", "429",
                        "TaxType", "NONE")));
    }

    private static long bill(String companyId, Map<String, Object> supplier, String no, String price) {
        return ((Number) scoro.createBill(companyId, Map.of("no", no, "company_id", supplier.get("contact_id"), "date", "2026-11-02",
                "deadline", "2026-11-30", "currency", "GBP", "lines", List.of(line(companyId, price)))).get("id")).longValue();
    }

    private static Map<String, Object> line(String companyId, String price) {
        return Map.of("comment", "Paper", "amount", BigDecimal.ONE, "price", new BigDecimal(price),
                "vat_code_id", ref(scoro.vatCodes(companyId), "vat_code", "INPUT2", "vat_code_id"),
                "finance_account_id", ref(scoro.financeAccounts(companyId), "account_symbol", "429", "id"));
    }

    private static Map<String, Object> xeroBill(XeroTenant tenant, String number) {
        return xero.invoices(tenant.tenantId()).stream().filter(i -> "ACCPAY".equals(i.get("Type"))
                && number.equals(i.get("InvoiceNumber"))).findFirst().orElse(null);
    }

    private static Map<String, Object> scoroBill(String companyId, String no) {
        return scoro.bills(companyId).stream().filter(b -> no.equals(b.get("no"))).findFirst().orElse(null);
    }

    private static Object ref(List<Map<String, Object>> rows, String keyField, String key, String idField) {
        return rows.stream().filter(r -> key.equals(r.get(keyField))).findFirst().map(r -> r.get(idField)).orElse(null);
    }

    private static void connect(String id, ScoroCompany company, XeroTenant tenant, Direction bills) {
        ConnectionConfig config = Connections.newConnection(id, id, CIPHER, scoro.baseUri().toString(),
                company.companyAccountId(), company.apiKey(), xero.apiBase().toString(), tenant.tenantId(),
                tenant.accessToken());
        ConnectionDirections.set(config, EntityType.BILL, bills);
        ConnectionDirections.set(config, EntityType.INVOICE, Direction.OFF);
        config.setContacts(ContactMode.WITH_DOCUMENTS);
        config.setPollIntervalMs(300);
        new Connections(broker.bootstrapServers()).put(config);
    }
}
