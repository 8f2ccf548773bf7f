package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.XeroClient;
import io.sxs.sandbox.support.XeroSandboxTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class XeroAuthAndReferenceDataTest extends XeroSandboxTest {

    private static HttpJson.Reply get(String path, Map<String, String> headers) {
        return HttpJson.send("GET", java.net.URI.create(xero.apiBase() + path), null, headers);
    }

    @Test
    void missingOrWrongTokenIs401WithXeroProblemBody() {
        XeroTenant t = xero.createTenant("Auth Org");
        HttpJson.Reply none = get("/Contacts", Map.of("xero-tenant-id", t.tenantId()));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().get("Title").asText()).isEqualTo("Unauthorized");
        assertThat(none.body().get("Status").asInt()).isEqualTo(401);
        assertThat(none.body().get("Detail").asText()).isEqualTo("AuthorizationUnsuccessful");
        assertThat(none.body().get("Instance").asText()).matches("[0-9a-f-]{36}");
        assertThat(none.header("Xero-Correlation-Id")).isNotBlank();

        HttpJson.Reply wrong = get("/Contacts", Map.of("Authorization", "Bearer nope", "xero-tenant-id", t.tenantId()));
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void missingUnknownOrUnreachableTenantIs403() {
        XeroTenant a = xero.createTenant("A");
        XeroTenant b = xero.createTenant("B");
        HttpJson.Reply missing = get("/Contacts", Map.of("Authorization", "Bearer " + a.accessToken()));
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.body().get("Title").asText()).isEqualTo("Forbidden");
        assertThat(missing.body().get("Detail").asText()).isEqualTo("AuthenticationUnsuccessful");

        HttpJson.Reply unknown = get("/Contacts", Map.of("Authorization", "Bearer " + a.accessToken(),
                "xero-tenant-id", "00000000-0000-0000-0000-000000000000"));
        assertThat(unknown.status()).isEqualTo(403);

        HttpJson.Reply otherTenant = get("/Contacts", Map.of("Authorization", "Bearer " + a.accessToken(),
                "xero-tenant-id", b.tenantId()));
        assertThat(otherTenant.status()).isEqualTo(403);
    }

    @Test
    void unknownPathIs404() {
        XeroClient c = new XeroClient(xero, xero.createTenant("404 Org"));
        assertThat(c.get("/NoSuchThing").status()).isEqualTo(404);
        assertThat(c.get("/Contacts/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    }

    @Test
    void organisationIsUkWithGbpInTheStandardEnvelope() {
        XeroClient c = new XeroClient(xero, xero.createTenant("Envelope Ltd"));
        HttpJson.Reply r = c.get("/Organisation");
        assertThat(r.status()).isEqualTo(200);
        JsonNode b = r.body();
        assertThat(b.get("Id").asText()).matches("[0-9a-f-]{36}");
        assertThat(b.get("Status").asText()).isEqualTo("OK");
        assertThat(b.get("ProviderName").asText()).isNotBlank();
        assertThat(b.get("DateTimeUTC").asText()).matches("/Date\\(\\d+\\)/");
        JsonNode org = b.get("Organisations").get(0);
        assertThat(org.get("Name").asText()).isEqualTo("Envelope Ltd");
        assertThat(org.get("Version").asText()).isEqualTo("UK");
        assertThat(org.get("BaseCurrency").asText()).isEqualTo("GBP");
        assertThat(org.get("OrganisationID").asText()).isEqualTo(c.tenant().tenantId());
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void defaultChartOfAccountsAndUkTaxRates() {
        XeroClient c = new XeroClient(xero, xero.createTenant("Accounts Ltd"));
        JsonNode accounts = c.get("/Accounts").body().get("Accounts");
        Map<String, JsonNode> byCode = new java.util.HashMap<>();
        accounts.forEach(a -> byCode.put(a.get("Code").asText(), a));
        assertThat(byCode).containsKeys("090", "200", "260", "400", "310", "610", "800", "860");
        assertThat(byCode.get("090").get("Type").asText()).isEqualTo("BANK");
        assertThat(byCode.get("200").get("Type").asText()).isEqualTo("REVENUE");
        assertThat(byCode.get("200").get("TaxType").asText()).isEqualTo("OUTPUT2");
        assertThat(byCode.get("400").get("Type").asText()).isEqualTo("EXPENSE");
        assertThat(byCode.get("400").get("TaxType").asText()).isEqualTo("INPUT2");
        assertThat(byCode.get("310").get("Type").asText()).isEqualTo("DIRECTCOSTS");
        assertThat(byCode.get("860").get("SystemAccount").asText()).isEqualTo("ROUNDING");
        assertThat(byCode.get("610").get("SystemAccount").asText()).isEqualTo("DEBTORS");
        assertThat(byCode.get("800").get("SystemAccount").asText()).isEqualTo("CREDITORS");

        JsonNode bank = c.get("/Accounts?where=" + enc("Type==\"BANK\"")).body().get("Accounts");
        assertThat(bank).hasSize(1);

        JsonNode rates = c.get("/TaxRates").body().get("TaxRates");
        Map<String, String> rateByType = new java.util.HashMap<>();
        rates.forEach(t -> rateByType.put(t.get("TaxType").asText(), t.get("EffectiveRate").decimalValue().stripTrailingZeros().toPlainString()));
        assertThat(rateByType).containsEntry("OUTPUT2", "20").containsEntry("INPUT2", "20").containsEntry("RROUTPUT", "5")
                .containsEntry("ZERORATEDOUTPUT", "0").containsEntry("EXEMPTOUTPUT", "0").containsEntry("NONE", "0");
        assertThat(c.get("/TaxRates/RROUTPUT").body().get("TaxRates").get(0).get("Name").asText()).contains("5%");
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
