package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.XeroContractTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.sxs.sandbox.support.XeroClient.wrap;
import static org.assertj.core.api.Assertions.assertThat;

class XeroItemsTrackingCurrenciesContractTest extends XeroContractTest {

    String contactId;

    @BeforeEach
    void tenant() {
        contactId = createContact("Buyer");
    }

    private HttpJson.Reply invoiceWithLine(Map<String, Object> line) {
        return c.put("/Invoices", wrap("Invoices", Map.of("Type", "ACCREC", "Contact", Map.of("ContactID", contactId),
                "LineItems", List.of(line))));
    }

    @Test
    void itemsHaveUniqueCodesFillInvoiceLinesAndAreHardDeleted() {
        HttpJson.Reply created = c.put("/Items", wrap("Items", Map.of("Code", "CONS", "Name", "Consulting",
                "Description", "Consulting (hour)", "SalesDetails", Map.of("UnitPrice", "95.00", "AccountCode", "200", "TaxType", "OUTPUT2"))));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        JsonNode item = created.body().get("Items").get(0);
        assertThat(item.get("ItemID").asText()).matches("[0-9a-f-]{36}");
        assertThat(item.get("SalesDetails").get("UnitPrice").decimalValue()).isEqualByComparingTo("95.00");
        assertThat(item.get("IsTrackedAsInventory").asBoolean()).isFalse();
        assertThat(firstError(c.put("/Items", wrap("Items", Map.of("Code", "cons"))))).contains("already exists");
        assertThat(firstError(c.put("/Items", wrap("Items", Map.of("Code", "X".repeat(31)))))).contains("30");
        assertThat(firstError(c.put("/Items", wrap("Items", Map.of("Name", "No code"))))).contains("code");

        HttpJson.Reply inv = invoiceWithLine(Map.of("ItemCode", "CONS", "Quantity", 2));
        assertThat(inv.status()).as(inv.raw()).isEqualTo(200);
        JsonNode line = inv.body().get("Invoices").get(0).get("LineItems").get(0);
        assertThat(line.get("Description").asText()).isEqualTo("Consulting (hour)");
        assertThat(line.get("UnitAmount").decimalValue()).isEqualByComparingTo("95.00");
        assertThat(line.get("AccountCode").asText()).isEqualTo("200");
        assertThat(line.get("Item").get("Code").asText()).isEqualTo("CONS");
        assertThat(firstError(invoiceWithLine(Map.of("ItemCode", "NOPE", "Quantity", 1)))).contains("NOPE");

        HttpJson.Reply update = c.post("/Items", wrap("Items", Map.of("Code", "CONS", "Name", "Consulting hour")));
        assertThat(update.body().get("Items").get(0).get("ItemID").asText()).isEqualTo(item.get("ItemID").asText());
        assertThat(c.get("/Items/CONS").body().get("Items").get(0).get("Name").asText()).isEqualTo("Consulting hour");
        assertThat(c.get("/Items?where=" + XeroAuthAndReferenceDataTest.enc("Code==\"CONS\"")).body().get("Items")).hasSize(1);

        HttpJson.Reply del = HttpJson.send("DELETE", c.uri("/Items/" + item.get("ItemID").asText()), null,
                Map.of("Authorization", "Bearer " + c.tenant().accessToken(), "xero-tenant-id", c.tenant().tenantId()));
        assertThat(del.status()).isEqualTo(204);
        assertThat(c.get("/Items").body().get("Items")).isEmpty();
        assertThat(c.get("/Items/" + item.get("ItemID").asText()).status()).isEqualTo(404);
    }

