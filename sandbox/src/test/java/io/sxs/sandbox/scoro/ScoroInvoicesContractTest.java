package io.sxs.sandbox.scoro;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.ScoroContractTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScoroInvoicesContractTest extends ScoroContractTest {

    long clientId;
    Map<String, Long> vat = new HashMap<>();
    Map<String, Long> accounts = new HashMap<>();

    @BeforeEach
    void company() {
        clientId = createContact(Map.of("name", "Client Ltd", "is_client", 1));
        scoro.vatCodes(company).forEach(v -> vat.put((String) v.get("vat_code"), ((Number) v.get("vat_code_id")).longValue()));
        scoro.financeAccounts(company).forEach(a -> accounts.put((String) a.get("account_symbol"), ((Number) a.get("id")).longValue()));
    }

    private Map<String, Object> line(String price, String amount, String vatCode, String account) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("comment", "line " + price);
        l.put("price", price);
        l.put("amount", amount);
        l.put("vat_code_id", vat.get(vatCode));
        l.put("finance_account_id", accounts.get(account));
        return l;
    }

    private Map<String, Object> invoice(Object... lines) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("company_id", clientId);
        i.put("date", "2030-06-01");
        i.put("deadline", "2030-06-15");
        i.put("currency", "GBP");
        i.put("lines", List.of(lines));
        return i;
    }

    private JsonNode create(Map<String, Object> invoice) {
        HttpJson.Reply r = c.modify("invoices/modify", invoice);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("status").asText()).as(r.raw()).isEqualTo("OK");
        return r.body().get("data");
    }

    private static String error(HttpJson.Reply r) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("status").asText()).isEqualTo("ERROR");
        return r.body().get("messages").get("error").get(0).asText();
    }

    @Test
    void modifyCreatesWithComputedSumsAndReturnsTheViewShape() {
        Map<String, Object> discounted = line("19.99", "3", "OUTPUT2", "200");
        discounted.put("discount", "12.5");
        JsonNode i = create(invoice(line("100", "2", "OUTPUT2", "200"), discounted, line("10", "1.5", "NONE", "400")));
        assertThat(i.get("id").isIntegralNumber()).isTrue();
        assertThat(i.get("no").asText()).isNotBlank();
        assertThat(i.get("company_id").asLong()).isEqualTo(clientId);
        assertThat(i.get("date").asText()).isEqualTo("2030-06-01");
        assertThat(i.get("deadline").asText()).isEqualTo("2030-06-15");
        JsonNode lines = i.get("lines");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("sum").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(lines.get(1).get("sum").decimalValue()).isEqualByComparingTo("52.47");
        assertThat(lines.get(2).get("sum").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(lines.get(0).get("vat").decimalValue()).isEqualByComparingTo("20");
        assertThat(lines.get(0).get("finance_account_symbol").asText()).isEqualTo("200");
        assertThat(lines.get(0).get("id").isIntegralNumber()).isTrue();
        assertThat(i.get("sum").decimalValue()).isEqualByComparingTo("267.47");
        assertThat(i.get("vat_sum").decimalValue()).isEqualByComparingTo("50.49");
        assertThat(i.get("paid_sum").decimalValue()).isEqualByComparingTo("0");
        assertThat(i.get("receivable_sum").decimalValue()).isEqualByComparingTo("317.96");
        assertThat(i.get("status").asText()).isEqualTo("unpaid");
        assertThat(i.get("is_sent").asInt()).isZero();
        assertThat(i.get("modified_date").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(i.get("created_date").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(i.get("credited_invoices")).isEmpty();
    }

    @Test
    void vatIsRoundedPerLineThenSummedLikeXero() {
        JsonNode i = create(invoice(line("10.03", "1", "OUTPUT2", "200"), line("10.03", "1", "OUTPUT2", "200"),
                line("10.03", "1", "OUTPUT2", "200")));
        assertThat(i.get("sum").decimalValue()).isEqualByComparingTo("30.09");
        assertThat(i.get("vat_sum").decimalValue()).isEqualByComparingTo("6.03");
    }

    @Test
    void documentDiscountsApplyOneAfterTheOtherToEveryLinesNetRoundedPerLine() {
        Map<String, Object> body = invoice(line("10.03", "1", "OUTPUT2", "200"), line("33.33", "1", "OUTPUT2", "200"));
        body.put("discount", "10");
        body.put("discount2", "5");
        JsonNode i = create(body);
        // 10.03 x 0.855 = 8.57565 -> 8.58 (VAT 1.72); 33.33 x 0.855 = 28.49715 -> 28.50 (VAT 5.70)
        assertThat(i.get("sum").decimalValue()).isEqualByComparingTo("37.08");
        assertThat(i.get("vat_sum").decimalValue()).isEqualByComparingTo("7.42");
        assertThat(i.get("discount").decimalValue()).isEqualByComparingTo("10");
        assertThat(i.get("discount3").decimalValue()).isEqualByComparingTo("0");
        assertThat(i.get("lines").get(0).get("sum").decimalValue()).as("a line's own sum is before them").isEqualByComparingTo("10.03");
        assertThat(error(c.modify("invoices/modify/" + i.get("id").asLong(), Map.of("discount3", "101"))))
                .contains("discount3 must be between 0 and 100");
    }

    @Test
    void quantitiesKeepSixDecimals() {
        JsonNode i = create(invoice(line("10", "1.234567", "OUTPUT2", "200")));
        assertThat(i.get("lines").get(0).get("amount").decimalValue()).isEqualByComparingTo("1.234567");
    }

    @Test
    void listReturnsNullLinesAndViewReturnsThem() {
        long id = create(invoice(line("10", "1", "OUTPUT2", "200"))).get("id").asLong();
        JsonNode listed = c.call("invoices/list").body().get("data").get(0);
        assertThat(listed.has("lines")).isTrue();
        assertThat(listed.get("lines").isNull()).isTrue();
        assertThat(listed.get("sum").decimalValue()).isEqualByComparingTo("10.00");
        JsonNode viewed = c.call("invoices/view/" + id).body().get("data");
        assertThat(viewed.get("lines")).hasSize(1);
        assertThat(c.call("invoices/list", "detailed_response", true).body().get("data").get(0).get("lines").isNull()).isTrue();
    }

    @Test
    void partialModifyKeepsLinesAndSendingLinesReplacesTheSet() {
        JsonNode i = create(invoice(line("10", "1", "OUTPUT2", "200"), line("20", "1", "OUTPUT2", "200")));
        long id = i.get("id").asLong();
        long keep = i.get("lines").get(0).get("id").asLong();
        long drop = i.get("lines").get(1).get("id").asLong();

        JsonNode desc = c.modify("invoices/modify/" + id, Map.of("description", "only this")).body().get("data");
        assertThat(desc.get("lines")).hasSize(2);
        assertThat(desc.get("description").asText()).isEqualTo("only this");
        assertThat(desc.get("sum").decimalValue()).isEqualByComparingTo("30.00");

        Map<String, Object> fresh = line("5", "2", "RROUTPUT", "260");
        JsonNode replaced = c.modify("invoices/modify/" + id, Map.of("lines", List.of(Map.of("id", keep, "amount", "3"), fresh)))
                .body().get("data");
        JsonNode lines = replaced.get("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("id").asLong()).isEqualTo(keep);
        assertThat(lines.get(0).get("price").decimalValue()).isEqualByComparingTo("10");
        assertThat(lines.get(0).get("sum").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(lines.get(1).get("id").asLong()).isNotIn(keep, drop);
        assertThat(replaced.get("sum").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(replaced.get("vat_sum").decimalValue()).isEqualByComparingTo("6.50");

        assertThat(error(c.modify("invoices/modify/" + id, Map.of("lines", List.of(Map.of("id", drop, "amount", "1"))))))
                .contains("does not belong");
    }

    @Test
    void referencesMustExist() {
        Map<String, Object> noCompany = invoice(line("1", "1", "OUTPUT2", "200"));
        noCompany.remove("company_id");
        assertThat(error(c.modify("invoices/modify", noCompany))).contains("company_id");
        Map<String, Object> ghost = invoice(line("1", "1", "OUTPUT2", "200"));
        ghost.put("company_id", 987654);
        assertThat(error(c.modify("invoices/modify", ghost))).contains("company_id");
        long gone = createContact(Map.of("name", "Gone"));
        scoro.deleteContact(company, gone);
        Map<String, Object> deletedContact = invoice(line("1", "1", "OUTPUT2", "200"));
        deletedContact.put("company_id", gone);
        assertThat(error(c.modify("invoices/modify", deletedContact))).contains("company_id");
        Map<String, Object> badVat = line("1", "1", "OUTPUT2", "200");
        badVat.put("vat_code_id", 999);
        assertThat(error(c.modify("invoices/modify", invoice(badVat)))).contains("vat_code_id");
        Map<String, Object> badAccount = line("1", "1", "OUTPUT2", "200");
        badAccount.put("finance_account_id", 999);
        assertThat(error(c.modify("invoices/modify", invoice(badAccount)))).contains("finance_account_id");
        assertThat(c.call("invoices/list").body().get("data")).isEmpty();
    }

    @Test
    void numbersAreUniqueAmongNonDeletedInvoicesAndAutoAssigned() {
        Map<String, Object> a = invoice(line("1", "1", "OUTPUT2", "200"));
        a.put("no", "2030-001");
        long id = create(a).get("id").asLong();
        assertThat(error(c.modify("invoices/modify", a))).contains("2030-001");
        c.call("invoices/delete/" + id);
        assertThat(create(a).get("no").asText()).isEqualTo("2030-001");
        String auto1 = create(invoice(line("1", "1", "OUTPUT2", "200"))).get("no").asText();
        String auto2 = create(invoice(line("1", "1", "OUTPUT2", "200"))).get("no").asText();
        assertThat(auto1).isNotEqualTo(auto2);
    }

    @Test
    void deleteSetsDeletedFlagsAndHidesUnlessIncludeDeleted() {
        scoro.clock().pin(Instant.parse("2030-06-10T08:30:00Z"));
        long id = create(invoice(line("1", "1", "OUTPUT2", "200"))).get("id").asLong();
        assertThat(c.call("invoices/delete/" + id).body().get("status").asText()).isEqualTo("OK");
        assertThat(c.call("invoices/list").body().get("data")).isEmpty();
        JsonNode d = c.call("invoices/list", "include_deleted", 1).body().get("data").get(0);
        assertThat(d.get("is_deleted").asInt()).isEqualTo(1);
        assertThat(d.get("deleted_date").asText()).isEqualTo("2030-06-10T08:30:00+00:00");
        assertThat(d.get("modified_date").asText()).isEqualTo("2030-06-10 08:30:00");
        assertThat(c.call("invoices/list", "request", Map.of("include_deleted", "1")).body().get("data")).hasSize(1);
        assertThat(c.call("invoices/view/" + id).body().get("statusCode").asInt()).isEqualTo(404);
        assertThat(c.modify("invoices/modify/" + id, Map.of("description", "x")).body().get("statusCode").asInt()).isEqualTo(404);
        assertThat(scoro.writeCalls(company)).isEqualTo(3);
    }

    @Test
    void modifiedDateFilterOnDocumentTimestamps() {
        scoro.clock().pin(Instant.parse("2030-07-01T23:59:59Z"));
        long a = create(invoice(line("1", "1", "OUTPUT2", "200"))).get("id").asLong();
        scoro.clock().pin(Instant.parse("2030-07-02T00:00:00Z"));
        long b = create(invoice(line("1", "1", "OUTPUT2", "200"))).get("id").asLong();
        assertThat(listIds(Map.of("modified_date", Map.of("from_date", "2030-07-02")))).containsExactly(b);
        assertThat(listIds(Map.of("modified_date", Map.of("to_date", "2030-07-01 23:59:59")))).containsExactly(a);
        assertThat(listIds(Map.of("modified_date", Map.of("from_date", "2030-07-01", "to_date", "2030-07-02")))).containsExactly(a, b);
        assertThat(listIds(Map.of("company_id", clientId))).containsExactly(a, b);
    }

    private List<Long> listIds(Map<String, Object> filter) {
        List<Long> out = new ArrayList<>();
        c.call("invoices/list", "filter", filter).body().get("data").forEach(x -> out.add(x.get("id").asLong()));
        return out;
    }

    @Test
    void javaHelpersFollowTheSameRules() {
        Map<String, Object> created = scoro.createInvoice(company, invoice(line("10", "1", "OUTPUT2", "200")));
        long id = ((Number) created.get("id")).longValue();
        assertThat(created.get("vat_sum").toString()).isEqualTo("2.00");
        Map<String, Object> updated = scoro.updateInvoice(company, id, Map.of("is_sent", 1));
        assertThat(updated.get("is_sent")).isEqualTo(1);
        assertThat(scoro.invoices(company)).hasSize(1);
        assertThat((List<?>) scoro.invoices(company).get(0).get("lines")).hasSize(1);
        scoro.deleteInvoice(company, id);
        assertThat(scoro.invoices(company)).isEmpty();
        assertThat(scoro.invoice(company, id).get("is_deleted")).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scoro.createInvoice(company, Map.of("company_id", 424242)))
                .isInstanceOf(io.sxs.sandbox.core.SandboxValidationException.class);
        assertThat(scoro.writeCalls(company)).isZero();
    }
}
