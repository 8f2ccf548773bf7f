package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.ScoroContractTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScoroPrepaymentsContractTest extends ScoroContractTest {

    long client;

    @BeforeEach
    void company() {
        client = createContact(Map.of("name", "Client"));
    }

    private static JsonNode ok(HttpJson.Reply r) {
        assertThat(r.body().get("status").asText()).as(r.raw()).isEqualTo("OK");
        return r.body().get("data");
    }

    @Test
    void prepaymentInvoicesAreDocumentsThatReceiptsCanPayAndInvoicesCanReference() {
        JsonNode p = ok(c.modify("prepayments/modify", Map.of("company_id", client, "prepayment_percent", "30",
                "lines", List.of(Map.of("comment", "30% deposit", "price", "300", "amount", "1")))));
        long id = p.get("id").asLong();
        assertThat(p.get("prepayment_percent").decimalValue()).isEqualByComparingTo("30");
        assertThat(p.get("sum").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(p.has("credited_invoices")).isFalse();
        assertThat(ok(c.call("prepayments/list")).get(0).get("lines").isNull()).isTrue();
        assertThat(ok(c.call("prepayments/view/" + id)).get("lines")).hasSize(1);
        assertThat(c.modify("prepayments/modify", Map.of("company_id", client, "prepayment_percent", 120))
                .body().get("status").asText()).isEqualTo("ERROR");

        JsonNode inv = ok(c.modify("invoices/modify", Map.of("company_id", client, "prepayment_id", List.of(id),
                "lines", List.of(Map.of("price", "1000", "amount", "1")))));
        assertThat(inv.get("prepayment_id").get(0).asLong()).isEqualTo(id);
        assertThat(c.modify("invoices/modify", Map.of("company_id", client, "prepayment_id", List.of(999)))
                .body().get("status").asText()).isEqualTo("ERROR");

        long account = ((Number) scoro.createRecord(company, "receiptAccounts", Map.of("name", "Bank", "type", "bank")).get("id")).longValue();
        JsonNode receipt = ok(c.modify("receipts/modify", Map.of("receipt_account_id", account,
                "receipts", List.of(Map.of("prepayment_id", id, "sum", "300.00")))));
        assertThat(receipt.get("receipts").get(0).get("prepayment_id").asLong()).isEqualTo(id);
        assertThat(receipt.get("receipts").get(0).get("invoice_id").isNull()).isTrue();
        assertThat(ok(c.call("prepayments/view/" + id)).get("status").asText()).isEqualTo("paid");
        assertThat(scoro.prepayments(company)).hasSize(1);
    }
}
