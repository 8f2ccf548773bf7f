package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.XeroContractTest;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.support.HttpJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.sxs.sandbox.support.XeroClient.wrap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Payments against credit notes, prepayments and overpayments: refunds of the credit they hold. */
class XeroRefundsContractTest extends XeroContractTest {

    String contactId;

    @BeforeEach
    void setUp() {
        contactId = createContact("Customer");
    }

    /** An AUTHORISED credit note of 100.00 + 20.00 VAT. */
    private JsonNode creditNote(String type, String status) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("Type", type);
        n.put("Status", status);
        n.put("Contact", Map.of("ContactID", contactId));
        n.put("Date", "2030-06-01");
        n.put("LineItems", List.of(Map.of("Description", "Returned goods", "Quantity", 1, "UnitAmount", 100,
                "AccountCode", type.equals("ACCRECCREDIT") ? "200" : "400")));
        HttpJson.Reply r = c.put("/CreditNotes", wrap("CreditNotes", n));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("CreditNotes").get(0);
    }

    private JsonNode note(String id) {
        return c.get("/CreditNotes/" + id).body().get("CreditNotes").get(0);
    }

    private static Map<String, Object> refund(String field, Map<String, Object> ref, Object amount) {
        Map<String, Object> p = new HashMap<>();
        p.put(field, ref);
        p.put("Account", Map.of("Code", "090"));
        p.put("Date", "2030-06-10");
        p.put("Amount", amount);
        p.put("Reference", "refund");
        return p;
    }

    @Test
    void aCreditNoteRefundLowersRemainingCreditPaysItAtZeroAndDeletingItRestoresIt() {
        String id = creditNote("ACCRECCREDIT", "AUTHORISED").get("CreditNoteID").asText();
        HttpJson.Reply first = c.put("/Payments", wrap("Payments", refund("CreditNote", Map.of("CreditNoteID", id), "20.00")));
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        JsonNode p = first.body().get("Payments").get(0);
        assertThat(p.get("PaymentType").asText()).isEqualTo("ARCREDITPAYMENT");
        assertThat(p.get("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(p.get("Amount").decimalValue()).isEqualByComparingTo("20.00");
        // As in Xero's examples, the credit note is shown under "Invoice" with its credit Type, id and number.
        assertThat(p.get("Invoice").get("Type").asText()).isEqualTo("ACCRECCREDIT");
        assertThat(p.get("Invoice").get("InvoiceID").asText()).isEqualTo(id);
        assertThat(p.get("Invoice").get("InvoiceNumber").asText()).isEqualTo("CN-0001");

        JsonNode n = note(id);
        assertThat(n.get("RemainingCredit").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(n.get("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(n.get("Payments")).hasSize(1);
        assertThat(n.get("Payments").get(0).get("PaymentID").asText()).isEqualTo(p.get("PaymentID").asText());
        assertThat(firstError(c.post("/CreditNotes/" + id, wrap("CreditNotes", Map.of("Reference", "x")))))
                .contains("payment or credit note allocated");

        HttpJson.Reply tooMuch = c.put("/Payments", wrap("Payments", refund("CreditNote", Map.of("CreditNoteID", id), "100.01")));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(firstError(tooMuch)).isEqualTo("Payment amount exceeds the amount outstanding on this document");

        // Refunds and allocations share the remaining credit.
        String invoiceId = (String) xero.createInvoice(tenantId, Map.of("Type", "ACCREC", "Status", "AUTHORISED",
                "Contact", Map.of("ContactID", contactId),
                "LineItems", List.of(Map.of("Description", "Work", "Quantity", 1, "UnitAmount", 500, "AccountCode", "200"))))
                .get("InvoiceID");
        assertThat(c.put("/CreditNotes/" + id + "/Allocations", wrap("Allocations",
                Map.of("Invoice", Map.of("InvoiceID", invoiceId), "Amount", "30.00"))).status()).isEqualTo(200);
        HttpJson.Reply rest = c.post("/Payments", refund("CreditNote", Map.of("CreditNoteNumber", "CN-0001"), "70.00"));
        assertThat(rest.status()).as(rest.raw()).isEqualTo(200);
        n = note(id);
        assertThat(n.get("RemainingCredit").decimalValue()).isEqualByComparingTo("0");
        assertThat(n.get("Status").asText()).isEqualTo("PAID");
        assertThat(firstError(c.put("/Payments", wrap("Payments", refund("CreditNote", Map.of("CreditNoteID", id), "1")))))
                .contains("AUTHORISED");

        String restId = rest.body().get("Payments").get(0).get("PaymentID").asText();
        HttpJson.Reply del = c.post("/Payments/" + restId, Map.of("Status", "DELETED"));
        assertThat(del.status()).as(del.raw()).isEqualTo(200);
        assertThat(del.body().get("Payments").get(0).get("PaymentType").asText()).isEqualTo("ARCREDITPAYMENT");
        n = note(id);
        assertThat(n.get("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(n.get("RemainingCredit").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(n.get("Payments")).hasSize(1);
        assertThat(c.get("/Payments/" + restId).body().get("Payments").get(0).get("Status").asText()).isEqualTo("DELETED");
        assertThat(c.get("/Payments").body().get("Payments")).hasSize(2);
        assertThat(xero.callCounts(tenantId)).containsKeys("PUT /Payments", "POST /Payments", "POST /Payments/{PaymentID}");
    }

    @Test
    void refundsNeedOneAuthorisedTargetAndFollowTheSide() {
        String apId = creditNote("ACCPAYCREDIT", "AUTHORISED").get("CreditNoteID").asText();
        HttpJson.Reply ap = c.put("/Payments", wrap("Payments", refund("CreditNote", Map.of("CreditNoteID", apId), 120)));
        assertThat(ap.status()).as(ap.raw()).isEqualTo(200);
        assertThat(ap.body().get("Payments").get(0).get("PaymentType").asText()).isEqualTo("APCREDITPAYMENT");
        assertThat(ap.body().get("Payments").get(0).get("Invoice").get("Type").asText()).isEqualTo("ACCPAYCREDIT");
        assertThat(note(apId).get("Status").asText()).isEqualTo("PAID");

        String draftId = creditNote("ACCRECCREDIT", "DRAFT").get("CreditNoteID").asText();
        assertThat(firstError(c.put("/Payments", wrap("Payments", refund("CreditNote", Map.of("CreditNoteID", draftId), 1)))))
                .contains("AUTHORISED");
        assertThat(firstError(c.put("/Payments", wrap("Payments", refund("CreditNote",
                Map.of("CreditNoteID", "00000000-0000-0000-0000-000000000001"), 1))))).isEqualTo("Credit note could not be found.");
        Map<String, Object> both = refund("CreditNote", Map.of("CreditNoteID", apId), 1);
        both.put("Invoice", Map.of("InvoiceID", apId));
        assertThat(firstError(c.put("/Payments", wrap("Payments", both)))).contains("only one");

        // summarizeErrors=false and Idempotency-Key work as for invoice payments.
        String arId = creditNote("ACCRECCREDIT", "AUTHORISED").get("CreditNoteID").asText();
        HttpJson.Reply each = c.put("/Payments?summarizeErrors=false", wrap("Payments",
                refund("CreditNote", Map.of("CreditNoteID", arId), 10), refund("CreditNote", Map.of("CreditNoteID", draftId), 10)),
                "Idempotency-Key", "refunds-1");
        assertThat(each.status()).isEqualTo(200);
        assertThat(each.body().get("Payments").get(0).get("StatusAttributeString").asText()).isEqualTo("OK");
        assertThat(each.body().get("Payments").get(1).get("StatusAttributeString").asText()).isEqualTo("ERROR");
        HttpJson.Reply again = c.put("/Payments?summarizeErrors=false", wrap("Payments",
                refund("CreditNote", Map.of("CreditNoteID", arId), 10)), "Idempotency-Key", "refunds-1");
        assertThat(again.raw()).isEqualTo(each.raw());
        assertThat(note(arId).get("RemainingCredit").decimalValue()).isEqualByComparingTo("110.00");

        // The Java helper follows the same rules.
        assertThatThrownBy(() -> xero.createPayment(tenantId, refund("CreditNote", Map.of("CreditNoteID", arId), 111)))
                .isInstanceOf(SandboxValidationException.class);
        Map<String, Object> viaHelper = xero.createPayment(tenantId, refund("CreditNote", Map.of("CreditNoteID", arId), 110));
        assertThat(viaHelper.get("PaymentType")).isEqualTo("ARCREDITPAYMENT");
        assertThat(xero.creditNotes(tenantId).stream().filter(x -> arId.equals(x.get("CreditNoteID"))).findFirst()
                .orElseThrow().get("Status")).isEqualTo("PAID");
        xero.deletePayment(tenantId, (String) viaHelper.get("PaymentID"));
        assertThat(note(arId).get("RemainingCredit").decimalValue()).isEqualByComparingTo("110.00");
    }

    @Test
    void prepaymentsAndOverpaymentsCanBeRefundedToo() {
        Map<String, Object> tx = new HashMap<>();
        tx.put("Type", "RECEIVE-OVERPAYMENT");
        tx.put("Contact", Map.of("ContactID", contactId));
        tx.put("BankAccount", Map.of("Code", "090"));
        tx.put("Date", "2030-07-01");
        tx.put("LineItems", List.of(Map.of("Description", "Paid twice", "Quantity", 1, "UnitAmount", 30, "TaxType", "NONE")));
        Map<String, Object> bt = xero.createBankTransaction(tenantId, tx);
        String overpaymentId = (String) bt.get("OverpaymentID");

        HttpJson.Reply r = c.put("/Payments", wrap("Payments", refund("Overpayment", Map.of("OverpaymentID", overpaymentId), 12)));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode p = r.body().get("Payments").get(0);
        assertThat(p.get("PaymentType").asText()).isEqualTo("AROVERPAYMENTPAYMENT");
        assertThat(p.get("Overpayment").get("OverpaymentID").asText()).isEqualTo(overpaymentId);
        JsonNode o = c.get("/Overpayments/" + overpaymentId).body().get("Overpayments").get(0);
        assertThat(o.get("RemainingCredit").decimalValue()).isEqualByComparingTo("18.00");
        assertThat(o.get("Payments")).hasSize(1);
        assertThat(firstError(c.put("/Payments", wrap("Payments",
                refund("Overpayment", Map.of("OverpaymentID", overpaymentId), 18.01))))).contains("exceeds");
        HttpJson.Reply deleteTx = c.post("/BankTransactions/" + bt.get("BankTransactionID"),
                wrap("BankTransactions", Map.of("Status", "DELETED")));
        assertThat(deleteTx.status()).isEqualTo(400);
        assertThat(firstError(deleteTx)).contains("refunded");

        assertThat(c.put("/Payments", wrap("Payments", refund("Overpayment", Map.of("OverpaymentID", overpaymentId), 18)))
                .status()).isEqualTo(200);
        assertThat(c.get("/Overpayments/" + overpaymentId).body().get("Overpayments").get(0).get("Status").asText())
                .isEqualTo("PAID");
        xero.deletePayment(tenantId, p.get("PaymentID").asText());
        o = c.get("/Overpayments/" + overpaymentId).body().get("Overpayments").get(0);
        assertThat(o.get("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(o.get("RemainingCredit").decimalValue()).isEqualByComparingTo("12.00");

        tx.put("Type", "SPEND-PREPAYMENT");
        tx.put("LineItems", List.of(Map.of("Description", "Supplier deposit", "Quantity", 1, "UnitAmount", 10, "AccountCode", "400")));
        String prepaymentId = (String) xero.createBankTransaction(tenantId, tx).get("PrepaymentID");
        HttpJson.Reply pr = c.put("/Payments", wrap("Payments", refund("Prepayment", Map.of("PrepaymentID", prepaymentId), 5)));
        assertThat(pr.status()).as(pr.raw()).isEqualTo(200);
        assertThat(pr.body().get("Payments").get(0).get("PaymentType").asText()).isEqualTo("APPREPAYMENTPAYMENT");
        assertThat(c.get("/Prepayments/" + prepaymentId).body().get("Prepayments").get(0).get("RemainingCredit").decimalValue())
                .isEqualByComparingTo("7.00");
    }
}
