package io.sxs.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection of a run and the documents made for it as a user would make them (through the sandboxes' admin
 * APIs): invoices in the system that owns them ({@code TO_XERO}: Scoro, {@code TO_SCORO}: Xero), a contact for every
 * {@value #PER_CONTACT}, and with invoices to Scoro a payment in Xero on every {@value #PAID_EVERY}th, which the
 * pipeline carries to Scoro as a receipt. It remembers what it made, which is what the run expects to find.
 */
final class SeededConnection {

    static final int PER_CONTACT = 5;
    static final int PAID_EVERY = 4;

    final String id;
    final boolean toXero;
    final String company;
    final String apiKey;
    final String tenant;
    final String accessToken;
    private final SandboxProcess sandboxes;
    private final Map<Integer, String> contacts = new HashMap<>();
    /** Payments made in Xero, by invoice number: the amount Scoro must show as paid once. */
    private final Map<String, BigDecimal> payments = new LinkedHashMap<>();
    private long vatCode;
    private long salesAccount;
    private int documents;

    SeededConnection(SandboxProcess sandboxes, String id, boolean toXero) {
        this.sandboxes = sandboxes;
        this.id = id;
        this.toXero = toXero;
        JsonNode c = sandboxes.createCompany("Chaos " + id);
        this.company = c.path("companyAccountId").asText();
        this.apiKey = c.path("apiKey").asText();
        JsonNode t = sandboxes.createTenant("Chaos " + id + " Ltd");
        this.tenant = t.path("tenantId").asText();
        this.accessToken = t.path("accessToken").asText();
        if (toXero) {
            vatCode = idOf(sandboxes.scoroList(company, "vat-codes"), "vat_code", "OUTPUT2", "vat_code_id");
            salesAccount = idOf(sandboxes.scoroList(company, "finance-accounts"), "account_symbol", "200", "id");
        }
    }

    private static long idOf(List<JsonNode> rows, String field, String value, String idField) {
        return rows.stream().filter(r -> value.equals(r.path(field).asText())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + field + " " + value)).path(idField).asLong();
    }

    /** The number of document {@code i}: unique across connections, so a misplaced copy would be seen as one. */
    String number(int i) {
        return id.toUpperCase() + "-" + i;
    }

    /** Makes documents {@code from} (inclusive) to {@code to} (exclusive), with their contacts and payments. */
    void seed(int from, int to) {
        for (int i = from; i < to; i++) {
            if (toXero) {
                scoroInvoice(i);
            } else {
                xeroInvoice(i);
            }
            documents++;
        }
    }

    private void scoroInvoice(int i) {
        String contact = contacts.computeIfAbsent(i / PER_CONTACT, c -> sandboxes.scoro("POST", "/companies/" + company
                + "/contacts", Map.of("name", id + " Client " + c, "is_client", 1)).path("contact_id").asText());
        sandboxes.scoro("POST", "/companies/" + company + "/invoices", Map.of("no", number(i), "company_id", Long.parseLong(contact),
                "date", "2026-11-02", "deadline", "2026-11-16", "currency", "GBP", "is_sent", 1,
                "lines", List.of(Map.of("comment", "Work " + i, "amount", new BigDecimal("1.5"), "price", price(i),
                        "vat_code_id", vatCode, "finance_account_id", salesAccount))));
    }

    private void xeroInvoice(int i) {
        String contact = contacts.computeIfAbsent(i / PER_CONTACT, c -> sandboxes.xero("POST", "/tenants/" + tenant
                + "/contacts", Map.of("Name", id + " Customer " + c)).path("ContactID").asText());
        JsonNode invoice = sandboxes.xero("POST", "/tenants/" + tenant + "/invoices", Map.of("Type", "ACCREC",
                "InvoiceNumber", number(i), "Contact", Map.of("ContactID", contact), "Date", "2026-11-03",
                "DueDate", "2026-11-17", "Status", "AUTHORISED", "CurrencyCode", "GBP",
                "LineItems", List.of(Map.of("Description", "Service " + i, "Quantity", 2, "UnitAmount", price(i),
                        "AccountCode", "200", "TaxType", "OUTPUT2"))));
        if (i % PAID_EVERY == 0) {
            BigDecimal amount = new BigDecimal("10.00").add(BigDecimal.valueOf(i % 7));
            sandboxes.xero("POST", "/tenants/" + tenant + "/payments", Map.of("Invoice", Map.of("InvoiceID",
                    invoice.path("InvoiceID").asText()), "Account", Map.of("Code", "090"), "Date", "2026-11-10", "Amount", amount));
            payments.put(number(i), amount);
        }
    }

    private static BigDecimal price(int i) {
        return new BigDecimal("10.00").add(BigDecimal.valueOf(i % 90));
    }

    int documents() {
        return documents;
    }

    Map<String, BigDecimal> payments() {
        return payments;
    }

    /** The documents that reached the other system so far (each number once or more). */
    int arrived() {
        List<JsonNode> copies = toXero ? xeroInvoices() : scoroInvoices();
        String numberField = toXero ? "InvoiceNumber" : "no";
        return (int) copies.stream().map(d -> d.path(numberField).asText()).distinct().count();
    }

    List<JsonNode> xeroInvoices() {
        return sandboxes.xeroList(tenant, "invoices");
    }

    List<JsonNode> scoroInvoices() {
        return sandboxes.scoroList(company, "invoices");
    }

    /** The control API's body that adds this connection. */
    Map<String, Object> createRequest(SandboxProcess sandboxes, long pollIntervalMs) {
        return Map.of("id", id, "name", "Chaos " + id,
                "scoro", Map.of("siteUrl", sandboxes.scoroSite().toString(), "companyAccountId", company, "apiKey", apiKey),
                "xero", Map.of("tenantId", tenant, "accessToken", accessToken, "apiBaseUrl", sandboxes.xeroApi().toString()),
                "settings", Map.of("directions", Map.of("INVOICE", toXero ? "TO_XERO" : "TO_SCORO"),
                        "contacts", "WITH_DOCUMENTS", "pollIntervalMs", pollIntervalMs));
    }
}
