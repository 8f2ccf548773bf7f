package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.ScoroContractTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScoroFinanceModulesContractTest extends ScoroContractTest {

    private static JsonNode ok(HttpJson.Reply r) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("status").asText()).as(r.raw()).isEqualTo("OK");
        return r.body().get("data");
    }

    private static String error(HttpJson.Reply r) {
        assertThat(r.body().get("status").asText()).as(r.raw()).isEqualTo("ERROR");
        return r.body().get("messages").get("error").get(0).asText();
    }

    @Test
    void companyAccountDescribesTheEntity() {
        JsonNode data = ok(c.call("companyAccount/list"));
        assertThat(data.get("base_currency").asText()).isEqualTo("GBP");
        assertThat(data.get("active_currencies").toString()).contains("GBP");
        assertThat(data.get("language").asText()).isEqualTo("eng");
        assertThat(data.get("active_entities").get(0).get("entity_id").asText()).isEqualTo(company);
    }

    @Test
    void currenciesActivatedInTheSettingsAreListedAsActive() {
        assertThat(ok(c.call("companyAccount/list")).get("active_currencies").toString()).doesNotContain("AUD");
        scoro.activateCurrency(company, "aud");
        assertThat(ok(c.call("companyAccount/list")).get("active_currencies").toString()).contains("\"AUD\"");
        scoro.deactivateCurrency(company, "AUD");
        assertThat(scoro.activeCurrencies(company)).containsExactly("GBP", "EUR", "USD");
    }

    @Test
    void receiptAccountsCanBeListedAndCreated() {
        JsonNode seeded = ok(c.call("receiptAccounts/list"));
        assertThat(seeded).hasSize(1);
        assertThat(seeded.get(0).get("type").asText()).isEqualTo("cash");
        JsonNode bank = ok(c.modify("receiptAccounts/modify", Map.of("name", "Business Bank Account", "type", "bank",
                "account_no", "20-20-20 12345678")));
        assertThat(bank.get("id").asLong()).isPositive();
        assertThat(ok(c.call("receiptAccounts/list"))).hasSize(2);
        assertThat(error(c.modify("receiptAccounts/modify", Map.of("name", "x", "type", "crypto")))).contains("type");
    }

    @Test
    void receiptsSettleInvoicesAndDeletingThemReopens() {
        long contact = createContact(Map.of("name", "Payer"));
        long vat = scoro.vatCodes(company).stream().filter(v -> "OUTPUT2".equals(v.get("vat_code")))
                .map(v -> ((Number) v.get("vat_code_id")).longValue()).findFirst().orElseThrow();
        long invoice = ((Number) scoro.createInvoice(company, Map.of("company_id", contact,
                "lines", List.of(Map.of("price", "100", "amount", "1", "vat_code_id", vat)))).get("id")).longValue();
        long account = ok(c.modify("receiptAccounts/modify", Map.of("name", "Bank", "type", "bank"))).get("id").asLong();

        JsonNode first = ok(c.modify("receipts/modify", Map.of("receipt_account_id", account, "date", "2030-08-01",
                "receipts", List.of(Map.of("invoice_id", invoice, "sum", "20.00")))));
        assertThat(first.get("sum").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(first.get("contact_id").asLong()).isEqualTo(contact);
        assertThat(first.get("receipts").get(0).get("invoice_id").asLong()).isEqualTo(invoice);
        JsonNode inv = ok(c.call("invoices/view/" + invoice));
        assertThat(inv.get("paid_sum").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(inv.get("receivable_sum").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(inv.get("status").asText()).isEqualTo("unpaid");

        assertThat(error(c.modify("receipts/modify", Map.of("receipt_account_id", account,
                "receipts", List.of(Map.of("invoice_id", invoice, "sum", "100.01")))))).contains("exceed");
        ok(c.modify("receipts/modify", Map.of("receipt_account_id", account, "receipts", List.of(Map.of("invoice_id", invoice, "sum", 100)))));
        inv = ok(c.call("invoices/view/" + invoice));
        assertThat(inv.get("status").asText()).isEqualTo("paid");
        assertThat(inv.get("receivable_sum").decimalValue()).isEqualByComparingTo("0");
        assertThat(ok(c.call("receipts/list"))).hasSize(2);

        ok(c.call("receipts/delete/" + first.get("id").asLong()));
        inv = ok(c.call("invoices/view/" + invoice));
        assertThat(inv.get("paid_sum").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(inv.get("status").asText()).isEqualTo("unpaid");
        assertThat(ok(c.call("receipts/list"))).hasSize(1);
        JsonNode withDeleted = ok(c.call("receipts/list", "include_deleted", 1));
        assertThat(withDeleted).hasSize(2);
        assertThat(withDeleted.get(0).get("is_deleted").asInt()).isEqualTo(1);
        assertThat(c.call("receipts/view/" + first.get("id").asLong()).status()).isEqualTo(404);
        assertThat(error(c.modify("receipts/modify", Map.of("receipt_account_id", 999,
                "receipts", List.of(Map.of("invoice_id", invoice, "sum", 1)))))).contains("receipt_account_id");
    }

    @Test
    void productsHaveCrudWithReferencesChecked() {
        long vat = ((Number) scoro.vatCodes(company).get(0).get("vat_code_id")).longValue();
        JsonNode p = ok(c.modify("products/modify", Map.of("code", "CONS-H", "name", "Consulting hour", "price", "95.50",
                "unit", "h", "is_service", 1, "default_vat_code_id", vat)));
        long id = p.get("product_id").asLong();
        assertThat(p.get("price").decimalValue()).isEqualByComparingTo("95.50");
        assertThat(p.get("is_active").asInt()).isEqualTo(1);
        assertThat(p.get("modified_date").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        JsonNode u = ok(c.modify("products/modify/" + id, Map.of("price", "99")));
        assertThat(u.get("name").asText()).isEqualTo("Consulting hour");
        assertThat(u.get("price").decimalValue()).isEqualByComparingTo("99");
        assertThat(error(c.modify("products/modify", Map.of("name", "Bad", "default_vat_code_id", 999)))).contains("default_vat_code_id");
        assertThat(error(c.modify("products/modify", Map.of("code", "NONAME")))).contains("name");
        // Sales and purchase tax defaults, checked like the default VAT code.
        JsonNode taxed = ok(c.modify("products/modify/" + id, Map.of("default_sales_tax_id", vat, "default_purchases_tax_id", vat)));
        assertThat(taxed.get("default_sales_tax_id").asLong()).isEqualTo(vat);
        assertThat(taxed.get("default_purchases_tax_id").asLong()).isEqualTo(vat);
        assertThat(error(c.modify("products/modify/" + id, Map.of("default_purchases_tax_id", 999)))).contains("default_purchases_tax_id");
        assertThat(ok(c.call("products/view/" + id)).get("code").asText()).isEqualTo("CONS-H");
        ok(c.call("products/delete/" + id));
        assertThat(ok(c.call("products/list"))).isEmpty();
        assertThat(ok(c.call("products/list", "include_deleted", 1)).get(0).get("is_deleted").asInt()).isEqualTo(1);
    }

    @Test
    void financeObjectsHoldAccountingObjects() {
        JsonNode o = ok(c.modify("financeObjects/modify", Map.of("object_symbol", "NORTH", "name", "North",
                "parent_group_name", "Region")));
        assertThat(o.get("object_id").asLong()).isPositive();
        assertThat(ok(c.call("financeObjects/list")).get(0).get("parent_group_name").asText()).isEqualTo("Region");
        long product = ok(c.modify("products/modify", Map.of("name", "Tracked", "accounting_object_id", o.get("object_id").asLong())))
                .get("product_id").asLong();
        assertThat(product).isPositive();
        assertThat(scoro.records(company, "financeObjects")).hasSize(1);
    }
}
