package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.XeroContractTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.sxs.sandbox.support.XeroClient.wrap;
import static org.assertj.core.api.Assertions.assertThat;

class XeroPaymentsContractTest extends XeroContractTest {

    String invoiceId;

    @BeforeEach
    void setUp() {
        String contactId = createContact("Payer");
        invoiceId = (String) xero.createInvoice(c.tenant().tenantId(), Map.of("Type", "ACCREC", "Status", "AUTHORISED",
                "Contact", Map.of("ContactID", contactId), "Date", "2030-05-01", "DueDate", "2030-05-31",
                "LineItems", List.of(Map.of("Description", "Work", "Quantity", 1, "UnitAmount", 100, "AccountCode", "200"))))
                .get("InvoiceID");
    }

    private Map<String, Object> payment(Object amount) {
        return Map.of("Invoice", Map.of("InvoiceID", invoiceId), "Account", Map.of("Code", "090"), "Date", "2030-05-10",
                "Amount", amount, "Reference", "bank ref");
    }

    private JsonNode invoice() {
        return c.get("/Invoices/" + invoiceId).body().get("Invoices").get(0);
    }

    @Test
    void partialThenFullPaymentMakesTheInvoicePaidAndLocksIt() {
        HttpJson.Reply first = c.put("/Payments", wrap("Payments", payment("20.00")));
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        JsonNode p = first.body().get("Payments").get(0);
        assertThat(p.get("PaymentID").asText()).matches("[0-9a-f-]{36}");
        assertThat(p.get("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(p.get("PaymentType").asText()).isEqualTo("ACCRECPAYMENT");
        assertThat(p.get("Account").get("Code").asText()).isEqualTo("090");
        assertThat(p.get("Invoice").get("InvoiceID").asText()).isEqualTo(invoiceId);

        JsonNode inv = invoice();
        assertThat(inv.get("AmountPaid").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(inv.get("AmountDue").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(inv.get("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(inv.get("Payments")).hasSize(1);
        HttpJson.Reply edit = c.post("/Invoices/" + invoiceId, wrap("Invoices", Map.of("Reference", "x")));
        assertThat(firstError(edit)).contains("payment or credit note allocated");
        assertThat(c.post("/Invoices/" + invoiceId, wrap("Invoices", Map.of("Status", "VOIDED"))).status()).isEqualTo(400);

        HttpJson.Reply overpay = c.put("/Payments", wrap("Payments", payment("100.01")));
        assertThat(firstError(overpay)).isEqualTo("Payment amount exceeds the amount outstanding on this document");

        HttpJson.Reply rest = c.post("/Payments", payment("100.00"));
        assertThat(rest.status()).as(rest.raw()).isEqualTo(200);
        inv = invoice();
        assertThat(inv.get("Status").asText()).isEqualTo("PAID");
        assertThat(inv.get("AmountDue").decimalValue()).isEqualByComparingTo("0");
        assertThat(inv.get("FullyPaidOnDate").asText()).isEqualTo(XeroDates.msJson(java.time.LocalDate.parse("2030-05-10")));
        assertThat(firstError(c.post("/Invoices/" + invoiceId, wrap("Invoices", Map.of("Reference", "x")))))
                .isEqualTo("Invoice not of valid status for modification");
    }

    @Test
    void paymentsNeedAnAuthorisedInvoiceAndABankAccount() {
        String contactId = (String) xero.contacts(c.tenant().tenantId()).get(0).get("ContactID");
        String draftId = (String) xero.createInvoice(c.tenant().tenantId(), Map.of("Type", "ACCREC",
                "Contact", Map.of("ContactID", contactId),
                "LineItems", List.of(Map.of("Description", "d", "Quantity", 1, "UnitAmount", 10, "AccountCode", "200"))))
                .get("InvoiceID");
        HttpJson.Reply onDraft = c.put("/Payments", wrap("Payments", Map.of("Invoice", Map.of("InvoiceID", draftId),
                "Account", Map.of("Code", "090"), "Amount", 1)));
        assertThat(firstError(onDraft)).contains("AUTHORISED");
        HttpJson.Reply salesAccount = c.put("/Payments", wrap("Payments", Map.of("Invoice", Map.of("InvoiceID", invoiceId),
                "Account", Map.of("Code", "200"), "Amount", 1)));
        assertThat(firstError(salesAccount)).contains("bank");
        String bankId = c.get("/Accounts").body().get("Accounts").get(0).get("AccountID").asText();
        HttpJson.Reply byNumber = c.put("/Payments", wrap("Payments", Map.of("Invoice", Map.of("InvoiceNumber",
                invoice().get("InvoiceNumber").asText()), "Account", Map.of("AccountID", bankId), "Amount", 1)));
        assertThat(byNumber.status()).as(byNumber.raw()).isEqualTo(200);
    }

    @Test
    void deletingAPaymentIsTheOnlyChangeAndReopensTheInvoice() {
        xero.clock().pin(Instant.parse("2030-05-10T09:00:00Z"));
        String pid = c.put("/Payments", wrap("Payments", payment("120.00"))).body().get("Payments").get(0).get("PaymentID").asText();
        assertThat(invoice().get("Status").asText()).isEqualTo("PAID");
        HttpJson.Reply change = c.post("/Payments/" + pid, wrap("Payments", Map.of("Amount", 5)));
        assertThat(change.status()).isEqualTo(400);
        xero.clock().pin(Instant.parse("2030-05-11T09:00:00Z"));
        HttpJson.Reply del = c.post("/Payments/" + pid, Map.of("Status", "DELETED"));
        assertThat(del.status()).as(del.raw()).isEqualTo(200);
        assertThat(del.body().get("Payments").get(0).get("Status").asText()).isEqualTo("DELETED");
        JsonNode inv = invoice();
        assertThat(inv.get("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(inv.get("AmountPaid").decimalValue()).isEqualByComparingTo("0");
        assertThat(inv.get("Payments")).isEmpty();
        assertThat(inv.has("FullyPaidOnDate")).isFalse();

        assertThat(c.get("/Payments").body().get("Payments")).hasSize(1);
        assertThat(c.get("/Payments/" + pid).body().get("Payments").get(0).get("Status").asText()).isEqualTo("DELETED");
        assertThat(c.get("/Payments", "If-Modified-Since", "2030-05-10T12:00:00").body().get("Payments")).hasSize(1);
        assertThat(c.get("/Payments", "If-Modified-Since", "2030-05-11T12:00:00").body().get("Payments")).isEmpty();
        assertThat(c.get("/Payments?page=1").body().get("pagination").get("itemCount").asInt()).isEqualTo(1);
        assertThat(c.post("/Payments/" + pid, Map.of("Status", "DELETED")).status()).isEqualTo(400);
        assertThat(xero.callCounts(c.tenant().tenantId())).containsKey("POST /Payments/{PaymentID}");
    }

    private String eurInvoice(Map<String, Object> extra) {
        assertThat(c.put("/Currencies", Map.of("Code", "EUR")).status()).isEqualTo(200);
        String contactId = (String) xero.contacts(c.tenant().tenantId()).get(0).get("ContactID");
        Map<String, Object> inv = new java.util.HashMap<>(Map.of("Type", "ACCREC", "Status", "AUTHORISED",
                "Contact", Map.of("ContactID", contactId), "CurrencyCode", "EUR", "Date", "2030-05-01",
                "LineItems", List.of(Map.of("Description", "Work", "Quantity", 1, "UnitAmount", 100, "AccountCode", "200"))));
        inv.putAll(extra);
        return (String) xero.createInvoice(c.tenant().tenantId(), inv).get("InvoiceID");
    }

    @Test
    void paymentsCarryUpdatedDateUtcStringInIsoUtcWithoutMillis() {
        xero.clock().pin(Instant.parse("2030-05-10T09:08:07.654Z"));
        JsonNode p = c.put("/Payments", wrap("Payments", payment("20.00"))).body().get("Payments").get(0);
        assertThat(p.get("UpdatedDateUTCString").asText()).isEqualTo("2030-05-10T09:08:07Z");
        assertThat(p.get("UpdatedDateUTC").asText()).isEqualTo(XeroDates.msJson(Instant.parse("2030-05-10T09:08:07.654Z")));
        JsonNode listed = c.get("/Payments/" + p.get("PaymentID").asText()).body().get("Payments").get(0);
        assertThat(listed.get("UpdatedDateUTCString").asText()).isEqualTo("2030-05-10T09:08:07Z");
    }

    @Test
    void bankAmountIsTheAmountInTheGbpBankAccountAtTheGivenRate() {
        JsonNode gbp = c.put("/Payments", wrap("Payments", payment("20.00"))).body().get("Payments").get(0);
        assertThat(gbp.get("BankAmount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(gbp.get("CurrencyRate").decimalValue()).isEqualByComparingTo("1");

        String eurId = eurInvoice(Map.of("CurrencyRate", "1.250000"));
        HttpJson.Reply r = c.put("/Payments", wrap("Payments", Map.of("Invoice", Map.of("InvoiceID", eurId),
                "Account", Map.of("Code", "090"), "Date", "2030-05-10", "Amount", "100.00", "CurrencyRate", "1.25")));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode p = r.body().get("Payments").get(0);
        assertThat(p.get("Amount").toString()).isEqualTo("100.00");
        assertThat(p.get("CurrencyRate").toString()).isEqualTo("1.250000");
        assertThat(p.get("BankAmount").toString()).isEqualTo("80.00");
        assertThat(p.get("Invoice").get("CurrencyCode").asText()).isEqualTo("EUR");
    }

    @Test
    void aForeignPaymentWithoutCurrencyRateTakesTheSandboxRateOfItsCurrency() {
        String eurId = eurInvoice(Map.of("CurrencyRate", "1.200000"));
        HttpJson.Reply r = c.put("/Payments", wrap("Payments", Map.of("Invoice", Map.of("InvoiceID", eurId),
                "Account", Map.of("Code", "090"), "Date", "2030-05-10", "Amount", "50.00")));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode p = r.body().get("Payments").get(0);
        assertThat(p.get("CurrencyRate").toString()).isEqualTo("1.170000");
        assertThat(p.get("BankAmount").toString()).isEqualTo("42.74");
        assertThat(invoice().get("CurrencyRate").decimalValue()).isEqualByComparingTo("1");
        JsonNode onInvoice = c.get("/Invoices/" + eurId).body().get("Invoices").get(0).get("Payments").get(0);
        assertThat(onInvoice.get("CurrencyRate").toString()).isEqualTo("1.170000");
    }
}
