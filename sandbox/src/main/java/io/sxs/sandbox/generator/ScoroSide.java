package io.sxs.sandbox.generator;

import io.sxs.sandbox.generator.GeneratedData.ScoroKind;
import io.sxs.sandbox.generator.Vocabulary.Country;
import io.sxs.sandbox.scoro.ScoroSandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static io.sxs.sandbox.generator.Vocabulary.pick;

/**
 * One Scoro company's data: contacts (companies and persons), products, prepayment invoices, invoices (some pointing at
 * a prepayment), credit invoices ({@code credited_invoices}) and bills. All through the "acting as a user" helpers.
 */
final class ScoroSide {

    /** Sales vat code and finance account pairs Xero accepts together (output VAT only on revenue accounts). */
    private static final String[][] SALES_KINDS = {
        {"OUTPUT2", "200"}, {"OUTPUT2", "200"}, {"OUTPUT2", "260"}, {"RROUTPUT", "200"}, {"ZERORATEDOUTPUT", "260"},
        {"NONE", "200"}, {"NONE", "400"},
    };
    private static final String[][] PURCHASE_KINDS = {{"INPUT2", "400"}, {"INPUT2", "310"}, {"INPUT2", "400"},
        {"NONE", "310"}, {"NONE", "400"}};
    private static final String[] PREPAYMENT_PERCENTS = {"25", "30", "50", "100"};

    private record Contact(long id, Country country, String currency, String name) {
    }

    private record Product(long id, String name, String unit, BigDecimal price, long vatCodeId, long accountId) {
    }

    private final ScoroSandbox scoro;
    private final String cid;
    private final GeneratorSpec spec;
    private final SplittableRandom rnd;
    private final Map<String, Long> vat = new LinkedHashMap<>();
    private final Map<String, Long> accounts = new LinkedHashMap<>();
    private final Map<ScoroKind, List<Long>> ids = new EnumMap<>(ScoroKind.class);
    private final List<Contact> clients = new ArrayList<>();
    private final List<Contact> suppliers = new ArrayList<>();
    private final List<Product> products = new ArrayList<>();

    private ScoroSide(ScoroSandbox scoro, String cid, GeneratorSpec spec, SplittableRandom rnd) {
        this.scoro = scoro;
        this.cid = cid;
        this.spec = spec;
        this.rnd = rnd;
        for (ScoroKind k : ScoroKind.values()) {
            ids.put(k, new ArrayList<>());
        }
    }

    static Map<ScoroKind, List<Long>> generate(ScoroSandbox scoro, String companyAccountId, GeneratorSpec spec,
                                               SplittableRandom rnd) {
        ScoroSide s = new ScoroSide(scoro, companyAccountId, spec, rnd);
        s.run();
        return s.ids;
    }

    private void run() {
        scoro.vatCodes(cid).forEach(v -> vat.put((String) v.get("vat_code"), ((Number) v.get("vat_code_id")).longValue()));
        scoro.financeAccounts(cid).forEach(a -> accounts.put((String) a.get("account_symbol"), ((Number) a.get("id")).longValue()));
        contacts();
        products();
        List<Map<String, Object>> prepayments = prepayments();
        List<Map<String, Object>> invoices = invoices(prepayments);
        creditInvoices(invoices);
        bills();
    }