    @Test
    void aUserCreatesEditsAndDeletesItemsUnderTheApisRules() {
        String tenant = tenantId;
        Map<String, Object> made = xero.createItem(tenant, Map.of("Code", "GADGET", "Name", "Gadget",
                "SalesDetails", Map.of("UnitPrice", "12.3456", "AccountCode", "200", "TaxType", "OUTPUT2")));
        assertThat(((Map<?, ?>) made.get("SalesDetails")).get("UnitPrice").toString()).isEqualTo("12.3456");
        xero.updateItem(tenant, "GADGET", Map.of("Name", "Gadget, blue"));
        assertThat(xero.items(tenant)).singleElement().satisfies(i -> assertThat(i.get("Name")).isEqualTo("Gadget, blue"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> xero.createItem(tenant, Map.of("Code", "gadget")))
                .hasMessageContaining("already exists");
        xero.deleteItem(tenant, (String) made.get("ItemID"));
        assertThat(c.get("/Items").body().get("Items")).isEmpty();
    }

    @Test
    void trackingCategoriesAllowTwoActiveAndValidateLineTracking() {
        JsonNode region = c.put("/TrackingCategories", Map.of("Name", "Region")).body().get("TrackingCategories").get(0);
        String regionId = region.get("TrackingCategoryID").asText();
        JsonNode north = c.put("/TrackingCategories/" + regionId + "/Options", Map.of("Name", "North")).body().get("Options").get(0);
        c.put("/TrackingCategories/" + regionId + "/Options", Map.of("Options", List.of(Map.of("Name", "South"))));
        c.put("/TrackingCategories", Map.of("Name", "Project"));
        HttpJson.Reply third = c.put("/TrackingCategories", Map.of("Name", "Third"));
        assertThat(third.status()).isEqualTo(400);
        assertThat(firstError(third)).contains("2 active");
        assertThat(firstError(c.put("/TrackingCategories/" + regionId + "/Options", Map.of("Name", "north")))).contains("already exists");

        HttpJson.Reply inv = invoiceWithLine(Map.of("Description", "d", "Quantity", 1, "UnitAmount", 10, "AccountCode", "200",
                "Tracking", List.of(Map.of("Name", "Region", "Option", "North"))));
        assertThat(inv.status()).as(inv.raw()).isEqualTo(200);
        JsonNode tracking = inv.body().get("Invoices").get(0).get("LineItems").get(0).get("Tracking").get(0);
        assertThat(tracking.get("TrackingCategoryID").asText()).isEqualTo(regionId);
        assertThat(tracking.get("TrackingOptionID").asText()).isEqualTo(north.get("TrackingOptionID").asText());
        assertThat(tracking.get("Option").asText()).isEqualTo("North");
        assertThat(firstError(invoiceWithLine(Map.of("Description", "d", "Quantity", 1, "UnitAmount", 10, "AccountCode", "200",
                "Tracking", List.of(Map.of("Name", "Region", "Option", "West")))))).contains("West");

        // used: cannot delete, can archive; archived categories are hidden unless includeArchived
        HttpJson.Reply del = HttpJson.send("DELETE", c.uri("/TrackingCategories/" + regionId), null,
                Map.of("Authorization", "Bearer " + c.tenant().accessToken(), "xero-tenant-id", c.tenant().tenantId()));
        assertThat(del.status()).isEqualTo(400);
        assertThat(c.post("/TrackingCategories/" + regionId, Map.of("Status", "ARCHIVED")).status()).isEqualTo(200);
        assertThat(c.get("/TrackingCategories").body().get("TrackingCategories")).hasSize(1);
        assertThat(c.get("/TrackingCategories?includeArchived=true").body().get("TrackingCategories")).hasSize(2);
        assertThat(c.put("/TrackingCategories", Map.of("Name", "Third")).status()).isEqualTo(200);

        // unused options and categories vanish when deleted
        String thirdId = c.get("/TrackingCategories?where=" + XeroAuthAndReferenceDataTest.enc("Name==\"Third\""))
                .body().get("TrackingCategories").get(0).get("TrackingCategoryID").asText();
        assertThat(HttpJson.send("DELETE", c.uri("/TrackingCategories/" + thirdId), null,
                Map.of("Authorization", "Bearer " + c.tenant().accessToken(), "xero-tenant-id", c.tenant().tenantId())).status())
                .isEqualTo(200);
        assertThat(c.get("/TrackingCategories/" + thirdId).status()).isEqualTo(404);
    }

    @Test
    void currenciesMustBeEnabledBeforeUse() {
        assertThat(c.get("/Currencies").body().get("Currencies")).hasSize(1);
        HttpJson.Reply eur = invoiceWithLine(Map.of("Description", "d", "Quantity", 1, "UnitAmount", 10, "AccountCode", "200"));
        assertThat(eur.status()).isEqualTo(200);
        HttpJson.Reply notEnabled = c.put("/Invoices", wrap("Invoices", Map.of("Type", "ACCREC", "CurrencyCode", "EUR",
                "Contact", Map.of("ContactID", contactId), "LineItems", List.of(Map.of("Description", "d", "Quantity", 1,
                        "UnitAmount", 10, "AccountCode", "200")))));
        assertThat(firstError(notEnabled)).contains("EUR");
        assertThat(c.put("/Currencies", Map.of("Code", "EUR")).status()).isEqualTo(200);
        assertThat(c.put("/Currencies", Map.of("Code", "XXX")).status()).isEqualTo(400);
        HttpJson.Reply ok = c.put("/Invoices", wrap("Invoices", Map.of("Type", "ACCREC", "CurrencyCode", "EUR",
                "Contact", Map.of("ContactID", contactId), "LineItems", List.of(Map.of("Description", "d", "Quantity", 1,
                        "UnitAmount", 10, "AccountCode", "200")))));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        assertThat(ok.body().get("Invoices").get(0).get("CurrencyRate").decimalValue()).isPositive();
        assertThat(c.get("/Currencies").body().get("Currencies")).hasSize(2);
    }
}
