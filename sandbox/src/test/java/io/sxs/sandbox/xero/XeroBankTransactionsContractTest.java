package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.XeroContractTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.sxs.sandbox.support.XeroClient.wrap;
import static org.assertj.core.api.Assertions.assertThat;

class XeroBankTransactionsContractTest extends XeroContractTest {

    String contactId;
    String invoiceId;

    @BeforeEach
    void setUp() {
        contactId = createContact("Customer");
        invoiceId = createAuthorisedSale(contactId);
    }

    private Map<String, Object> tx(String type, Map<String, Object> line) {
        Map<String, Object> t = new HashMap<>();
        t.put("Type", type);
        t.put("Contact", Map.of("ContactID", contactId));
        t.put("BankAccount", Map.of("Code", "090"));
        t.put("Date", "2030-07-01");
        t.put("LineItems", List.of(line));
        return t;
    }

    private JsonNode put(Map<String, Object> t) {
        HttpJson.Reply r = c.put("/BankTransactions", wrap("BankTransactions", t));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("BankTransactions").get(0);
    }

    @Test
    void receiveAndSpendNeedABankAccountAndLines() {
        JsonNode t = put(tx("RECEIVE", Map.of("Description", "Interest", "Quantity", 1, "UnitAmount", 10, "AccountCode", "260")));
        assertThat(t.get("BankTransactionID").asText()).matches("[0-9a-f-]{36}");
        assertThat(t.get("Total").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(t.get("BankAccount").get("Code").asText()).isEqualTo("090");
        assertThat(t.get("Status").asText()).isEqualTo("AUTHORISED");
        Map<String, Object> notBank = tx("RECEIVE", Map.of("Description", "x", "Quantity", 1, "UnitAmount", 10, "AccountCode", "260"));
        notBank.put("BankAccount", Map.of("Code", "200"));
        assertThat(firstError(c.put("/BankTransactions", wrap("BankTransactions", notBank)))).contains("BankAccount");
        Map<String, Object> noLines = tx("SPEND", Map.of());
        noLines.put("LineItems", List.of());
        assertThat(c.put("/BankTransactions", wrap("BankTransactions", noLines)).status()).isEqualTo(400);
        String id = t.get("BankTransactionID").asText();
        assertThat(c.post("/BankTransactions/" + id, wrap("BankTransactions", Map.of("Reference", "stmt 12"))).body()
                .get("BankTransactions").get(0).get("Reference").asText()).isEqualTo("stmt 12");
        assertThat(c.post("/BankTransactions/" + id, wrap("BankTransactions", Map.of("Total", 1))).status()).isEqualTo(400);
        assertThat(c.post("/BankTransactions/" + id, wrap("BankTransactions", Map.of("Status", "DELETED"))).body()
                .get("BankTransactions").get(0).get("Status").asText()).isEqualTo("DELETED");
        assertThat(c.get("/BankTransactions?page=1").body().get("pagination").get("itemCount").asInt()).isEqualTo(1);
    }

    @Test
    void prepaymentsCarryCreditThatCanBeAllocatedAndReleased() {
        JsonNode t = put(tx("RECEIVE-PREPAYMENT", Map.of("Description", "Deposit", "Quantity", 1, "UnitAmount", 50,
                "AccountCode", "200")));
        String prepaymentId = t.get("PrepaymentID").asText();
        JsonNode p = c.get("/Prepayments/" + prepaymentId).body().get("Prepayments").get(0);
        assertThat(p.get("Type").asText()).isEqualTo("RECEIVE-PREPAYMENT");
        assertThat(p.get("RemainingCredit").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(c.get("/Prepayments").body().get("Prepayments")).hasSize(1);

        HttpJson.Reply a = c.put("/Prepayments/" + prepaymentId + "/Allocations", Map.of("Allocations", List.of(
                Map.of("Invoice", Map.of("InvoiceID", invoiceId), "Amount", "60.00", "Date", "2030-07-02"))));
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        JsonNode inv = c.get("/Invoices/" + invoiceId).body().get("Invoices").get(0);
        assertThat(inv.get("Prepayments").get(0).get("AppliedAmount").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(inv.get("AmountDue").decimalValue()).isEqualByComparingTo("60.00");
        p = c.get("/Prepayments/" + prepaymentId).body().get("Prepayments").get(0);
        assertThat(p.get("Status").asText()).isEqualTo("PAID");
        assertThat(p.get("RemainingCredit").decimalValue()).isEqualByComparingTo("0");

        String txId = t.get("BankTransactionID").asText();
        assertThat(firstError(c.post("/BankTransactions/" + txId, wrap("BankTransactions", Map.of("Status", "DELETED")))))
                .contains("allocated");
        String allocationId = a.body().get("Allocations").get(0).get("AllocationID").asText();
        HttpJson.Reply del = HttpJson.send("DELETE", c.uri("/Prepayments/" + prepaymentId + "/Allocations/" + allocationId), null,
                Map.of("Authorization", "Bearer " + c.tenant().accessToken(), "xero-tenant-id", c.tenant().tenantId()));
        assertThat(del.body().get("Allocations").get(0).get("IsDeleted").asBoolean()).isTrue();
        assertThat(c.post("/BankTransactions/" + txId, wrap("BankTransactions", Map.of("Status", "DELETED"))).status()).isEqualTo(200);
        assertThat(c.get("/Prepayments/" + prepaymentId).body().get("Prepayments").get(0).get("Status").asText()).isEqualTo("VOIDED");
    }

    @Test
    void overpaymentsNeedNoAccountAndKeepTheirSide() {
        JsonNode t = put(tx("RECEIVE-OVERPAYMENT", Map.of("Description", "Paid twice", "Quantity", 1, "UnitAmount", 30,
                "TaxType", "NONE")));
        String overpaymentId = t.get("OverpaymentID").asText();
        assertThat(c.get("/Overpayments").body().get("Overpayments").get(0).get("RemainingCredit").decimalValue())
                .isEqualByComparingTo("30.00");
        assertThat(c.put("/Overpayments/" + overpaymentId + "/Allocations", Map.of("Invoice", Map.of("InvoiceID", invoiceId),
                "Amount", 30)).status()).isEqualTo(200);
        assertThat(c.get("/Invoices/" + invoiceId).body().get("Invoices").get(0).get("Overpayments")).hasSize(1);

        JsonNode spend = put(tx("SPEND-PREPAYMENT", Map.of("Description", "Supplier deposit", "Quantity", 1, "UnitAmount", 10,
                "AccountCode", "400")));
        HttpJson.Reply wrongSide = c.put("/Prepayments/" + spend.get("PrepaymentID").asText() + "/Allocations",
                Map.of("Invoice", Map.of("InvoiceID", invoiceId), "Amount", 1));
        assertThat(firstError(wrongSide)).contains("ACCPAY");
        assertThat(xero.prepayments(c.tenant().tenantId())).hasSize(1);
        assertThat(xero.overpayments(c.tenant().tenantId())).hasSize(1);
    }

    @Test
    void prepaymentsAndOverpaymentsCarryUpdatedDateUtcString() {
        xero.clock().pin(java.time.Instant.parse("2030-07-01T10:11:12.345Z"));
        try {
            String pre = put(tx("RECEIVE-PREPAYMENT", Map.of("Description", "Deposit", "Quantity", 1, "UnitAmount", 50,
                    "AccountCode", "200"))).get("PrepaymentID").asText();
            String over = put(tx("RECEIVE-OVERPAYMENT", Map.of("Description", "Paid twice", "Quantity", 1, "UnitAmount", 30,
                    "TaxType", "NONE"))).get("OverpaymentID").asText();
            assertThat(c.get("/Prepayments/" + pre).body().get("Prepayments").get(0).get("UpdatedDateUTCString").asText())
                    .isEqualTo("2030-07-01T10:11:12Z");
            assertThat(c.get("/Overpayments/" + over).body().get("Overpayments").get(0).get("UpdatedDateUTCString").asText())
                    .isEqualTo("2030-07-01T10:11:12Z");
        } finally {
            xero.clock().reset();
        }
    }

    @Test
    void creditInAnotherCurrencyThanTheInvoiceCannotBeAllocated() {
        assertThat(c.put("/Currencies", Map.of("Code", "EUR")).status()).isEqualTo(200);
        Map<String, Object> eurPre = tx("RECEIVE-PREPAYMENT", Map.of("Description", "Deposit", "Quantity", 1, "UnitAmount", 50,
                "AccountCode", "200"));
        eurPre.put("CurrencyCode", "EUR");
        String pre = put(eurPre).get("PrepaymentID").asText();
        HttpJson.Reply r = c.put("/Prepayments/" + pre + "/Allocations", Map.of("Allocations", List.of(
                Map.of("Invoice", Map.of("InvoiceID", invoiceId), "Amount", "10.00", "Date", "2030-07-02"))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(firstError(r)).isEqualTo("The prepayment (EUR) and the invoice (GBP) must be in the same currency.");

        Map<String, Object> eurOver = tx("RECEIVE-OVERPAYMENT", Map.of("Description", "Paid twice", "Quantity", 1,
                "UnitAmount", 30, "TaxType", "NONE"));
        eurOver.put("CurrencyCode", "EUR");
        String over = put(eurOver).get("OverpaymentID").asText();
        HttpJson.Reply o = c.put("/Overpayments/" + over + "/Allocations", Map.of("Allocations", List.of(
                Map.of("Invoice", Map.of("InvoiceID", invoiceId), "Amount", "10.00"))));
        assertThat(firstError(o)).isEqualTo("The overpayment (EUR) and the invoice (GBP) must be in the same currency.");
        assertThat(c.get("/Invoices/" + invoiceId).body().get("Invoices").get(0).get("AmountDue").decimalValue())
                .isEqualByComparingTo("120.00");
    }
}
