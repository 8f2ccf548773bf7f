package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.XeroContractTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.sxs.sandbox.support.XeroClient.wrap;
import static org.assertj.core.api.Assertions.assertThat;

class XeroCreditNotesContractTest extends XeroContractTest {

    String contactId;
    String invoiceId;

    @BeforeEach
    void setUp() {
        contactId = createContact("Customer");
        invoiceId = createAuthorisedSale(contactId);
    }

    private Map<String, Object> note(String status, Object amount) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("Type", "ACCRECCREDIT");
        n.put("Status", status);
        n.put("Contact", Map.of("ContactID", contactId));
        n.put("Date", "2030-06-01");
        n.put("LineItems", List.of(Map.of("Description", "Refund", "Quantity", 1, "UnitAmount", amount, "AccountCode", "200")));
        return n;
    }

    private JsonNode put(Map<String, Object> n) {
        HttpJson.Reply r = c.put("/CreditNotes", wrap("CreditNotes", n));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("CreditNotes").get(0);
    }

    private HttpJson.Reply allocate(String noteId, Object amount) {
        return c.put("/CreditNotes/" + noteId + "/Allocations", Map.of("Allocations", List.of(Map.of(
                "Invoice", Map.of("InvoiceID", invoiceId), "Amount", amount, "Date", "2030-06-02"))));
    }

    private JsonNode invoice() {
        return c.get("/Invoices/" + invoiceId).body().get("Invoices").get(0);
    }

    private JsonNode creditNote(String id) {
        return c.get("/CreditNotes/" + id).body().get("CreditNotes").get(0);
    }

    @Test
    void creditNotesAreDocumentsWithTheirOwnNumbers() {
        JsonNode n = put(note("DRAFT", 50));
        assertThat(n.get("CreditNoteID").asText()).matches("[0-9a-f-]{36}");
        assertThat(n.get("CreditNoteNumber").asText()).isEqualTo("CN-0001");
        assertThat(n.get("Total").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(n.get("RemainingCredit").decimalValue()).isEqualByComparingTo("60.00");
        Map<String, Object> dup = note("DRAFT", 1);
        dup.put("CreditNoteNumber", "CN-0001");
        assertThat(firstError(c.put("/CreditNotes", wrap("CreditNotes", dup)))).isEqualTo("Credit Note # must be unique.");
        Map<String, Object> discounted = note("DRAFT", 1);
        discounted.put("LineItems", List.of(Map.of("Description", "d", "Quantity", 1, "UnitAmount", 10, "AccountCode", "200",
                "DiscountRate", 10)));
        assertThat(c.put("/CreditNotes", wrap("CreditNotes", discounted)).status()).isEqualTo(400);
        Map<String, Object> wrongType = note("DRAFT", 1);
        wrongType.put("Type", "ACCREC");
        assertThat(c.put("/CreditNotes", wrap("CreditNotes", wrongType)).status()).isEqualTo(400);
        assertThat(c.get("/CreditNotes").body().get("CreditNotes").get(0).has("LineItems")).isFalse();
        assertThat(c.get("/CreditNotes?page=1").body().get("CreditNotes").get(0).get("LineItems")).hasSize(1);
        assertThat(c.get("/CreditNotes/CN-0001").body().get("CreditNotes").get(0).get("CreditNoteID").asText())
                .isEqualTo(n.get("CreditNoteID").asText());
        assertThat(c.post("/CreditNotes/" + n.get("CreditNoteID").asText(), wrap("CreditNotes", Map.of("Status", "DELETED")))
                .status()).isEqualTo(200);
    }

    @Test
    void allocationsSettleBothDocumentsAndLockTheCreditNote() {
        String draftId = put(note("DRAFT", 50)).get("CreditNoteID").asText();
        assertThat(firstError(allocate(draftId, 10))).contains("AUTHORISED");

        String noteId = put(note("AUTHORISED", 50)).get("CreditNoteID").asText();
        HttpJson.Reply a = allocate(noteId, "50.00");
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        JsonNode allocation = a.body().get("Allocations").get(0);
        assertThat(allocation.get("AllocationID").asText()).matches("[0-9a-f-]{36}");
        assertThat(allocation.get("Amount").decimalValue()).isEqualByComparingTo("50.00");

        JsonNode inv = invoice();
        assertThat(inv.get("AmountCredited").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(inv.get("AmountDue").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(inv.get("CreditNotes").get(0).get("AppliedAmount").decimalValue()).isEqualByComparingTo("50.00");
        JsonNode cn = creditNote(noteId);
        assertThat(cn.get("RemainingCredit").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(cn.get("Allocations")).hasSize(1);
        assertThat(firstError(allocate(noteId, "10.01"))).contains("remaining credit");
        assertThat(firstError(c.post("/CreditNotes/" + noteId, wrap("CreditNotes", Map.of("Reference", "x")))))
                .contains("payment or credit note allocated");

        assertThat(allocate(noteId, "10.00").status()).isEqualTo(200);
        assertThat(creditNote(noteId).get("Status").asText()).isEqualTo("PAID");
        assertThat(invoice().get("AmountDue").decimalValue()).isEqualByComparingTo("60.00");

        String allocationId = allocation.get("AllocationID").asText();
        HttpJson.Reply del = HttpJson.send("DELETE", c.uri("/CreditNotes/" + noteId + "/Allocations/" + allocationId), null,
                Map.of("Authorization", "Bearer " + c.tenant().accessToken(), "xero-tenant-id", c.tenant().tenantId()));
        assertThat(del.status()).isEqualTo(200);
        assertThat(del.body().get("Allocations").get(0).get("IsDeleted").asBoolean()).isTrue();
        cn = creditNote(noteId);
        assertThat(cn.get("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(cn.get("RemainingCredit").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(cn.get("Allocations")).hasSize(2);
        assertThat(invoice().get("AmountCredited").decimalValue()).isEqualByComparingTo("10.00");
    }

    @Test
    void allocationsNeedTheSameContactAndSide() {
        String other = createContact("Someone else");
        Map<String, Object> n = note("AUTHORISED", 20);
        n.put("Contact", Map.of("ContactID", other));
        String noteId = put(n).get("CreditNoteID").asText();
        assertThat(firstError(allocate(noteId, 5))).contains("same contact");
        assertThat(xero.creditNotes(c.tenant().tenantId())).hasSize(1);
    }

    @Test
    void aCreditNoteInAnotherCurrencyThanTheInvoiceCannotBeAllocated() {
        assertThat(c.put("/Currencies", Map.of("Code", "USD")).status()).isEqualTo(200);
        Map<String, Object> n = note("AUTHORISED", 10);
        n.put("CurrencyCode", "USD");
        String noteId = put(n).get("CreditNoteID").asText();
        HttpJson.Reply r = allocate(noteId, "5.00");
        assertThat(r.status()).isEqualTo(400);
        assertThat(firstError(r)).isEqualTo("The credit note (USD) and the invoice (GBP) must be in the same currency.");
        assertThat(c.get("/CreditNotes/" + noteId).body().get("CreditNotes").get(0).get("RemainingCredit").decimalValue())
                .isEqualByComparingTo("12.00");
    }
}
