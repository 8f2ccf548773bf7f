package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.ScoroContractTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScoroChartContractTest extends ScoroContractTest {

    private static JsonNode ok(HttpJson.Reply r) {
        assertThat(r.body().get("status").asText()).as(r.raw()).isEqualTo("OK");
        return r.body().get("data");
    }

    private static String error(HttpJson.Reply r) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("status").asText()).as(r.raw()).isEqualTo("ERROR");
        return r.body().get("messages").get("error").get(0).asText();
    }

    private long usedSalesAccount() {
        long client = createContact(Map.of("name", "C"));
        long sales = scoro.financeAccounts(company).stream().filter(a -> "200".equals(a.get("account_symbol")))
                .map(a -> ((Number) a.get("id")).longValue()).findFirst().orElseThrow();
        scoro.createInvoice(company, Map.of("company_id", client, "lines", List.of(Map.of("price", "1", "finance_account_id", sales))));
        return sales;
    }

    @Test
    void financeAccountsCanBeCreatedUpdatedDeactivatedAndDeletedWhenUnused() {
        scoro.clock().pin(Instant.parse("2030-10-01T10:00:00Z"));
        JsonNode a = ok(c.modify("financeAccounts/modify", Map.of("account_symbol", "270", "name", "Interest Income",
                "is_sales_account", 1)));
        long id = a.get("id").asLong();
        assertThat(a.get("modified_date").asText()).isEqualTo("2030-10-01 10:00:00");
        assertThat(error(c.modify("financeAccounts/modify", Map.of("account_symbol", "270", "name", "Again")))).contains("270");
        assertThat(error(c.modify("financeAccounts/modify", Map.of("name", "No symbol")))).contains("account_symbol");
        scoro.clock().pin(Instant.parse("2030-10-02T10:00:00Z"));
        JsonNode u = ok(c.modify("financeAccounts/modify/" + id, Map.of("name", "Interest received")));
        assertThat(u.get("account_symbol").asText()).isEqualTo("270");
        assertThat(ok(c.call("financeAccounts/view/" + id)).get("name").asText()).isEqualTo("Interest received");
        assertThat(ok(c.call("financeAccounts/list", "filter", Map.of("modified_date", Map.of("from_date", "2030-10-02")))))
                .hasSize(1);
        ok(c.call("financeAccounts/delete/" + id));
        assertThat(c.call("financeAccounts/view/" + id).body().get("statusCode").asInt()).isEqualTo(404);

        long sales = usedSalesAccount();
        assertThat(error(c.call("financeAccounts/delete/" + sales))).contains("used");
        assertThat(ok(c.modify("financeAccounts/modify/" + sales, Map.of("is_active", 0))).get("is_active").asInt()).isZero();
    }

    @Test
    void vatCodesCanBeCreatedAndTheirRatesAreFrozenOnceUsed() {
        JsonNode v = ok(c.modify("vatCodes/modify", Map.of("vat_code", "EXEMPTOUTPUT", "vat_name", "Exempt Income",
                "percent", "0", "is_sales", 1)));
        long id = v.get("vat_code_id").asLong();
        assertThat(v.get("is_active").asInt()).isEqualTo(1);
        assertThat(error(c.modify("vatCodes/modify", Map.of("vat_code", "EXEMPTOUTPUT", "percent", 0)))).contains("EXEMPTOUTPUT");
        assertThat(error(c.modify("vatCodes/modify", Map.of("vat_code", "X")))).contains("percent");
        assertThat(ok(c.modify("vatCodes/modify/" + id, Map.of("percent", "1"))).get("percent").decimalValue())
                .isEqualByComparingTo("1");
        long client = createContact(Map.of("name", "C"));
        scoro.createInvoice(company, Map.of("company_id", client, "lines", List.of(Map.of("price", "10", "vat_code_id", id))));
        assertThat(error(c.modify("vatCodes/modify/" + id, Map.of("percent", "2")))).contains("percent");
        assertThat(error(c.call("vatCodes/delete/" + id))).contains("used");
        long unused = ok(c.modify("vatCodes/modify", Map.of("vat_code", "TEMP", "percent", "7"))).get("vat_code_id").asLong();
        ok(c.call("vatCodes/delete/" + unused));
        assertThat(ok(c.call("vatCodes/list"))).noneMatch(x -> x.get("vat_code").asText().equals("TEMP"));
        assertThat(scoro.writeCalls(company)).isEqualTo(8);
    }
}
