package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sxs.app.pipeline.Connections;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.Pipelines;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.registry.ConnectionDirections;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Credit notes ride with the invoice sync (real broker, real HTTP): a Scoro credit invoice becomes a Xero credit note
 * allocated to the invoice it credits (the invoice's amount due drops by it), and with invoices TO_SCORO a Xero
 * credit note allocated to a synced invoice becomes a Scoro credit invoice of that invoice.
 */
class CreditNotesTest extends BrokerAndSandboxes {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aScoroCreditInvoiceArrivesAsACreditNoteAllocatedToItsInvoice() throws Exception {
        ScoroCompany company = scoro.createCompany("Credit Scoro");
        XeroTenant tenant = xero.createTenant("Credit Ltd");
        String companyId = company.companyAccountId();
        java.nio.file.Path data = Files.createTempDirectory("sxs-credit-");
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY, data, Map.of());
        try {
            connect("credit-to-xero", company, tenant, Direction.TO_XERO);
            await().atMost(TIMEOUT).until(() -> ref(scoro.vatCodes(companyId), "vat_code", "OUTPUT2", "vat_code_id") != null
                    && ref(scoro.financeAccounts(companyId), "account_symbol", "200", "id") != null);
            Map<String, Object> client = scoro.createContact(companyId, Map.of("name", "Credit Client", "is_client", 1));
            long invoice = ((Number) scoro.createInvoice(companyId, Map.of("no", "CI-1", "company_id", client.get("contact_id"),
                    "date", "2026-11-02", "deadline", "2026-11-30", "currency", "GBP", "is_sent", 1,
                    "lines", List.of(line(companyId, "100.00")))).get("id")).longValue();
            Map<String, Object> xInvoice = await().atMost(TIMEOUT).until(() -> byNumber(xero.invoices(tenant.tenantId()),
                    "InvoiceNumber", "CI-1"), Objects::nonNull);

            scoro.createInvoice(companyId, Map.of("no", "CR-1", "company_id", client.get("contact_id"), "date", "2026-11-05",
                    "deadline", "2026-11-05", "currency", "GBP", "is_sent", 1, "credited_invoices", List.of(invoice),
                    "lines", List.of(line(companyId, "25.00"))));
            Map<String, Object> note = await().atMost(TIMEOUT).until(() -> {
                Map<String, Object> n = byNumber(xero.creditNotes(tenant.tenantId()), "CreditNoteNumber", "CR-1");
                return n != null && !((List<?>) n.get("Allocations")).isEmpty() ? n : null;
            }, Objects::nonNull);
            assertThat(note.get("Type")).isEqualTo("ACCRECCREDIT");
            assertThat(note.get("Status")).as("approved, and PAID once wholly allocated").isEqualTo("PAID");
            assertThat(new BigDecimal(note.get("Total").toString())).isEqualByComparingTo("30.00");
            Map<?, ?> allocation = (Map<?, ?>) ((List<?>) note.get("Allocations")).get(0);
            assertThat(((Map<?, ?>) allocation.get("Invoice")).get("InvoiceID")).isEqualTo(xInvoice.get("InvoiceID"));
            assertThat(new BigDecimal(allocation.get("Amount").toString())).as("the credit invoice's total").isEqualByComparingTo("30.00");
            Map<String, Object> credited = xero.invoice(tenant.tenantId(), (String) xInvoice.get("InvoiceID"));
            assertThat(new BigDecimal(credited.get("AmountDue").toString())).isEqualByComparingTo("90.00");
            assertThat(xero.callCounts(tenant.tenantId())).containsEntry("PUT /CreditNotes", 1L)
                    .containsEntry("PUT /CreditNotes/{CreditNoteID}/Allocations", 1L);
        } finally {
            app.close();
        }
        // A restart reads everything again and writes nothing twice.
        Map<String, Long> before = xero.callCounts(tenant.tenantId());
        app = Pipelines.start(broker.bootstrapServers(), KEY, data, Map.of());
        try {
            long reads = before.getOrDefault("GET /CreditNotes", 0L);
            await().atMost(TIMEOUT).until(() -> xero.callCounts(tenant.tenantId()).getOrDefault("GET /CreditNotes", 0L) > reads);
            Thread.sleep(2000);
            Map<String, Long> after = xero.callCounts(tenant.tenantId());
            for (String write : List.of("PUT /CreditNotes", "POST /CreditNotes", "PUT /CreditNotes/{CreditNoteID}/Allocations",
                    "PUT /Invoices", "POST /Invoices")) {
                assertThat(after.get(write)).as(write + " after the restart").isEqualTo(before.get(write));
            }
        } finally {
            app.close();
        }
    }

    @Test
    void aXeroCreditNoteAllocatedToASyncedInvoiceBecomesAScoroCreditInvoiceOfIt() throws Exception {
        ScoroCompany company = scoro.createCompany("Credit Scoro 2");
        XeroTenant tenant = xero.createTenant("Credit Ltd 2");
        String companyId = company.companyAccountId();
        Map<String, Object> customer = xero.createContact(tenant.tenantId(), Map.of("Name", "Credit Customer"));
        Map<String, Object> invoice = xero.createInvoice(tenant.tenantId(), Map.of("Type", "ACCREC", "InvoiceNumber", "XI-1",
                "Contact", Map.of("ContactID", customer.get("ContactID")), "Date", "2026-11-02", "DueDate", "2026-11-30",
                "Status", "AUTHORISED", "LineItems", List.of(Map.of("Description", "Work", "Quantity", 1, "UnitAmount", 200,
                        "AccountCode", "200", "TaxType", "OUTPUT2"))));
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-credit2-"), Map.of());
        try {
            connect("credit-to-scoro", company, tenant, Direction.TO_SCORO);
            Map<String, Object> sInvoice = await().atMost(TIMEOUT).until(() -> byNumber(scoro.invoices(companyId), "no", "XI-1"),
                    Objects::nonNull);
            Map<String, Object> note = xero.createCreditNote(tenant.tenantId(), Map.of("Type", "ACCRECCREDIT",
                    "CreditNoteNumber", "XC-1", "Contact", Map.of("ContactID", customer.get("ContactID")), "Date", "2026-11-04",
                    "Status", "AUTHORISED", "LineItems", List.of(Map.of("Description", "Refund of work", "Quantity", 1,
                            "UnitAmount", 50, "AccountCode", "200", "TaxType", "OUTPUT2"))));
            xero.allocateCreditNote(tenant.tenantId(), (String) note.get("CreditNoteID"), Map.of("Invoice",
                    Map.of("InvoiceID", invoice.get("InvoiceID")), "Amount", new BigDecimal("60.00"), "Date", "2026-11-04"));

            Map<String, Object> credit = await().atMost(TIMEOUT).until(() -> byNumber(scoro.invoices(companyId), "no", "XC-1"),
                    Objects::nonNull);
            Map<String, Object> full = scoro.invoice(companyId, ((Number) credit.get("id")).longValue());
            assertThat(((List<?>) full.get("credited_invoices")).stream().map(o -> ((Number) o).longValue()).toList())
                    .containsExactly(((Number) sInvoice.get("id")).longValue());
            assertThat(new BigDecimal(full.get("sum").toString())).isEqualByComparingTo("50.00");
        } finally {
            app.close();
        }
    }

    private static Map<String, Object> line(String companyId, String price) {
        return Map.of("comment", "Work", "amount", BigDecimal.ONE, "price", new BigDecimal(price),
                "vat_code_id", ref(scoro.vatCodes(companyId), "vat_code", "OUTPUT2", "vat_code_id"),
                "finance_account_id", ref(scoro.financeAccounts(companyId), "account_symbol", "200", "id"));
    }

    private static Map<String, Object> byNumber(List<Map<String, Object>> docs, String field, String number) {
        return docs.stream().filter(d -> number.equals(d.get(field))).findFirst().orElse(null);
    }

    private static Object ref(List<Map<String, Object>> rows, String keyField, String key, String idField) {
        return rows.stream().filter(r -> key.equals(r.get(keyField))).findFirst().map(r -> r.get(idField)).orElse(null);
    }

    private static void connect(String id, ScoroCompany company, XeroTenant tenant, Direction invoices) {
        ConnectionConfig config = Connections.newConnection(id, id, CIPHER, scoro.baseUri().toString(),
                company.companyAccountId(), company.apiKey(), xero.apiBase().toString(), tenant.tenantId(),
                tenant.accessToken());
        ConnectionDirections.set(config, EntityType.INVOICE, invoices);
        config.setContacts(ContactMode.WITH_DOCUMENTS);
        config.setPollIntervalMs(300);
        new Connections(broker.bootstrapServers()).put(config);
    }
}
