package io.sxs.sandbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.scoro.ScoroSandbox;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.XeroClient;
import io.sxs.sandbox.xero.XeroSandbox;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    static ScoroSandbox scoro;
    static XeroSandbox xero;

    @BeforeAll
    static void start() {
        scoro = ScoroSandbox.start(0);
        xero = XeroSandbox.start(0);
        scoro.clock().pin(Instant.parse("2030-09-15T12:00:00Z"));
    }

    @AfterAll
    static void stop() {
        scoro.close();
        xero.close();
    }

    @Test
    void seedIsDeterministicRealisticAndValid() {
        DemoSeedResult a = DemoData.seed(scoro, xero, 7, 30, 80);
        DemoSeedResult b = DemoData.seed(scoro, xero, 7, 30, 80);
        String ca = a.scoroCompany().companyAccountId();
        String cb = b.scoroCompany().companyAccountId();
        assertThat(a.scoroContactIds()).hasSize(30);
        assertThat(a.scoroInvoiceIds()).hasSize(80);
        assertThat(strip(scoro.contacts(ca), "modified_date", "created_date"))
                .isEqualTo(strip(scoro.contacts(cb), "modified_date", "created_date"));
        assertThat(strip(scoro.invoices(ca), "modified_date", "created_date", "account_id"))
                .isEqualTo(strip(scoro.invoices(cb), "modified_date", "created_date", "account_id"));

        List<Map<String, Object>> contacts = scoro.contacts(ca);
        assertThat(new HashSet<>(contacts.stream().map(c -> c.get("name")).toList())).hasSize(30);
        Map<String, Object> first = contacts.get(0);
        assertThat(((Map<?, ?>) first.get("means_of_contact")).get("email").toString()).contains("@");
        assertThat(((List<?>) first.get("addresses"))).hasSize(1);

        LocalDate today = LocalDate.parse("2030-09-15");
        boolean sawSent = false;
        boolean sawUnsent = false;
        boolean sawDiscount = false;
        boolean sawFractionalQty = false;
        int euros = 0;
        for (Map<String, Object> inv : scoro.invoices(ca)) {
            List<?> lines = (List<?>) inv.get("lines");
            assertThat(lines).hasSizeBetween(1, 5);
            LocalDate date = LocalDate.parse((String) inv.get("date"));
            assertThat(date).isBetween(today.minusDays(89), today);
            assertThat(inv.get("currency")).isIn("GBP", "EUR");
            euros += "EUR".equals(inv.get("currency")) ? 1 : 0;
            sawSent |= Integer.valueOf(1).equals(inv.get("is_sent"));
            sawUnsent |= Integer.valueOf(0).equals(inv.get("is_sent"));
            for (Object o : lines) {
                Map<?, ?> l = (Map<?, ?>) o;
                sawDiscount |= ((BigDecimal) l.get("discount")).signum() != 0;
                sawFractionalQty |= ((BigDecimal) l.get("amount")).stripTrailingZeros().scale() > 0;
            }
        }
        assertThat(sawSent && sawUnsent && sawDiscount && sawFractionalQty).isTrue();
        assertThat(euros).as("one sent invoice in euros, for a payment in a foreign currency").isEqualTo(1);

        assertThat(xero.contacts(a.xeroTenant().tenantId())).isEmpty();
        assertThat(xero.invoices(a.xeroTenant().tenantId())).isEmpty();
        assertThat(scoro.callCounts(ca)).isEmpty();
    }

    @Test
    void seededInvoicesReachTheSameTotalsInXeroWhenMappedByCode() {
        DemoSeedResult demo = DemoData.seed(scoro, xero, 99, 5, 40);
        String company = demo.scoroCompany().companyAccountId();
        Map<Long, String> vatCodes = new HashMap<>();
        scoro.vatCodes(company).forEach(v -> vatCodes.put(((Number) v.get("vat_code_id")).longValue(), (String) v.get("vat_code")));
        XeroClient x = new XeroClient(xero, demo.xeroTenant());
        Map<Object, String> contactIds = new HashMap<>();
        for (Map<String, Object> c : scoro.contacts(company)) {
            JsonNode created = x.put("/Contacts", XeroClient.wrap("Contacts", Map.of("Name", c.get("name"),
                    "ContactNumber", "scoro-" + c.get("contact_id")))).body().get("Contacts").get(0);
            contactIds.put(c.get("contact_id"), created.get("ContactID").asText());
        }
        List<Object> invoices = new ArrayList<>();
        for (Map<String, Object> inv : scoro.invoices(company)) {
            List<Object> lines = new ArrayList<>();
            for (Object o : (List<?>) inv.get("lines")) {
                Map<?, ?> l = (Map<?, ?>) o;
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("Description", l.get("comment"));
                line.put("Quantity", l.get("amount"));
                line.put("UnitAmount", l.get("price"));
                line.put("DiscountRate", l.get("discount"));
                line.put("AccountCode", l.get("finance_account_symbol"));
                line.put("TaxType", vatCodes.get(((Number) l.get("vat_code_id")).longValue()));
                lines.add(line);
            }
            invoices.add(Map.of("Type", "ACCREC", "InvoiceNumber", inv.get("no"), "Date", inv.get("date"),
                    "Contact", Map.of("ContactID", contactIds.get(inv.get("company_id"))), "LineItems", lines));
        }
        HttpJson.Reply r = x.put("/Invoices?summarizeErrors=false&unitdp=4", Map.of("Invoices", invoices));
        assertThat(r.status()).isEqualTo(200);
        int i = 0;
        for (Map<String, Object> inv : scoro.invoices(company)) {
            JsonNode xi = r.body().get("Invoices").get(i++);
            assertThat(xi.get("StatusAttributeString").asText()).as(xi.toString()).isEqualTo("OK");
            assertThat(xi.get("SubTotal").decimalValue()).isEqualByComparingTo((BigDecimal) inv.get("sum"));
            assertThat(xi.get("TotalTax").decimalValue()).isEqualByComparingTo((BigDecimal) inv.get("vat_sum"));
        }
    }

    private static List<Map<String, Object>> strip(List<Map<String, Object>> rows, String... keys) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> copy = new LinkedHashMap<>(r);
            for (String k : keys) {
                copy.remove(k);
            }
            out.add(copy);
        }
        return out;
    }
}
