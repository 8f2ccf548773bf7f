package io.sxs.sandbox.generator;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.generator.GeneratedData.Pair;
import io.sxs.sandbox.generator.GeneratedData.ScoroKind;
import io.sxs.sandbox.generator.GeneratedData.XeroKind;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.scoro.ScoroSandbox;
import io.sxs.sandbox.xero.XeroSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SuppressWarnings("unchecked")
class DataGeneratorTest {

    static ScoroSandbox scoro;
    static XeroSandbox xero;
    static GeneratorSpec spec = GeneratorSpec.small(42L);
    static GeneratedData data;

    @BeforeAll
    static void generate() {
        scoro = ScoroSandbox.start(0);
        xero = XeroSandbox.start(0);
        data = DataGenerator.generate(scoro, xero, spec);
    }

    @AfterAll
    static void stop() {
        scoro.close();
        xero.close();
    }

    // ---- determinism --------------------------------------------------------------------------------------------

    @Test
    void theSameSpecGivesTheSameDataAndAnotherSeedDifferentData() {
        String first = renderFresh(spec);
        String second = renderFresh(spec);
        assertThat(first).contains("ACCRECCREDIT").contains("RECEIVE-PREPAYMENT").contains("credited_invoices");
        assertThat(second).isEqualTo(first);
        assertThat(renderFresh(spec.withSeed(43L))).isNotEqualTo(first);
    }

