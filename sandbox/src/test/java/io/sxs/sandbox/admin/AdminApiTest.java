package io.sxs.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.scoro.ScoroSandbox;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.xero.XeroSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdminApiTest {

    static XeroSandbox xero;
    static ScoroSandbox scoro;

    @BeforeAll
    static void start() {
        xero = XeroSandbox.start(0);
        scoro = ScoroSandbox.start(0);
    }

    @AfterAll
    static void stop() {
        xero.close();
        scoro.close();
    }

    private static HttpJson.Reply x(String method, String path, Object body) {
        return HttpJson.send(method, URI.create(xero.baseUri() + "/sandbox-admin" + path), body, Map.of());
    }

    private static HttpJson.Reply s(String method, String path, Object body) {
        return HttpJson.send(method, URI.create(scoro.baseUri() + "/sandbox-admin" + path), body, Map.of());
    }

    @Test
    void xeroAdminCreatesTenantsActsAsAUserAndReportsCalls() {
        JsonNode t = x("POST", "/tenants", Map.of("organisationName", "Admin Org")).body();
        String tenantId = t.get("tenantId").asText();
        String token = t.get("accessToken").asText();
        assertThat(t.get("organisationName").asText()).isEqualTo("Admin Org");

        JsonNode contact = x("POST", "/tenants/" + tenantId + "/contacts", Map.of("Name", "Admin Contact")).body();
        String contactId = contact.get("ContactID").asText();
        HttpJson.Reply dup = x("POST", "/tenants/" + tenantId + "/contacts", Map.of("Name", "Admin Contact"));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.body().get("errors").get(0).asText()).contains("already assigned");

        JsonNode inv = x("POST", "/tenants/" + tenantId + "/invoices", Map.of("Type", "ACCREC",
                "Contact", Map.of("ContactID", contactId), "LineItems", List.of(Map.of("Description", "d", "Quantity", 1,
                        "UnitAmount", 10, "AccountCode", "200")))).body();
        assertThat(inv.get("Total").decimalValue()).isEqualByComparingTo("12.00");
        JsonNode voided = x("POST", "/tenants/" + tenantId + "/invoices/" + inv.get("InvoiceID").asText(),
                Map.of("Status", "AUTHORISED")).body();
        assertThat(voided.get("Status").asText()).isEqualTo("AUTHORISED");

        HttpJson.Reply api = HttpJson.send("GET", URI.create(xero.apiBase() + "/Invoices"), null,
                Map.of("Authorization", "Bearer " + token, "xero-tenant-id", tenantId));
        assertThat(api.body().get("Invoices")).hasSize(1);
        assertThat(x("GET", "/tenants/" + tenantId + "/invoices", null).body()).hasSize(1);
        assertThat(x("GET", "/tenants/" + tenantId + "/contacts/" + contactId, null).body().get("Name").asText())
                .isEqualTo("Admin Contact");
        JsonNode calls = x("GET", "/tenants/" + tenantId + "/calls", null).body();
        assertThat(calls.get("writeCalls").asLong()).isZero();
        assertThat(calls.get("callCounts").get("GET /Invoices").asLong()).isEqualTo(1);
        assertThat(x("GET", "/tenants/nope/calls", null).status()).isEqualTo(404);
    }

    @Test
    void scoroAdminCreatesCompaniesActsAsAUserAndReportsCalls() {
        JsonNode company = s("POST", "/companies", Map.of("name", "Admin Co")).body();
        String id = company.get("companyAccountId").asText();
        String key = company.get("apiKey").asText();
        long contactId = s("POST", "/companies/" + id + "/contacts", Map.of("name", "C")).body().get("contact_id").asLong();
        JsonNode inv = s("POST", "/companies/" + id + "/invoices", Map.of("company_id", contactId,
                "lines", List.of(Map.of("price", "10", "amount", "2")))).body();
        assertThat(inv.get("sum").decimalValue()).isEqualByComparingTo("20.00");
        long invoiceId = inv.get("id").asLong();
        assertThat(s("POST", "/companies/" + id + "/invoices/" + invoiceId, Map.of("is_sent", 1)).body().get("is_sent").asInt())
                .isEqualTo(1);
        HttpJson.Reply list = HttpJson.send("POST", URI.create(scoro.baseUri() + "/api/v2/invoices/list"),
                Map.of("apiKey", key, "company_account_id", id), Map.of());
        assertThat(list.body().get("data")).hasSize(1);
        assertThat(s("DELETE", "/companies/" + id + "/invoices/" + invoiceId, null).status()).isEqualTo(200);
        assertThat(s("GET", "/companies/" + id + "/invoices", null).body()).isEmpty();
        assertThat(s("GET", "/companies/" + id + "/invoices/" + invoiceId, null).body().get("is_deleted").asInt()).isEqualTo(1);
        JsonNode calls = s("GET", "/companies/" + id + "/calls", null).body();
        assertThat(calls.get("callCounts").get("invoices/list").asLong()).isEqualTo(1);
        assertThat(calls.get("writeCalls").asLong()).isZero();
        assertThat(s("POST", "/companies/" + id + "/invoices", Map.of("company_id", 999)).status()).isEqualTo(400);
    }

    @Test
    void clockCanBePinnedAdvancedAndReset() {
        JsonNode pinned = x("POST", "/clock", Map.of("pin", "2031-01-01T00:00:00Z")).body();
        assertThat(pinned.get("now").asText()).isEqualTo("2031-01-01T00:00:00Z");
        assertThat(pinned.get("pinned").asBoolean()).isTrue();
        assertThat(x("POST", "/clock", Map.of("advanceSeconds", 90)).body().get("now").asText()).isEqualTo("2031-01-01T00:01:30Z");
        assertThat(x("POST", "/clock", Map.of("reset", true)).body().get("pinned").asBoolean()).isFalse();
        assertThat(s("POST", "/clock", Map.of("pin", "2031-02-01T00:00:00Z")).body().get("now").asText()).isEqualTo("2031-02-01T00:00:00Z");
        assertThat(s("GET", "/clock", null).body().get("now").asText()).isEqualTo("2031-02-01T00:00:00Z");
        s("POST", "/clock", Map.of("reset", true));
        assertThat(x("GET", "/nothing-here", null).status()).isEqualTo(404);
    }

    @Test
    void callTotalsSpanEveryTenantAndCompanyAndTheClockCanRunFast() {
        JsonNode t = x("POST", "/tenants", Map.of("organisationName", "Totals Org")).body();
        HttpJson.send("GET", URI.create(xero.apiBase() + "/Organisation"), null,
                Map.of("Authorization", "Bearer " + t.get("accessToken").asText(), "xero-tenant-id", t.get("tenantId").asText()));
        JsonNode xeroTotals = x("GET", "/calls", null).body();
        assertThat(xeroTotals.get("tenants").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(xeroTotals.get("calls").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(s("GET", "/calls", null).body().get("companies").asLong()).isGreaterThanOrEqualTo(0);

        JsonNode fast = s("POST", "/clock", Map.of("rate", 60)).body();
        assertThat(fast.get("rate").asDouble()).isEqualTo(60.0);
        assertThat(s("POST", "/clock", Map.of("reset", true)).body().get("rate").asDouble()).isEqualTo(1.0);
    }
}