    private void contacts() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < spec.contacts(); i++) {
            // The first contacts are companies in each of the spec's currencies (GBP first), so that every currency is used.
            List<String> currencies = spec.currencies();
            String forced = i < currencies.size() ? currencies.get(i) : null;
            Country country = forced != null ? Vocabulary.countryFor(rnd, forced) : pick(rnd, Vocabulary.COUNTRIES);
            // The first two are companies and the second is also a supplier, so every document kind has a counterparty.
            boolean person = i >= Math.max(2, currencies.size()) && (i % 4 == 3 || rnd.nextInt(8) == 0);
            boolean supplier = !person && (i == 1 || rnd.nextInt(4) == 0);
            boolean client = true;
            Map<String, Object> body = new LinkedHashMap<>();
            String display;
            String domain;
            if (person) {
                String[] n = Vocabulary.personName(rnd, names);
                body.put("contact_type", "person");
                body.put("name", n[0]);
                body.put("lastname", n[1]);
                display = n[0] + " " + n[1];
                domain = pick(rnd, new String[] {"gmail.com", "outlook.com", "proton.me"});
                body.put("means_of_contact", Map.of(
                        "email", List.of(Vocabulary.slug(n[0]) + "." + Vocabulary.slug(n[1]) + "@" + domain),
                        "mobile", List.of(Vocabulary.phone(rnd, country))));
            } else {
                display = Vocabulary.companyName(rnd, country, names);
                String slug = Vocabulary.slug(display);
                domain = slug + "." + country.tld();
                body.put("contact_type", "company");
                body.put("name", display);
                body.put("id_code", String.format("%08d", 1_000_000 + rnd.nextInt(9_000_000)));
                body.put("vatno", country.iso3().substring(0, 2) + (100_000_000 + rnd.nextInt(899_999_999)));
                body.put("means_of_contact", Map.of(
                        "email", List.of((supplier ? "billing@" : "accounts@") + domain),
                        "phone", List.of(Vocabulary.phone(rnd, country)),
                        "website", List.of("https://www." + domain)));
            }
            body.put("reference_no", "C-" + (1001 + i));
            body.put("is_client", client ? 1 : 0);
            body.put("is_supplier", supplier ? 1 : 0);
            body.put("addresses", List.of(Map.of(
                    "country", country.iso3(),
                    "county", "",
                    "city", pick(rnd, country.cities()),
                    "street", Vocabulary.street(rnd, country),
                    "zipcode", Vocabulary.postcode(rnd, country))));
            Map<String, Object> saved = DataGenerator.checked("Scoro contact", body, () -> scoro.createContact(cid, body));
            long id = ((Number) saved.get("contact_id")).longValue();
            ids.get(person ? ScoroKind.CONTACT_PERSON : ScoroKind.CONTACT_COMPANY).add(id);
            String currency = forced != null ? forced : currencyFor(country);
            Contact c = new Contact(id, country, currency, display);
            if (client) {
                clients.add(c);
            }
            if (supplier) {
                suppliers.add(c);
            }
        }
    }

    /** Most customers abroad are invoiced in their own currency when the spec has it; some in GBP. */
    private String currencyFor(Country country) {
        return spec.currencyRates().containsKey(country.currency()) && rnd.nextInt(5) != 0 ? country.currency()
                : GeneratorSpec.BASE_CURRENCY;
    }

    private void products() {
        for (int i = 0; i < spec.items(); i++) {
            Object[] p = Vocabulary.PRODUCTS[i % Vocabulary.PRODUCTS.length];
            int round = i / Vocabulary.PRODUCTS.length;
            String code = round == 0 ? (String) p[0] : p[0] + "-" + (round + 1);
            String name = round == 0 ? (String) p[1] : p[1] + " (" + (round + 1) + ")";
            BigDecimal price = Vocabulary.money(rnd, (Integer) p[3], (Integer) p[4]);
            String[] kind = i % 3 == 2 ? new String[] {"RROUTPUT", "260"} : new String[] {"OUTPUT2", "200"};
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", code);
            body.put("name", name);
            body.put("description", name + " as per statement of work");
            body.put("price", price);
            body.put("buying_price", price.multiply(new BigDecimal("0.55")).setScale(2, RoundingMode.HALF_UP));
            body.put("unit", p[2]);
            body.put("is_service", "pcs".equals(p[2]) ? 0 : 1);
            body.put("default_vat_code_id", vat.get(kind[0]));
            body.put("sales_finance_account_id", accounts.get(kind[1]));
            body.put("purchases_finance_account_id", accounts.get("310"));
            Map<String, Object> saved = DataGenerator.checked("Scoro product", body,
                    () -> scoro.createRecord(cid, "products", body));
            long id = ((Number) saved.get("product_id")).longValue();
            ids.get(ScoroKind.PRODUCT).add(id);
            products.add(new Product(id, name, (String) p[2], price, vat.get(kind[0]), accounts.get(kind[1])));
        }
    }

    private LocalDate documentDate() {
        return spec.referenceDate().minusDays(rnd.nextInt(121));
    }

    private List<Map<String, Object>> salesLines(int count) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            Map<String, Object> line = new LinkedHashMap<>();
            if (!products.isEmpty() && rnd.nextInt(4) == 0) {
                Product p = products.get(rnd.nextInt(products.size()));
                line.put("product_id", p.id());
                line.put("comment", p.name());
                line.put("price", p.price());
                line.put("unit", p.unit());
                line.put("vat_code_id", p.vatCodeId());
                line.put("finance_account_id", p.accountId());
            } else {
                String[] service = pick(rnd, Vocabulary.SERVICES);
                String[] kind = pick(rnd, SALES_KINDS);
                line.put("comment", service[0]);
                line.put("price", Vocabulary.money(rnd, 1000, 200_000));
                if (service[1] != null) {
                    line.put("unit", service[1]);
                }
                line.put("vat_code_id", vat.get(kind[0]));
                line.put("finance_account_id", accounts.get(kind[1]));
            }
            line.put("amount", new BigDecimal(pick(rnd, Vocabulary.QUANTITIES)));
            if (rnd.nextInt(4) == 0) {
                line.put("discount", new BigDecimal(pick(rnd, Vocabulary.DISCOUNTS)));
            }
            lines.add(line);
        }
        return lines;
    }

    private Map<String, Object> header(Contact c, LocalDate date) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company_id", c.id());
        body.put("date", date.toString());
        body.put("deadline", date.plusDays(rnd.nextBoolean() ? 14 : 30).toString());
        body.put("currency", c.currency());
        body.put("currency_rate", spec.rate(c.currency()));
        return body;
    }

    private List<Map<String, Object>> prepayments() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < spec.prepayments(); i++) {
            Contact c = clients.get(rnd.nextInt(clients.size()));
            Map<String, Object> body = header(c, documentDate());
            body.put("is_sent", 1);
            body.put("payment_type", "banktransfer");
            body.put("prepayment_percent", new BigDecimal(pick(rnd, PREPAYMENT_PERCENTS)));
            body.put("description", "Advance payment for " + pick(rnd, Vocabulary.SERVICES)[0].toLowerCase());
            body.put("lines", salesLines(1 + rnd.nextInt(2)));
            Map<String, Object> saved = DataGenerator.checked("Scoro prepayment invoice", body,
                    () -> scoro.createPrepayment(cid, body));
            ids.get(ScoroKind.PREPAYMENT).add(((Number) saved.get("id")).longValue());
            out.add(saved);
        }
        return out;
    }

    private List<Map<String, Object>> invoices(List<Map<String, Object>> prepayments) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < spec.invoices(); i++) {
            Contact c = clients.get(rnd.nextInt(clients.size()));
            if (i < spec.currencies().size()) {
                String currency = spec.currencies().get(i);
                c = clients.stream().filter(x -> x.currency().equals(currency)).findFirst().orElse(c);
            }
            Long prepaymentId = null;
            if (i % 2 == 0 && i / 2 < prepayments.size()) {
                // Every other prepayment invoice is followed by its final invoice (same client and currency).
                Map<String, Object> p = prepayments.get(i / 2);
                long companyId = ((Number) p.get("company_id")).longValue();
                c = clients.stream().filter(x -> x.id() == companyId).findFirst().orElseThrow();
                prepaymentId = ((Number) p.get("id")).longValue();
            }
            LocalDate date = documentDate();
            Map<String, Object> body = header(c, date);
            // The first invoice is always sent so that credit invoices have something to credit.
            body.put("is_sent", i == 0 || rnd.nextInt(3) != 0 ? 1 : 0);
            body.put("payment_type", rnd.nextInt(5) == 0 ? "cardpayment" : "banktransfer");
            if (rnd.nextInt(3) == 0) {
                body.put("reference_no", "PO-" + (10_000 + rnd.nextInt(90_000)));
            }
            body.put("description", "Services " + date.getMonth().toString().charAt(0)
                    + date.getMonth().toString().substring(1).toLowerCase() + " " + date.getYear());
            if (prepaymentId != null) {
                body.put("prepayment_id", List.of(prepaymentId));
            }
            body.put("lines", salesLines(1 + rnd.nextInt(5)));
            Map<String, Object> saved = DataGenerator.checked("Scoro invoice", body, () -> scoro.createInvoice(cid, body));
            ids.get(ScoroKind.INVOICE).add(((Number) saved.get("id")).longValue());
            out.add(saved);
        }
        return out;
    }

    /** Credit invoices with positive amounts that credit (part of) one line of a sent invoice. */
    @SuppressWarnings("unchecked")
    private void creditInvoices(List<Map<String, Object>> invoices) {
        List<Map<String, Object>> sent = invoices.stream().filter(i -> ((Number) i.get("is_sent")).intValue() == 1).toList();
        List<Map<String, Object>> candidates = new ArrayList<>(sent);
        for (int i = 0; i < spec.creditNotes(); i++) {
            if (candidates.isEmpty()) {
                candidates.addAll(sent);
            }
            Map<String, Object> target = candidates.remove(rnd.nextInt(candidates.size()));
            List<Map<String, Object>> targetLines = (List<Map<String, Object>>) target.get("lines");
            Map<String, Object> src = targetLines.get(rnd.nextInt(targetLines.size()));
            Map<String, Object> line = new LinkedHashMap<>();
            if (src.get("product_id") != null) {
                line.put("product_id", src.get("product_id"));
            }
            line.put("comment", "Credit: " + src.get("comment"));
            line.put("price", src.get("price"));
            BigDecimal qty = new BigDecimal(src.get("amount").toString());
            line.put("amount", rnd.nextBoolean() || qty.compareTo(BigDecimal.ONE) <= 0 ? qty
                    : qty.divide(BigDecimal.valueOf(2), 4, RoundingMode.DOWN));
            if (src.get("discount") != null) {
                line.put("discount", src.get("discount"));
            }
            line.put("vat_code_id", src.get("vat_code_id"));
            line.put("finance_account_id", src.get("finance_account_id"));
            LocalDate date = LocalDate.parse((String) target.get("date")).plusDays(rnd.nextInt(1, 15));
            if (date.isAfter(spec.referenceDate())) {
                date = spec.referenceDate();
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("company_id", target.get("company_id"));
            body.put("date", date.toString());
            body.put("deadline", date.toString());
            body.put("currency", target.get("currency"));
            body.put("currency_rate", target.get("currency_rate"));
            body.put("is_sent", 1);
            body.put("payment_type", "credit");
            body.put("description", "Credit for invoice " + target.get("no"));
            body.put("credited_invoices", List.of(((Number) target.get("id")).longValue()));
            body.put("lines", List.of(line));
            Map<String, Object> saved = DataGenerator.checked("Scoro credit invoice", body,
                    () -> scoro.createInvoice(cid, body));
            ids.get(ScoroKind.CREDIT_INVOICE).add(((Number) saved.get("id")).longValue());
        }
    }

    private void bills() {
        for (int i = 0; i < spec.bills(); i++) {
            Contact c = suppliers.get(rnd.nextInt(suppliers.size()));
            LocalDate date = documentDate();
            Map<String, Object> body = header(c, date);
            body.put("no", pick(rnd, new String[] {"SI-", "INV", "", "B/"}) + (1000 + rnd.nextInt(90_000)));
            body.put("payment_type", "banktransfer");
            if (rnd.nextInt(3) == 0) {
                body.put("dateofpayment", date.plusDays(rnd.nextInt(1, 20)).toString());
            }
            body.put("recognition_date", date.toString());
            List<Map<String, Object>> lines = new ArrayList<>();
            int count = 1 + rnd.nextInt(4);
            for (int l = 0; l < count; l++) {
                String[] item = pick(rnd, Vocabulary.PURCHASES);
                String[] kind = pick(rnd, PURCHASE_KINDS);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("comment", item[0]);
                line.put("price", Vocabulary.money(rnd, 500, 150_000));
                line.put("amount", new BigDecimal(pick(rnd, Vocabulary.QUANTITIES)));
                if (item[1] != null) {
                    line.put("unit", item[1]);
                }
                line.put("vat_code_id", vat.get(kind[0]));
                line.put("finance_account_id", accounts.get(kind[1]));
                lines.add(line);
            }
            body.put("lines", lines);
            Map<String, Object> saved = DataGenerator.checked("Scoro bill", body, () -> scoro.createBill(cid, body));
            ids.get(ScoroKind.BILL).add(((Number) saved.get("id")).longValue());
        }
    }
}