    private static String renderFresh(GeneratorSpec s) {
        try (ScoroSandbox sc = ScoroSandbox.start(0); XeroSandbox xe = XeroSandbox.start(0)) {
            // Different sandbox clocks must not matter: the dates come from the spec.
            GeneratedData d = DataGenerator.generate(sc, xe, s);
            return render(sc, xe, d);
        }
    }

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Both sides' state as text, with GUIDs numbered by first appearance and server timestamps left out. */
    static String render(ScoroSandbox sc, XeroSandbox xe, GeneratedData d) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Pair p : d.pairs()) {
            String c = p.companyAccountId();
            String t = p.tenantId();
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("name", p.scoroCompany().name() + " / " + p.xeroTenant().organisationName());
            pair.put("scoro.contacts", sc.contacts(c));
            pair.put("scoro.products", sc.records(c, "products"));
            pair.put("scoro.invoices", sc.invoices(c));
            pair.put("scoro.bills", sc.bills(c));
            pair.put("scoro.prepayments", sc.prepayments(c));
            pair.put("scoro.receipts", sc.receipts(c));
            pair.put("xero.contacts", xe.contacts(t));
            pair.put("xero.invoices", xe.invoices(t));
            pair.put("xero.creditNotes", xe.creditNotes(t));
            pair.put("xero.payments", xe.payments(t));
            pair.put("xero.bankTransactions", xe.bankTransactions(t));
            pair.put("xero.prepayments", xe.prepayments(t));
            pair.put("xero.overpayments", xe.overpayments(t));
            pair.put("xero.items", apiGet(xe, p, "/Items").get("Items"));
            pair.put("xero.tracking", apiGet(xe, p, "/TrackingCategories").get("TrackingCategories"));
            pair.put("xero.currencies", apiGet(xe, p, "/Currencies").get("Currencies"));
            pair.put("ids", List.of(p.scoroIds(), p.xeroIds(), p.xeroApiCalls()));
            all.put("pair " + p.index(), pair);
        }
        Map<String, String> guids = new HashMap<>();
        Object normalised = normalise(Json.MAPPER.valueToTree(all), guids, d);
        return Json.text(Json.MAPPER.valueToTree(normalised));
    }

    private static Object normalise(JsonNode n, Map<String, String> guids, GeneratedData d) {
        if (n.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> {
                String k = e.getKey();
                if (!k.startsWith("UpdatedDateUTC") && !k.equals("modified_date") && !k.equals("created_date")
                        && !k.equals("deleted_date")) {
                    out.put(k, normalise(e.getValue(), guids, d));
                }
            });
            return out;
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(x -> out.add(normalise(x, guids, d)));
            return out;
        }
        if (n.isTextual()) {
            String s = GUID.matcher(n.asText()).replaceAll(m -> guids.computeIfAbsent(m.group().toLowerCase(), k -> "guid#" + guids.size()));
            for (Pair p : d.pairs()) {
                s = s.replace(p.companyAccountId(), "company#" + p.index()).replace(p.scoroCompany().apiKey(), "key");
            }
            return s;
        }
        return n;
    }

    // ---- volumes ------------------------------------------------------------------------------------------------

    @Test
    void volumesMatchTheSpecOnBothSidesOfEveryPair() {
        assertThat(data.pairs()).hasSize(2);
        assertThat(data.pairs().get(0).scoroCompany().name()).isEqualTo(data.pairs().get(0).xeroTenant().organisationName());
        assertThat(data.pairs().get(0).scoroCompany().name()).isNotEqualTo(data.pairs().get(1).scoroCompany().name());
        for (Pair p : data.pairs()) {
            String c = p.companyAccountId();
            String t = p.tenantId();
            // Scoro
            List<Map<String, Object>> contacts = scoro.contacts(c);
            assertThat(contacts).hasSize(spec.contacts());
            assertThat(p.scoro(ScoroKind.CONTACT_COMPANY).size() + p.scoro(ScoroKind.CONTACT_PERSON).size()).isEqualTo(spec.contacts());
            assertThat(contacts).extracting(x -> x.get("contact_type")).contains("company", "person");
            assertThat(contacts.stream().map(x -> (x.get("name") + " " + x.get("lastname")).toLowerCase()).distinct()).hasSize(spec.contacts());
            Set<Object> countries = contacts.stream().map(x -> ((List<Map<String, Object>>) x.get("addresses")).get(0).get("country"))
                    .collect(Collectors.toSet());
            assertThat(countries).hasSizeGreaterThanOrEqualTo(3);
            assertThat(contacts).allSatisfy(x -> assertThat((Map<String, List<String>>) x.get("means_of_contact"))
                    .satisfiesAnyOf(m -> assertThat(m.get("email")).singleElement().asString().contains("@")));
            assertThat(scoro.records(c, "products")).hasSize(spec.items());
            List<Map<String, Object>> invoices = scoro.invoices(c);
            assertThat(invoices.stream().filter(i -> credited(i).isEmpty())).hasSize(spec.invoices());
            assertThat(invoices.stream().filter(i -> !credited(i).isEmpty())).hasSize(spec.creditNotes());
            assertThat(scoro.bills(c)).hasSize(spec.bills());
            assertThat(scoro.prepayments(c)).hasSize(spec.prepayments());
            assertThat(p.scoro(ScoroKind.INVOICE)).hasSize(spec.invoices());
            assertThat(p.scoro(ScoroKind.CREDIT_INVOICE)).hasSize(spec.creditNotes());
            assertThat(p.scoro(ScoroKind.BILL)).hasSize(spec.bills());
            assertThat(p.scoro(ScoroKind.PREPAYMENT)).hasSize(spec.prepayments());
            assertThat(p.scoro(ScoroKind.PRODUCT)).hasSize(spec.items());
            // Xero
            assertThat(xero.contacts(t)).hasSize(spec.contacts());
            assertThat(apiGet(xero, p, "/Items").get("Items")).hasSize(spec.items());
            List<Map<String, Object>> xi = xero.invoices(t);
            assertThat(xi.stream().filter(i -> "ACCREC".equals(i.get("Type")))).hasSize(spec.invoices());
            assertThat(xi.stream().filter(i -> "ACCPAY".equals(i.get("Type")))).hasSize(spec.bills());
            assertThat(xero.creditNotes(t)).hasSize(spec.creditNotes());
            assertThat(xero.payments(t)).hasSize(spec.payments());
            assertThat(xero.prepayments(t)).hasSize(spec.prepayments());
            assertThat(xero.overpayments(t)).hasSize(spec.overpayments());
            assertThat(xero.bankTransactions(t)).hasSize(spec.prepayments() + spec.overpayments());
            assertThat(p.xero(XeroKind.INVOICE)).hasSize(spec.invoices());
            assertThat(p.xero(XeroKind.BILL)).hasSize(spec.bills());
            assertThat(p.xero(XeroKind.PAYMENT)).hasSize(spec.payments());
            assertThat(p.xero(XeroKind.CREDIT_NOTE)).hasSize(spec.creditNotes());
            assertThat(p.xero(XeroKind.CURRENCY)).containsExactly("EUR", "USD");
            assertThat(p.xero(XeroKind.TRACKING_CATEGORY)).hasSize(2);
            assertThat(p.xero(XeroKind.TRACKING_OPTION)).hasSize(Vocabulary.REGIONS.length + Vocabulary.DEPARTMENTS.length);
            // The generator's own API calls are reported and within the published per-minute limit.
            assertThat(p.xeroApiCalls()).containsKey("PUT /Items");
            assertThat(p.xeroApiCalls().values().stream().mapToLong(Long::longValue).sum()).isLessThan(60);
        }
    }

    @Test
    void presetsAndOtherSeedsGenerateValidData() {
        GeneratorSpec medium = GeneratorSpec.medium(5L).withTenants(2);
        try (ScoroSandbox sc = ScoroSandbox.start(0); XeroSandbox xe = XeroSandbox.start(0)) {
            GeneratedData d = DataGenerator.generate(sc, xe, medium);
            for (Pair p : d.pairs()) {
                assertThat(xe.invoices(p.tenantId())).hasSize(medium.invoices() + medium.bills());
                assertThat(sc.invoices(p.companyAccountId())).hasSize(medium.invoices() + medium.creditNotes());
                assertThat(p.xero(XeroKind.CURRENCY)).containsExactly("EUR", "SEK", "USD");
            }
        }
        for (long seed = 100; seed < 110; seed++) {
            try (ScoroSandbox sc = ScoroSandbox.start(0); XeroSandbox xe = XeroSandbox.start(0)) {
                GeneratedData d = DataGenerator.generate(sc, xe, GeneratorSpec.small(seed).withTenants(1));
                assertThat(xe.payments(d.pairs().get(0).tenantId())).hasSize(8);
            }
        }
    }

    @Test
    void specsAreValidated() {
        assertThatThrownBy(() -> new GeneratorSpec(1, 0, 2, 0, 0, 0, 0, 0, 0, 0, Map.of(), LocalDate.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenants");
        assertThatThrownBy(() -> new GeneratorSpec(1, 1, 2, 0, 1, 0, 0, 0, 0, 0,
                Map.of("EUR", new BigDecimal("1.1234567")), LocalDate.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 decimals");
        assertThatThrownBy(() -> new GeneratorSpec(1, 1, 1, 0, 1, 0, 0, 0, 0, 0, Map.of(), LocalDate.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contacts");
        assertThat(spec.currencies()).containsExactly("GBP", "EUR", "USD");
        assertThat(spec.rate("EUR").scale()).isEqualTo(6);
    }

    // ---- variety ------------------------------------------------------------------------------------------------

    @Test
    void severalCurrenciesTaxRatesAccountsAndFourDecimalQuantitiesAppear() {
        for (Pair p : data.pairs()) {
            List<Map<String, Object>> xi = xero.invoices(p.tenantId());
            assertThat(xi.stream().map(i -> i.get("CurrencyCode")).collect(Collectors.toSet())).hasSizeGreaterThanOrEqualTo(3);
            Set<Object> taxTypes = lines(xi).stream().map(l -> l.get("TaxType")).collect(Collectors.toSet());
            assertThat(taxTypes).hasSizeGreaterThanOrEqualTo(3);
            assertThat(xi).anySatisfy(i -> assertThat(i.get("Status")).isEqualTo("DRAFT"));
            assertThat(xi).anySatisfy(i -> assertThat(i.get("LineAmountTypes")).isEqualTo("Inclusive"));
            assertThat(lines(xi)).anySatisfy(l -> assertThat(l.get("ItemCode")).isNotNull());
            assertThat(lines(xi)).anySatisfy(l -> assertThat(l.get("DiscountRate")).isNotNull());
            assertThat(xi).allSatisfy(i -> assertThat(new BigDecimal(i.get("CurrencyRate").toString()))
                    .isEqualByComparingTo(spec.rate((String) i.get("CurrencyCode"))));
            assertThat(xi).allSatisfy(i -> assertThat(LocalDate.parse(((String) i.get("DateString")).substring(0, 10)))
                    .isBetween(spec.referenceDate().minusDays(120), spec.referenceDate()));
            assertThat(xi.stream().filter(i -> lines(List.of(i)).size() > 1)).isNotEmpty();

            List<Map<String, Object>> si = scoro.invoices(p.companyAccountId());
            assertThat(si.stream().map(i -> i.get("currency")).collect(Collectors.toSet())).hasSizeGreaterThanOrEqualTo(3);
            List<Map<String, Object>> sl = scoroLines(si);
            assertThat(sl.stream().map(l -> l.get("vat_code_id")).collect(Collectors.toSet())).hasSizeGreaterThanOrEqualTo(3);
            assertThat(sl.stream().map(l -> l.get("finance_account_id")).collect(Collectors.toSet())).hasSizeGreaterThanOrEqualTo(2);
            assertThat(sl).anySatisfy(l -> assertThat(new BigDecimal(l.get("amount").toString()).stripTrailingZeros().scale()).isEqualTo(4));
            assertThat(sl).anySatisfy(l -> assertThat(new BigDecimal(l.get("discount").toString())).isPositive());
            assertThat(sl).anySatisfy(l -> assertThat(l.get("product_id")).isNotNull());
            assertThat(si).extracting(i -> ((Number) i.get("is_sent")).intValue()).contains(0, 1);
            assertThat(si).allSatisfy(i -> assertThat(((List<?>) i.get("lines")).size()).isBetween(1, 5));
            assertThat(si).allSatisfy(i -> assertThat(new BigDecimal(i.get("currency_rate").toString()))
                    .isEqualByComparingTo(spec.rate((String) i.get("currency"))));
            assertThat(si).anySatisfy(i -> assertThat((List<?>) i.get("prepayment_id")).isNotEmpty());
            assertThat(scoro.bills(p.companyAccountId())).allSatisfy(b -> assertThat(scoroLines(List.of(b)))
                    .allSatisfy(l -> assertThat(l.get("vat_code_id")).isIn(vatIds(p, "INPUT2", "NONE"))));
        }
    }

    @Test
    void scoroCreditInvoicesCreditASentInvoiceOfTheSameClientAndCurrency() {
        for (Pair p : data.pairs()) {
            String c = p.companyAccountId();
            for (Long id : p.scoro(ScoroKind.CREDIT_INVOICE)) {
                Map<String, Object> credit = scoro.invoice(c, id);
                List<Object> credited = credited(credit);
                assertThat(credited).hasSize(1);
                Map<String, Object> target = scoro.invoice(c, ((Number) credited.get(0)).longValue());
                assertThat(target.get("company_id")).isEqualTo(credit.get("company_id"));
                assertThat(target.get("currency")).isEqualTo(credit.get("currency"));
                assertThat(((Number) target.get("is_sent")).intValue()).isEqualTo(1);
                assertThat(new BigDecimal(credit.get("sum").toString())).isPositive()
                        .isLessThanOrEqualTo(new BigDecimal(target.get("sum").toString()));
            }
        }
    }

    // ---- settlement ---------------------------------------------------------------------------------------------

    @Test
    void creditNotesAreAllocatedAndSettleTheirInvoices() {
        for (Pair p : data.pairs()) {
            String t = p.tenantId();
            List<Map<String, Object>> notes = xero.creditNotes(t);
            List<Map<String, Object>> allocated = notes.stream().filter(n -> !((List<?>) n.get("Allocations")).isEmpty()).toList();
            assertThat(allocated).hasSize(p.xero(XeroKind.CREDIT_NOTE_ALLOCATION).size()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(allocated).anySatisfy(n -> assertThat(n.get("Status")).isEqualTo("PAID"));
            for (Map<String, Object> n : allocated) {
                Map<String, Object> a = ((List<Map<String, Object>>) n.get("Allocations")).get(0);
                Map<String, Object> inv = xero.invoice(t, (String) ((Map<String, Object>) a.get("Invoice")).get("InvoiceID"));
                assertThat(((Map<String, Object>) inv.get("Contact")).get("ContactID"))
                        .isEqualTo(((Map<String, Object>) n.get("Contact")).get("ContactID"));
                assertThat(inv.get("CurrencyCode")).isEqualTo(n.get("CurrencyCode"));
                assertThat(new BigDecimal(inv.get("AmountCredited").toString())).isPositive();
                assertThat(inv.get("Type")).isEqualTo("ACCRECCREDIT".equals(n.get("Type")) ? "ACCREC" : "ACCPAY");
            }
            assertThat(notes).allSatisfy(n -> assertThat(n.get("Status")).isIn("AUTHORISED", "PAID"));
        }
    }

    @Test
    void somePaymentsSettleInvoicesAndSomeLeaveThemPartlyPaid() {
        for (Pair p : data.pairs()) {
            List<Map<String, Object>> xi = xero.invoices(p.tenantId());
            assertThat(xi).anySatisfy(i -> {
                assertThat(i.get("Status")).isEqualTo("PAID");
                assertThat((List<?>) i.get("Payments")).isNotEmpty();
                assertThat(new BigDecimal(i.get("AmountDue").toString())).isZero();
            });
            assertThat(xi).anySatisfy(i -> {
                assertThat(i.get("Status")).isEqualTo("AUTHORISED");
                assertThat(new BigDecimal(i.get("AmountPaid").toString())).isPositive();
                assertThat(new BigDecimal(i.get("AmountDue").toString())).isPositive();
            });
            assertThat(xi).anySatisfy(i -> assertThat(i.get("Type")).isEqualTo("ACCPAY"));
            List<Map<String, Object>> payments = xero.payments(p.tenantId());
            assertThat(payments).extracting(x -> x.get("PaymentType")).contains("ACCRECPAYMENT");
            assertThat(payments).anySatisfy(x -> assertThat(new BigDecimal(x.get("CurrencyRate").toString()))
                    .isNotEqualByComparingTo(BigDecimal.ONE));
        }
    }

    @Test
    void prepaymentsAndOverpaymentsExistAndSomeAreAllocated() {
        for (Pair p : data.pairs()) {
            String t = p.tenantId();
            for (List<Map<String, Object>> credits : List.of(xero.prepayments(t), xero.overpayments(t))) {
                assertThat(credits).hasSize(3);
                assertThat(credits).anySatisfy(c -> assertThat((List<?>) c.get("Allocations")).isNotEmpty());
                assertThat(credits).anySatisfy(c -> assertThat((List<?>) c.get("Allocations")).isEmpty());
            }
            assertThat(xero.prepayments(t)).allSatisfy(c -> assertThat(c.get("Type")).isEqualTo("RECEIVE-PREPAYMENT"));
            assertThat(xero.overpayments(t)).allSatisfy(c -> assertThat(c.get("Type")).isEqualTo("RECEIVE-OVERPAYMENT"));
            List<Map<String, Object>> xi = xero.invoices(t);
            assertThat(xi).anySatisfy(i -> assertThat((List<?>) i.get("Prepayments")).isNotEmpty());
            assertThat(xi).anySatisfy(i -> assertThat((List<?>) i.get("Overpayments")).isNotEmpty());
            assertThat(p.xero(XeroKind.PREPAYMENT_ALLOCATION)).hasSize(2);
            assertThat(p.xero(XeroKind.OVERPAYMENT_ALLOCATION)).hasSize(2);
        }
    }

    @Test
    void trackingOptionsAppearOnLines() {
        for (Pair p : data.pairs()) {
            JsonNode categories = apiGet(xero, p, "/TrackingCategories").get("TrackingCategories");
            assertThat(categories).hasSize(2);
            assertThat(categories).extracting(c -> c.get("Name").asText()).containsExactly("Region", "Department");
            List<Map<String, Object>> tracked = lines(xero.invoices(p.tenantId())).stream()
                    .filter(l -> !((List<?>) l.get("Tracking")).isEmpty()).toList();
            assertThat(tracked).isNotEmpty();
            Set<Object> categoryNames = tracked.stream().flatMap(l -> ((List<Map<String, Object>>) l.get("Tracking")).stream())
                    .map(x -> x.get("Name")).collect(Collectors.toSet());
            assertThat(categoryNames).containsExactlyInAnyOrder("Region", "Department");
            assertThat(tracked).anySatisfy(l -> assertThat((List<?>) l.get("Tracking")).hasSize(2));
        }
    }

    // ---- isolation ----------------------------------------------------------------------------------------------

    @Test
    void tenantsAreIsolatedOverHttp() throws Exception {
        Pair a = data.pairs().get(0);
        Pair b = data.pairs().get(1);
        HttpClient http = HttpClient.newHttpClient();
        // B's token cannot reach A's organisation.
        assertThat(send(http, b.xeroTenant().accessToken(), a.tenantId(), "/Invoices").statusCode()).isEqualTo(403);
        // With its own credentials B sees none of A's documents or contacts, and A's ids are unknown to it.
        Set<String> aInvoices = new HashSet<>(a.xero(XeroKind.INVOICE));
        aInvoices.addAll(a.xero(XeroKind.BILL));
        HttpResponse<byte[]> bList = send(http, b.xeroTenant().accessToken(), b.tenantId(), "/Invoices?page=1&pageSize=1000");
        assertThat(bList.statusCode()).isEqualTo(200);
        List<String> bInvoiceIds = new ArrayList<>();
        Json.parse(bList.body()).get("Invoices").forEach(i -> bInvoiceIds.add(i.get("InvoiceID").asText()));
        assertThat(bInvoiceIds).hasSize(spec.invoices() + spec.bills()).doesNotContainAnyElementsOf(aInvoices);
        HttpResponse<byte[]> bContacts = send(http, b.xeroTenant().accessToken(), b.tenantId(), "/Contacts");
        List<String> bContactIds = new ArrayList<>();
        Json.parse(bContacts.body()).get("Contacts").forEach(c -> bContactIds.add(c.get("ContactID").asText()));
        assertThat(bContactIds).hasSize(spec.contacts()).doesNotContainAnyElementsOf(a.xero(XeroKind.CONTACT));
        assertThat(send(http, b.xeroTenant().accessToken(), b.tenantId(), "/Invoices/" + a.xero(XeroKind.INVOICE).get(0))
                .statusCode()).isEqualTo(404);
        assertThat(send(http, b.xeroTenant().accessToken(), b.tenantId(), "/Items").body().length).isPositive();
        // And A with its own credentials does see its own invoice.
        assertThat(send(http, a.xeroTenant().accessToken(), a.tenantId(), "/Invoices/" + a.xero(XeroKind.INVOICE).get(0))
                .statusCode()).isEqualTo(200);
        // Scoro: each company holds only its own contacts.
        assertThat(scoro.contacts(a.companyAccountId())).extracting(x -> x.get("name"))
                .doesNotContainAnyElementsOf(scoro.contacts(b.companyAccountId()).stream()
                        .filter(x -> "company".equals(x.get("contact_type"))).map(x -> x.get("name")).toList());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static HttpResponse<byte[]> send(HttpClient http, String token, String tenantId, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(xero.apiBase() + path))
                .header("Authorization", "Bearer " + token).header("xero-tenant-id", tenantId)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode apiGet(XeroSandbox xe, Pair p, String path) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(xe.apiBase() + path))
                    .header("Authorization", "Bearer " + p.xeroTenant().accessToken())
                    .header("xero-tenant-id", p.tenantId()).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            return Json.parse(r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Object> credited(Map<String, Object> invoice) {
        Object v = invoice.get("credited_invoices");
        return v == null ? List.of() : (List<Object>) v;
    }

    private static List<Map<String, Object>> lines(List<Map<String, Object>> docs) {
        return docs.stream().flatMap(d -> ((List<Map<String, Object>>) d.get("LineItems")).stream()).toList();
    }

    private static List<Map<String, Object>> scoroLines(List<Map<String, Object>> docs) {
        return docs.stream().flatMap(d -> ((List<Map<String, Object>>) d.get("lines")).stream()).toList();
    }

    private static List<Object> vatIds(Pair p, String... codes) {
        Set<String> wanted = Set.of(codes);
        Predicate<Map<String, Object>> match = v -> wanted.contains((String) v.get("vat_code"));
        return scoro.vatCodes(p.companyAccountId()).stream().filter(match).map(v -> v.get("vat_code_id")).toList();
    }
}
