package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.ScoroContractTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScoroBillsContractTest extends ScoroContractTest {

    long supplier;
    long input2;
    long advertising;

    @BeforeEach
    void company() {
        supplier = createContact(Map.of("name", "Supplier Ltd", "is_supplier", 1));
        input2 = scoro.vatCodes(company).stream().filter(v -> "INPUT2".equals(v.get("vat_code")))
                .map(v -> ((Number) v.get("vat_code_id")).longValue()).findFirst().orElseThrow();
        advertising = scoro.financeAccounts(company).stream().filter(a -> "400".equals(a.get("account_symbol")))
                .map(a -> ((Number) a.get("id")).longValue()).findFirst().orElseThrow();
    }

    private Map<String, Object> bill(String no) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("no", no);
        b.put("company_id", supplier);
        b.put("date", "2030-09-01");
        b.put("deadline", "2030-09-30");
        b.put("dateofpayment", "2030-09-20");
        b.put("recognition_date", "2030-09-01");
        b.put("lines", List.of(Map.of("comment", "Ads", "price", "250.00", "amount", "1", "vat_code_id", input2,
                "finance_account_id", advertising)));
        return b;
    }

    private static JsonNode ok(HttpJson.Reply r) {
        assertThat(r.body().get("status").asText()).as(r.raw()).isEqualTo("OK");
        return r.body().get("data");
    }

    @Test
    void billsAreDocumentsWithSupplierNumbersAndTheirOwnDates() {
        JsonNode b = ok(c.modify("bills/modify", bill("SUP-77")));
        assertThat(b.get("no").asText()).isEqualTo("SUP-77");
        assertThat(b.get("sum").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(b.get("vat_sum").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(b.get("dateofpayment").asText()).isEqualTo("2030-09-20");
        assertThat(b.get("recognition_date").asText()).isEqualTo("2030-09-01");
        assertThat(b.has("is_sent")).isFalse();
        assertThat(b.get("lines").get(0).get("finance_account_symbol").asText()).isEqualTo("400");
        assertThat(ok(c.modify("bills/modify", bill("SUP-77"))).get("id").asLong()).isNotEqualTo(b.get("id").asLong());
        assertThat(ok(c.call("bills/list")).get(0).get("lines").isNull()).isTrue();
        assertThat(ok(c.call("bills/view/" + b.get("id").asLong())).get("lines")).hasSize(1);
        assertThat(ok(c.call("invoices/list"))).isEmpty();

        JsonNode u = ok(c.modify("bills/modify/" + b.get("id").asLong(), Map.of("reference_no", "PO-1")));
        assertThat(u.get("lines")).hasSize(1);
        assertThat(u.get("dateofpayment").asText()).isEqualTo("2030-09-20");
        HttpJson.Reply badDate = c.modify("bills/modify", Map.of("company_id", supplier, "dateofpayment", "20/09/2030"));
        assertThat(badDate.body().get("status").asText()).isEqualTo("ERROR");

        ok(c.call("bills/delete/" + b.get("id").asLong()));
        assertThat(ok(c.call("bills/list"))).hasSize(1);
        assertThat(ok(c.call("bills/list", "include_deleted", 1))).hasSize(2);
        assertThat(scoro.bills(company)).hasSize(1);
    }

    @Test
    void receiptsForBillsSettleThem() {
        long billId = ok(c.modify("bills/modify", bill("SUP-9"))).get("id").asLong();
        long account = ((Number) scoro.createRecord(company, "receiptAccounts", Map.of("name", "Bank", "type", "bank")).get("id")).longValue();
        JsonNode receipt = ok(c.modify("receipts/modify", Map.of("sales_doc_type", "bills", "receipt_account_id", account,
                "receipts", List.of(Map.of("invoice_id", billId, "sum", "300.00")))));
        assertThat(receipt.get("sales_doc_type").asText()).isEqualTo("bills");
        JsonNode b = ok(c.call("bills/view/" + billId));
        assertThat(b.get("status").asText()).isEqualTo("paid");
        assertThat(b.get("receivable_sum").decimalValue()).isEqualByComparingTo("0");
        HttpJson.Reply wrongKind = c.modify("receipts/modify", Map.of("sales_doc_type", "invoices", "receipt_account_id", account,
                "receipts", List.of(Map.of("invoice_id", billId, "sum", "1.00"))));
        assertThat(wrongKind.body().get("status").asText()).isEqualTo("ERROR");
    }
}
