package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.XeroContractTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.sxs.sandbox.support.XeroClient.wrap;
import static org.assertj.core.api.Assertions.assertThat;

class XeroChartContractTest extends XeroContractTest {

    String contactId;

    @BeforeEach
    void tenant() {
        contactId = createContact("Buyer");
    }

    private HttpJson.Reply invoiceOn(String account, String taxType) {
        return c.put("/Invoices", wrap("Invoices", Map.of("Type", "ACCREC", "Contact", Map.of("ContactID", contactId),
                "LineItems", List.of(Map.of("Description", "d", "Quantity", 1, "UnitAmount", 100, "AccountCode", account,
                        "TaxType", taxType)))));
    }

    private HttpJson.Reply delete(String path) {
        return HttpJson.send("DELETE", c.uri(path), null,
                Map.of("Authorization", "Bearer " + c.tenant().accessToken(), "xero-tenant-id", c.tenant().tenantId()));
    }

    @Test
    void accountsCanBeAddedArchivedAndDeletedWhileUnused() {
        xero.clock().pin(Instant.parse("2030-11-01T10:00:00Z"));
        HttpJson.Reply created = c.put("/Accounts", Map.of("Code", "210", "Name", "Consulting Income", "Type", "REVENUE"));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        JsonNode a = created.body().get("Accounts").get(0);
        assertThat(a.get("Class").asText()).isEqualTo("REVENUE");
        assertThat(a.get("TaxType").asText()).isEqualTo("OUTPUT2");
        assertThat(firstError(c.put("/Accounts", Map.of("Code", "210", "Name", "Other", "Type", "REVENUE"))))
                .isEqualTo("Please enter a unique Code.");
        assertThat(c.put("/Accounts", Map.of("Code", "211", "Name", "x", "Type", "NOPE")).status()).isEqualTo(400);
        assertThat(c.get("/Accounts", "If-Modified-Since", "2030-11-01T09:59:59").body().get("Accounts")).hasSize(1);

        assertThat(invoiceOn("210", "OUTPUT2").status()).isEqualTo(200);
        String id = a.get("AccountID").asText();
        assertThat(delete("/Accounts/" + id).status()).isEqualTo(400);
        assertThat(c.post("/Accounts/" + id, Map.of("Status", "ARCHIVED")).body().get("Accounts").get(0).get("Status").asText())
                .isEqualTo("ARCHIVED");
        assertThat(firstError(invoiceOn("210", "OUTPUT2"))).contains("has been archived");

        String unused = c.put("/Accounts", Map.of("Code", "499", "Name", "Temporary", "Type", "EXPENSE")).body()
                .get("Accounts").get(0).get("AccountID").asText();
        HttpJson.Reply gone = delete("/Accounts/" + unused);
        assertThat(gone.status()).isEqualTo(200);
        assertThat(gone.body().get("Accounts").get(0).get("Status").asText()).isEqualTo("DELETED");
        assertThat(c.get("/Accounts/" + unused).status()).isEqualTo(404);

        String rounding = c.get("/Accounts?where=" + XeroAuthAndReferenceDataTest.enc("Code==\"860\"")).body()
                .get("Accounts").get(0).get("AccountID").asText();
        assertThat(c.post("/Accounts/" + rounding, Map.of("Name", "Renamed")).status()).isEqualTo(400);
    }

    @Test
    void taxRatesGetGeneratedCodesAndCanBeArchived() {
        HttpJson.Reply created = c.put("/TaxRates", Map.of("TaxRates", List.of(Map.of("Name", "Special 7%",
                "TaxComponents", List.of(Map.of("Name", "VAT", "Rate", "7.0000", "IsCompound", false))))));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        JsonNode t = created.body().get("TaxRates").get(0);
        assertThat(t.get("TaxType").asText()).isEqualTo("TAX001");
        assertThat(t.get("EffectiveRate").decimalValue()).isEqualByComparingTo("7");
        HttpJson.Reply inv = invoiceOn("200", "TAX001");
        assertThat(inv.body().get("Invoices").get(0).get("TotalTax").decimalValue()).isEqualByComparingTo("7.00");
        assertThat(c.post("/TaxRates", Map.of("TaxType", "TAX001", "Status", "ARCHIVED")).status()).isEqualTo(200);
        assertThat(firstError(invoiceOn("200", "TAX001"))).contains("TAX001");
        assertThat(c.get("/TaxRates/TAX001").body().get("TaxRates").get(0).get("Status").asText()).isEqualTo("ARCHIVED");
        assertThat(c.put("/TaxRates", Map.of("Name", "Special 7%", "TaxComponents", List.of(Map.of("Rate", 7)))).status())
                .isEqualTo(400);
    }
}
