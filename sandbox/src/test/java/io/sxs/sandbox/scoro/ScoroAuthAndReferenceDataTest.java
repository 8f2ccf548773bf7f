package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.ScoroClient;
import io.sxs.sandbox.support.ScoroSandboxTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScoroAuthAndReferenceDataTest extends ScoroSandboxTest {

    private static HttpJson.Reply post(String path, Object body) {
        return HttpJson.send("POST", URI.create(scoro.baseUri() + "/api/v2/" + path), body, Map.of());
    }

    private static void assertErrorEnvelope(HttpJson.Reply r, int http) {
        assertThat(r.status()).isEqualTo(http);
        assertThat(r.body().get("status").asText()).isEqualTo("ERROR");
        assertThat(r.body().get("statusCode").asInt()).isEqualTo(http);
        assertThat(r.body().get("messages").get("error").get(0).asText()).isNotBlank();
    }

    @Test
    void wrongOrMissingCredentialsAreRejectedWithTheErrorEnvelope() {
        ScoroCompany a = scoro.createCompany("A");
        ScoroCompany b = scoro.createCompany("B");
        assertErrorEnvelope(post("contacts/list", Map.of("company_account_id", a.companyAccountId())), 401);
        assertErrorEnvelope(post("contacts/list", Map.of("apiKey", "wrong", "company_account_id", a.companyAccountId())), 401);
        assertErrorEnvelope(post("contacts/list", Map.of("apiKey", a.apiKey())), 403);
        assertErrorEnvelope(post("contacts/list", Map.of("apiKey", a.apiKey(), "company_account_id", "nope")), 403);
        assertErrorEnvelope(post("contacts/list", Map.of("apiKey", a.apiKey(), "company_account_id", b.companyAccountId())), 403);
        assertThat(post("contacts/list", Map.of("apiKey", a.apiKey(), "company_account_id", a.companyAccountId())).status())
                .isEqualTo(200);
    }

    @Test
    void onlyPostAndKnownModulesAndJsonBodies() {
        ScoroCompany a = scoro.createCompany("Methods");
        HttpJson.Reply get = HttpJson.send("GET", URI.create(scoro.baseUri() + "/api/v2/contacts/list"), null, Map.of());
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.body().get("status").asText()).isEqualTo("ERROR");
        assertErrorEnvelope(post("nosuchmodule/list", Map.of("apiKey", a.apiKey(), "company_account_id", a.companyAccountId())), 404);
        assertErrorEnvelope(post("contacts/list", "{not json"), 400);
    }

    @Test
    void vatCodesAndFinanceAccountsMirrorTheXeroDemoCodes() {
        ScoroClient c = new ScoroClient(scoro, scoro.createCompany("Reference"));
        HttpJson.Reply vat = c.call("vatCodes/list", "request", List.of());
        assertThat(vat.status()).isEqualTo(200);
        assertThat(vat.body().get("status").asText()).isEqualTo("OK");
        assertThat(vat.body().get("statusCode").asInt()).isEqualTo(200);
        assertThat(vat.body().get("messages").isNull()).isTrue();
        List<String> codes = new ArrayList<>();
        vat.body().get("data").forEach(v -> codes.add(v.get("vat_code").asText() + "=" + v.get("percent").decimalValue().stripTrailingZeros().toPlainString()));
        assertThat(codes).contains("OUTPUT2=20", "RROUTPUT=5", "ZERORATEDOUTPUT=0", "NONE=0");
        JsonNode first = vat.body().get("data").get(0);
        assertThat(first.fieldNames()).toIterable().contains("vat_code_id", "vat_code", "vat_name", "percent", "is_sales",
                "is_purchases", "is_active", "is_not_applicable");

        List<String> symbols = new ArrayList<>();
        c.call("financeAccounts/list").body().get("data").forEach(a -> symbols.add(a.get("account_symbol").asText()));
        assertThat(symbols).contains("200", "260", "400", "310");
        assertThat(scoro.callCounts(c.company().companyAccountId())).containsEntry("vatCodes/list", 1L)
                .containsEntry("financeAccounts/list", 1L);
        assertThat(scoro.writeCalls(c.company().companyAccountId())).isZero();
    }
}
