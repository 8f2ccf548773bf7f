package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.XeroClient;
import io.sxs.sandbox.support.XeroContractTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.sxs.sandbox.support.XeroClient.wrap;
import static io.sxs.sandbox.xero.XeroAuthAndReferenceDataTest.enc;
import static org.assertj.core.api.Assertions.assertThat;

class XeroInvoicesContractTest extends XeroContractTest {

    String contactId;

    @BeforeEach
    void tenant() {
        contactId = c.put("/Contacts", wrap("Contacts", Map.of("Name", "Buyer Ltd", "ContactNumber", "B-1")))
                .body().get("Contacts").get(0).get("ContactID").asText();
    }

    private static Map<String, Object> line(String description, Object qty, Object unit, String account, String taxType) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("Description", description);
        l.put("Quantity", qty);
        l.put("UnitAmount", unit);
        l.put("AccountCode", account);
        if (taxType != null) {
            l.put("TaxType", taxType);
        }
        return l;
    }

    private Map<String, Object> invoice(String type, Object... lines) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("Type", type);
        i.put("Contact", Map.of("ContactID", contactId));
        i.put("Date", "2030-03-01");
        i.put("DueDate", "2030-03-31");
        i.put("LineItems", List.of(lines));
        return i;
    }

    private JsonNode put(Map<String, Object> invoice, String query) {
        HttpJson.Reply r = c.put("/Invoices" + query, wrap("Invoices", invoice));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("Invoices").get(0);
    }

    private JsonNode put(Map<String, Object> invoice) {
        return put(invoice, "");
    }

    private JsonNode getOne(String id) {
        return c.get("/Invoices/" + id).body().get("Invoices").get(0);
    }

    private static BigDecimal dec(JsonNode n, String f) {
        return n.get(f).decimalValue();
    }

    @Test
    void createComputesTotalsAndIgnoresClientTotals() {
        Map<String, Object> inv = invoice("ACCREC", line("Consulting", 2, "100.00", "200", null));
        inv.put("Total", 1);
        inv.put("SubTotal", 1);
        JsonNode i = put(inv);
        assertThat(i.get("InvoiceID").asText()).matches("[0-9a-f-]{36}");
        assertThat(i.get("InvoiceNumber").asText()).isEqualTo("INV-0001");
        assertThat(i.get("Status").asText()).isEqualTo("DRAFT");
        assertThat(i.get("LineAmountTypes").asText()).isEqualTo("Exclusive");
        assertThat(dec(i, "SubTotal")).isEqualByComparingTo("200.00");
        assertThat(dec(i, "TotalTax")).isEqualByComparingTo("40.00");
        assertThat(dec(i, "Total")).isEqualByComparingTo("240.00");
        assertThat(dec(i, "AmountDue")).isEqualByComparingTo("240.00");
        assertThat(dec(i, "AmountPaid")).isEqualByComparingTo("0");
        JsonNode l = i.get("LineItems").get(0);
        assertThat(l.get("TaxType").asText()).isEqualTo("OUTPUT2");
        assertThat(l.get("LineItemID").asText()).matches("[0-9a-f-]{36}");
        assertThat(dec(l, "LineAmount")).isEqualByComparingTo("200.00");
        assertThat(dec(l, "TaxAmount")).isEqualByComparingTo("40.00");
        assertThat(i.get("Date").asText()).isEqualTo("/Date(1898553600000+0000)/");
        assertThat(i.get("DateString").asText()).isEqualTo("2030-03-01T00:00:00");
        assertThat(i.get("DueDateString").asText()).isEqualTo("2030-03-31T00:00:00");
        assertThat(i.get("UpdatedDateUTC").asText()).matches("/Date\\(\\d+\\+0000\\)/");
        assertThat(i.get("Contact").get("ContactID").asText()).isEqualTo(contactId);
        assertThat(put(invoice("ACCREC", line("Second", 1, 1, "200", null))).get("InvoiceNumber").asText()).isEqualTo("INV-0002");
    }

    @Test
    void moneyIsWrittenAsPlainDecimalsWithTheirScale() {
        JsonNode i = put(invoice("ACCREC", line("Plain", 1, 40, "200", "NONE")));
        HttpJson.Reply raw = c.get("/Invoices/" + i.get("InvoiceID").asText());
        assertThat(raw.raw()).contains("\"Total\":40.00").contains("\"Quantity\":1.0000").contains("\"CurrencyRate\":1.000000");
    }

    @Test
    void taxIsRoundedPerLineThenSummed() {
        JsonNode i = put(invoice("ACCREC",
                line("a", 1, "10.03", "200", "OUTPUT2"),
                line("b", 1, "10.03", "200", "OUTPUT2"),
                line("c", 1, "10.03", "200", "OUTPUT2")));
        // per line: 2.006 → 2.01, three times = 6.03 (tax on the subtotal would give 6.02)
        assertThat(dec(i, "SubTotal")).isEqualByComparingTo("30.09");
        assertThat(dec(i, "TotalTax")).isEqualByComparingTo("6.03");
        assertThat(dec(i, "Total")).isEqualByComparingTo("36.12");
    }

    @Test
    void discountsInclusiveNoTaxAndQuantityPrecision() {
        Map<String, Object> discounted = line("Discounted", 3, "19.99", "200", "OUTPUT2");
        discounted.put("DiscountRate", "12.5");
        JsonNode d = put(invoice("ACCREC", discounted, line("Precise qty", "1.23456", "10", "260", "RROUTPUT")));
        JsonNode l0 = d.get("LineItems").get(0);
        assertThat(dec(l0, "LineAmount")).isEqualByComparingTo("52.47");
        assertThat(dec(l0, "TaxAmount")).isEqualByComparingTo("10.49");
        JsonNode l1 = d.get("LineItems").get(1);
        assertThat(l1.get("Quantity").decimalValue()).isEqualByComparingTo("1.2346");
        assertThat(dec(l1, "LineAmount")).isEqualByComparingTo("12.35");
        assertThat(dec(l1, "TaxAmount")).isEqualByComparingTo("0.62");
        assertThat(d.get("IsDiscounted").asBoolean()).isTrue();

        Map<String, Object> inclusive = invoice("ACCREC", line("Gross", 1, "120.00", "200", "OUTPUT2"), line("Gross2", 1, "10.01", "200", "OUTPUT2"));
        inclusive.put("LineAmountTypes", "Inclusive");
        JsonNode in = put(inclusive);
        assertThat(dec(in, "TotalTax")).isEqualByComparingTo("21.67");
        assertThat(dec(in, "SubTotal")).isEqualByComparingTo("108.34");
        assertThat(dec(in, "Total")).isEqualByComparingTo("130.01");

        Map<String, Object> noTax = invoice("ACCREC", line("None", 1, "50", "200", null));
        noTax.put("LineAmountTypes", "NoTax");
        assertThat(dec(put(noTax), "TotalTax")).isEqualByComparingTo("0");
    }

    @Test
    void unitAmountHasTwoDecimalsUnlessUnitdp4() {
        JsonNode two = put(invoice("ACCREC", line("u", 3, "1.2345", "200", "NONE")));
        assertThat(two.get("LineItems").get(0).get("UnitAmount").decimalValue()).isEqualByComparingTo("1.23");
        assertThat(dec(two, "Total")).isEqualByComparingTo("3.69");
        JsonNode four = put(invoice("ACCREC", line("u", 3, "1.2345", "200", "NONE")), "?unitdp=4");
        assertThat(four.get("LineItems").get(0).get("UnitAmount").decimalValue()).isEqualByComparingTo("1.2345");
        assertThat(dec(four, "Total")).isEqualByComparingTo("3.70");
        String id = four.get("InvoiceID").asText();
        assertThat(c.get("/Invoices/" + id).body().get("Invoices").get(0).get("LineItems").get(0).get("UnitAmount").asText())
                .isEqualTo("1.23");
        assertThat(c.get("/Invoices/" + id + "?unitdp=4").body().get("Invoices").get(0).get("LineItems").get(0)
                .get("UnitAmount").asText()).isEqualTo("1.2345");
    }

    @Test
    void aLineMayNameItsAccountByAccountIdAndEveryLineReturnsBoth() {
        String sales = c.get("/Accounts").body().get("Accounts").findParents("Code").stream()
                .filter(a -> "200".equals(a.get("Code").asText())).findFirst().orElseThrow().get("AccountID").asText();
        Map<String, Object> byId = line("by id", 1, 10, null, "OUTPUT2");
        byId.remove("AccountCode");
        byId.put("AccountID", sales);
        JsonNode line = getOne(put(invoice("ACCREC", byId)).get("InvoiceID").asText()).get("LineItems").get(0);
        assertThat(line.get("AccountCode").asText()).isEqualTo("200");
        assertThat(line.get("AccountID").asText()).isEqualTo(sales);

        Map<String, Object> unknown = line("x", 1, 1, null, null);
        unknown.remove("AccountCode");
        unknown.put("AccountID", "00000000-0000-0000-0000-000000000000");
        assertThat(firstError(c.put("/Invoices", wrap("Invoices", invoice("ACCREC", unknown)))))
                .isEqualTo("Account ID '00000000-0000-0000-0000-000000000000' is not valid.");
    }

    @Test
    void linesAreValidatedAgainstAccountsAndTaxRates() {
        HttpJson.Reply badAccount = c.put("/Invoices", wrap("Invoices", invoice("ACCREC", line("x", 1, 1, "999", null))));
        assertThat(badAccount.status()).isEqualTo(400);
        assertThat(firstError(badAccount)).isEqualTo("Account code '999' is not a valid code for this document.");
        HttpJson.Reply bank = c.put("/Invoices", wrap("Invoices", invoice("ACCREC", line("x", 1, 1, "090", null))));
        assertThat(firstError(bank)).contains("'090'");
        HttpJson.Reply badTax = c.put("/Invoices", wrap("Invoices", invoice("ACCREC", line("x", 1, 1, "200", "OUTPUT"))));
        assertThat(firstError(badTax)).contains("TaxType code 'OUTPUT'");
        HttpJson.Reply wrongClass = c.put("/Invoices", wrap("Invoices", invoice("ACCREC", line("x", 1, 1, "400", "OUTPUT2"))));
        assertThat(firstError(wrongClass)).isEqualTo("The TaxType code 'OUTPUT2' cannot be used with account code '400'.");
        Map<String, Object> noDescription = line(null, 1, 1, "200", null);
        noDescription.remove("Description");
        assertThat(firstError(c.put("/Invoices", wrap("Invoices", invoice("ACCREC", noDescription)))))
                .isEqualTo("The description field is mandatory for each line item.");
        Map<String, Object> billDiscount = line("x", 1, 10, "400", null);
        billDiscount.put("DiscountRate", 10);
        assertThat(c.put("/Invoices", wrap("Invoices", invoice("ACCPAY", billDiscount))).status()).isEqualTo(400);
        assertThat(c.get("/Invoices").body().get("Invoices")).isEmpty();
    }

    @Test
    void typeAndResolvableContactAreRequired() {
        Map<String, Object> noType = invoice("ACCREC", line("x", 1, 1, "200", null));
        noType.remove("Type");
        assertThat(c.put("/Invoices", wrap("Invoices", noType)).status()).isEqualTo(400);
        Map<String, Object> unknownContact = invoice("ACCREC", line("x", 1, 1, "200", null));
        unknownContact.put("Contact", Map.of("ContactID", "00000000-0000-0000-0000-000000000009"));
        assertThat(firstError(c.put("/Invoices", wrap("Invoices", unknownContact)))).contains("contact");
        Map<String, Object> noContact = invoice("ACCREC", line("x", 1, 1, "200", null));
        noContact.remove("Contact");
        assertThat(firstError(c.put("/Invoices", wrap("Invoices", noContact))))
                .isEqualTo("A Contact must be specified for this type of transaction");
        Map<String, Object> byNumber = invoice("ACCREC", line("x", 1, 1, "200", null));
        byNumber.put("Contact", Map.of("ContactNumber", "B-1"));
        assertThat(put(byNumber).get("Contact").get("ContactID").asText()).isEqualTo(contactId);
        Map<String, Object> byName = invoice("ACCREC", line("x", 1, 1, "200", null));
        byName.put("Contact", Map.of("Name", "Buyer Ltd"));
        assertThat(put(byName).get("Contact").get("ContactID").asText()).isEqualTo(contactId);
    }

    @Test
    void accrecNumbersAreUniqueAccpayNumbersAreNot() {
        Map<String, Object> a = invoice("ACCREC", line("x", 1, 1, "200", null));
        a.put("InvoiceNumber", "SC-100");
        put(a);
        HttpJson.Reply dup = c.put("/Invoices", wrap("Invoices", a));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(firstError(dup)).isEqualTo("Invoice # must be unique.");
        Map<String, Object> bill = invoice("ACCPAY", line("x", 1, 1, "400", null));
        bill.put("InvoiceNumber", "SUP-1");
        put(bill);
        put(bill);
        assertThat(c.get("/Invoices?InvoiceNumbers=SUP-1").body().get("Invoices")).hasSize(2);
    }

    @Test
    void postWithAnExistingAccrecNumberUpdatesThatInvoice() {
        Map<String, Object> a = invoice("ACCREC", line("x", 1, 1, "200", null));
        a.put("InvoiceNumber", "SC-200");
        String id = put(a).get("InvoiceID").asText();
        Map<String, Object> again = new LinkedHashMap<>(a);
        again.put("Reference", "updated by number");
        HttpJson.Reply r = c.post("/Invoices", wrap("Invoices", again));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("Invoices").get(0).get("InvoiceID").asText()).isEqualTo(id);
        assertThat(c.get("/Invoices").body().get("Invoices")).hasSize(1);
        assertThat(getOne(id).get("Reference").asText()).isEqualTo("updated by number");
    }

    @Test
    void linesWithIdAreUpdatedLinesWithoutIdAreNewAndOmittedLinesAreDropped() {
        JsonNode i = put(invoice("ACCREC", line("keep", 1, 10, "200", null), line("drop", 1, 20, "200", null)));
        String keepId = i.get("LineItems").get(0).get("LineItemID").asText();
        String dropId = i.get("LineItems").get(1).get("LineItemID").asText();
        HttpJson.Reply r = c.post("/Invoices/" + i.get("InvoiceID").asText(), wrap("Invoices", Map.of(
                "LineItems", List.of(Map.of("LineItemID", keepId, "Quantity", 5), Map.of("Description", "new", "Quantity", 1,
                        "UnitAmount", 1, "AccountCode", "200")))));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode lines = r.body().get("Invoices").get(0).get("LineItems");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("LineItemID").asText()).isEqualTo(keepId);
        assertThat(lines.get(0).get("Description").asText()).isEqualTo("keep");
        assertThat(dec(lines.get(0), "LineAmount")).isEqualByComparingTo("50.00");
        assertThat(lines.get(1).get("LineItemID").asText()).isNotIn(keepId, dropId);
        assertThat(dec(r.body().get("Invoices").get(0), "SubTotal")).isEqualByComparingTo("51.00");

        JsonNode untouched = c.post("/Invoices/" + i.get("InvoiceID").asText(), wrap("Invoices", Map.of("Reference", "r")))
                .body().get("Invoices").get(0);
        assertThat(untouched.get("LineItems")).hasSize(2);
        assertThat(untouched.get("LineItems").get(0).get("LineItemID").asText()).isEqualTo(keepId);
    }

    @Test
    void statusTransitions() {
        String draft = put(invoice("ACCREC", line("x", 1, 10, "200", null))).get("InvoiceID").asText();
        assertThat(setStatus(draft, "VOIDED").status()).isEqualTo(400);
        assertThat(firstError(setStatus(draft, "VOIDED"))).isEqualTo("Invoice not of valid status for modification");
        assertThat(setStatus(draft, "SUBMITTED").status()).isEqualTo(200);
        assertThat(setStatus(draft, "DELETED").status()).isEqualTo(200);
        assertThat(getOne(draft).get("Status").asText()).isEqualTo("DELETED");
        assertThat(dec(getOne(draft), "AmountDue")).isEqualByComparingTo("0");
        HttpJson.Reply editDeleted = c.post("/Invoices/" + draft, wrap("Invoices", Map.of("Reference", "no")));
        assertThat(firstError(editDeleted)).isEqualTo("Invoice not of valid status for modification");

        Map<String, Object> auth = invoice("ACCREC", line("x", 1, 10, "200", null));
        auth.put("Status", "AUTHORISED");
        String authorised = put(auth).get("InvoiceID").asText();
        assertThat(setStatus(authorised, "DELETED").status()).isEqualTo(400);
        assertThat(setStatus(authorised, "DRAFT").status()).isEqualTo(400);
        assertThat(setStatus(authorised, "PAID").status()).isEqualTo(400);
        assertThat(c.post("/Invoices/" + authorised, wrap("Invoices", Map.of("Reference", "edit ok"))).status()).isEqualTo(200);
        assertThat(setStatus(authorised, "VOIDED").status()).isEqualTo(200);
        assertThat(setStatus(authorised, "AUTHORISED").status()).isEqualTo(400);

        Map<String, Object> paid = invoice("ACCREC", line("x", 1, 10, "200", null));
        paid.put("Status", "PAID");
        assertThat(c.put("/Invoices", wrap("Invoices", paid)).status()).isEqualTo(400);
    }

    private HttpJson.Reply setStatus(String id, String status) {
        return c.post("/Invoices/" + id, wrap("Invoices", Map.of("InvoiceID", id, "Status", status)));
    }

    @Test
    void everyChangeBumpsUpdatedDateUtc() {
        xero.clock().pin(Instant.parse("2030-04-01T08:00:00Z"));
        String id = put(invoice("ACCREC", line("x", 1, 10, "200", null))).get("InvoiceID").asText();
        xero.clock().pin(Instant.parse("2030-04-01T08:00:07Z"));
        setStatus(id, "AUTHORISED");
        assertThat(getOne(id).get("UpdatedDateUTCString").asText()).isEqualTo("2030-04-01T08:00:07Z");
        assertThat(names(c.get("/Invoices", "If-Modified-Since", "2030-04-01T08:00:05").body().get("Invoices"))).hasSize(1);
        assertThat(c.get("/Invoices", "If-Modified-Since", "2030-04-01T08:00:07").body().get("Invoices")).isEmpty();
    }

    private static List<String> names(JsonNode invoices) {
        List<String> out = new ArrayList<>();
        invoices.forEach(i -> out.add(i.get("InvoiceNumber").asText()));
        return out;
    }

    @Test
    void nonPagedListsOmitLineItemsPagedAndSingleGetsIncludeThem() {
        String id = put(invoice("ACCREC", line("x", 1, 10, "200", null))).get("InvoiceID").asText();
        JsonNode unpaged = c.get("/Invoices").body();
        assertThat(unpaged.has("pagination")).isFalse();
        assertThat(unpaged.get("Invoices").get(0).has("LineItems")).isFalse();
        JsonNode paged = c.get("/Invoices?page=1").body();
        assertThat(paged.get("pagination").get("itemCount").asInt()).isEqualTo(1);
        assertThat(paged.get("Invoices").get(0).get("LineItems")).hasSize(1);
        assertThat(getOne(id).get("LineItems")).hasSize(1);
        assertThat(c.get("/Invoices?page=1&summaryOnly=true").body().get("Invoices").get(0).has("LineItems")).isFalse();
    }

    @Test
    void listFiltersByIdsNumbersContactsStatusesAndWhere() {
        Map<String, Object> a = invoice("ACCREC", line("x", 1, 10, "200", null));
        a.put("Status", "AUTHORISED");
        JsonNode ia = put(a);
        JsonNode ib = put(invoice("ACCREC", line("y", 1, 10, "200", null)));
        put(invoice("ACCPAY", line("z", 1, 10, "400", null)));
        assertThat(names(c.get("/Invoices?IDs=" + ia.get("InvoiceID").asText()).body().get("Invoices")))
                .containsExactly(ia.get("InvoiceNumber").asText());
        assertThat(c.get("/Invoices?InvoiceNumbers=" + ib.get("InvoiceNumber").asText()).body().get("Invoices")).hasSize(1);
        assertThat(c.get("/Invoices?ContactIDs=" + contactId).body().get("Invoices")).hasSize(3);
        assertThat(c.get("/Invoices?Statuses=AUTHORISED").body().get("Invoices")).hasSize(1);
        assertThat(c.get("/Invoices?Statuses=DRAFT,AUTHORISED").body().get("Invoices")).hasSize(3);
        assertThat(c.get("/Invoices?where=" + enc("Type==\"ACCPAY\"")).body().get("Invoices")).hasSize(1);
        assertThat(c.get("/Invoices?where=" + enc("Contact.ContactID==Guid(\"" + contactId + "\") && Status==\"DRAFT\""))
                .body().get("Invoices")).hasSize(2);
        assertThat(c.get("/Invoices/" + ib.get("InvoiceNumber").asText()).body().get("Invoices").get(0).get("InvoiceID").asText())
                .isEqualTo(ib.get("InvoiceID").asText());
        assertThat(c.get("/Invoices/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    }

    @Test
    void summarizeErrorsDefaultIs400WithOnlyFailuresButValidElementsAreStillCreated() {
        HttpJson.Reply r = c.put("/Invoices", Map.of("Invoices", List.of(
                invoice("ACCREC", line("ok1", 1, 10, "200", null)),
                invoice("ACCREC", line("bad", 1, 10, "999", null)),
                invoice("ACCREC", line("ok2", 1, 10, "200", null)))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("Type").asText()).isEqualTo("ValidationException");
        assertThat(r.body().get("Elements")).hasSize(1);
        assertThat(r.body().get("Elements").get(0).get("HasErrors").asBoolean()).isTrue();
        assertThat(r.raw()).doesNotContain("INV-0001");
        assertThat(c.get("/Invoices").body().get("Invoices")).hasSize(2);
    }

    @Test
    void summarizeErrorsFalseReturns200WithEveryElementAndItsStatus() {
        HttpJson.Reply r = c.put("/Invoices?summarizeErrors=false", Map.of("Invoices", List.of(
                invoice("ACCREC", line("ok1", 1, 10, "200", null)),
                invoice("ACCREC", line("bad", 1, 10, "999", null)))));
        assertThat(r.status()).isEqualTo(200);
        JsonNode items = r.body().get("Invoices");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("StatusAttributeString").asText()).isEqualTo("OK");
        assertThat(items.get(0).get("HasErrors").asBoolean()).isFalse();
        assertThat(items.get(0).get("InvoiceID").asText()).matches("[0-9a-f-]{36}");
        assertThat(items.get(1).get("StatusAttributeString").asText()).isEqualTo("ERROR");
        assertThat(items.get(1).get("HasErrors").asBoolean()).isTrue();
        assertThat(items.get(1).get("ValidationErrors").get(0).get("Message").asText()).contains("999");
        assertThat(items.get(1).has("InvoiceID")).isFalse();
    }

    @Test
    void idempotencyKeyReplaysTheFirstReplyWithoutWritingAgain() {
        Map<String, Object> body = wrap("Invoices", invoice("ACCPAY", line("bill", 1, 10, "400", null)));
        HttpJson.Reply first = c.put("/Invoices", body, "Idempotency-Key", "scoro:bill:1:v1");
        HttpJson.Reply second = c.put("/Invoices", body, "Idempotency-Key", "scoro:bill:1:v1");
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.raw()).isEqualTo(first.raw());
        assertThat(c.get("/Invoices").body().get("Invoices")).hasSize(1);
        assertThat(c.put("/Invoices", body, "Idempotency-Key", "scoro:bill:1:v2").status()).isEqualTo(200);
        assertThat(c.get("/Invoices").body().get("Invoices")).hasSize(2);

        Map<String, Object> bad = wrap("Invoices", invoice("ACCREC", line("bad", 1, 10, "999", null)));
        HttpJson.Reply badFirst = c.put("/Invoices", bad, "Idempotency-Key", "bad-1");
        HttpJson.Reply badAgain = c.put("/Invoices", wrap("Invoices", invoice("ACCREC", line("good", 1, 1, "200", null))),
                "Idempotency-Key", "bad-1");
        assertThat(badAgain.status()).isEqualTo(400);
        assertThat(badAgain.raw()).isEqualTo(badFirst.raw());
        assertThat(c.put("/Invoices", body, "Idempotency-Key", "k".repeat(129)).status()).isEqualTo(400);
        // another tenant's identical key is independent
        XeroClient other = new XeroClient(xero, xero.createTenant("Other"));
        assertThat(other.put("/Invoices", body, "Idempotency-Key", "scoro:bill:1:v1").status()).isEqualTo(400);
    }

    @Test
    void javaHelpersActAsAUserWithTheSameRules() {
        String tenant = c.tenant().tenantId();
        Map<String, Object> created = xero.createInvoice(tenant, invoice("ACCREC", line("user", 1, 10, "200", null)));
        assertThat(created.get("Total").toString()).isEqualTo("12.00");
        Map<String, Object> updated = xero.updateInvoice(tenant, (String) created.get("InvoiceID"), Map.of("Status", "AUTHORISED"));
        assertThat(updated.get("Status")).isEqualTo("AUTHORISED");
        assertThat(xero.invoices(tenant)).hasSize(1);
        assertThat(xero.invoices(tenant).get(0)).containsKey("LineItems");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> xero.updateInvoice(tenant, (String) created.get("InvoiceID"),
                Map.of("Status", "DELETED"))).isInstanceOf(io.sxs.sandbox.core.SandboxValidationException.class)
                .hasMessageContaining("Invoice not of valid status for modification");
        assertThat(xero.writeCalls(tenant)).isEqualTo(1);
    }

    @Test
    void createdByMyAppAndSearchTermNarrowTheList() {
        Map<String, Object> a = invoice("ACCREC", line("x", 1, 10, "200", null));
        a.put("Reference", "scoro:invoice:42");
        put(a);
        xero.createInvoice(c.tenant().tenantId(), invoice("ACCREC", line("by a user", 1, 10, "200", null)));
        assertThat(c.get("/Invoices").body().get("Invoices")).hasSize(2);
        assertThat(c.get("/Invoices?createdByMyApp=true").body().get("Invoices")).hasSize(1);
        assertThat(c.get("/Invoices?searchTerm=SCORO%3AINVOICE%3A42").body().get("Invoices")).hasSize(1);
        assertThat(c.get("/Invoices?searchTerm=INV-0002").body().get("Invoices")).hasSize(1);
    }

    @Test
    void thePeriodLockDateFreezesOlderDocuments() {
        String id = put(invoice("ACCREC", line("old", 1, 10, "200", null))).get("InvoiceID").asText();
        xero.periodLockDate(c.tenant().tenantId(), java.time.LocalDate.parse("2030-03-31"));
        assertThat(c.get("/Organisation").body().get("Organisations").get(0).get("PeriodLockDate").asText())
                .isEqualTo(XeroDates.msJson(java.time.LocalDate.parse("2030-03-31")));
        assertThat(firstError(c.post("/Invoices/" + id, wrap("Invoices", Map.of("Reference", "x"))))).contains("lock date");
        assertThat(firstError(setStatus(id, "DELETED"))).contains("lock date");
        assertThat(c.put("/Invoices", wrap("Invoices", invoice("ACCREC", line("backdated", 1, 10, "200", null)))).status())
                .isEqualTo(400);
        Map<String, Object> fresh = invoice("ACCREC", line("new", 1, 10, "200", null));
        fresh.put("Date", "2030-04-01");
        assertThat(c.put("/Invoices", wrap("Invoices", fresh)).status()).isEqualTo(200);
        xero.periodLockDate(c.tenant().tenantId(), null);
        assertThat(c.post("/Invoices/" + id, wrap("Invoices", Map.of("Reference", "x"))).status()).isEqualTo(200);
    }
}
