package io.sxs.sandbox.demo;

import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.scoro.ScoroSandbox;
import io.sxs.sandbox.xero.XeroSandbox;
import io.sxs.sandbox.xero.XeroTenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Realistic demo data, the same for the same seed (dates are relative to the sandbox's today).
 * It fills Scoro only: the Xero organisation starts with its default accounts and tax rates and two tracking
 * categories (Region, Department), which is the state a first sync starts from.
 */
public final class DemoData {

    private static final String[] FIRST = {"Northern", "Blue", "Silver", "Oakwood", "Harbour", "Granite", "Crimson",
        "Evergreen", "Summit", "Riverside", "Kingfisher", "Brightwater", "Ironbridge", "Meadow", "Westfield", "Copper",
        "Lighthouse", "Thistle", "Ashford", "Redcliffe"};
    private static final String[] SECOND = {"Analytics", "Logistics", "Media", "Labs", "Design", "Foods", "Engineering",
        "Consulting", "Architects", "Studios", "Partners", "Systems", "Interiors", "Events", "Printing", "Ventures"};
    private static final String[] SUFFIX = {"Ltd", "Limited", "LLP", "plc", "& Co"};
    private static final String[] CITIES = {"London", "Manchester", "Bristol", "Leeds", "Edinburgh", "Glasgow",
        "Cardiff", "Birmingham", "Nottingham", "Brighton", "York", "Belfast"};
    private static final String[] STREETS = {"High Street", "Station Road", "Church Lane", "Victoria Road",
        "Mill Lane", "King Street", "Queens Road", "Park Avenue", "Market Square", "Bridge Street"};
    private static final String[] SERVICES = {"Consulting hours", "Design sprint", "Website maintenance",
        "Brand workshop", "Project management", "Copywriting", "Photography day", "Hosting (annual)",
        "Print run", "Travel expenses recharge", "Software licence", "Training session"};
    private static final String[] UNITS = {"h", "pcs", "day", "month", null};
    /** Vat code and finance account pairs that are valid together in Xero (output VAT only on revenue accounts). */
    private static final String[][] LINE_KINDS = {
        {"OUTPUT2", "200"}, {"OUTPUT2", "200"}, {"OUTPUT2", "260"}, {"RROUTPUT", "200"},
        {"ZERORATEDOUTPUT", "260"}, {"NONE", "400"}, {"NONE", "310"},
    };
    private static final String[] QUANTITIES = {"1", "1", "2", "3", "0.5", "1.5", "2.25", "7.5", "10", "0.75", "12.125"};
    private static final String[] DISCOUNTS = {"5", "10", "12.5", "15"};
    /** Products: code, name (one of the services), price, VAT code, sales account. */
    private static final String[][] PRODUCTS = {
        {"CONSULT-H", "Consulting hours", "95.00", "OUTPUT2", "200"},
        {"DESIGN-SPRINT", "Design sprint", "1850.00", "OUTPUT2", "200"},
        {"HOSTING-Y", "Hosting (annual)", "240.00", "OUTPUT2", "260"},
        {"TRAINING", "Training session", "450.00", "RROUTPUT", "200"},
        {"LICENCE", "Software licence", "120.00", "OUTPUT2", "260"},
    };
    /** Purchase lines: what a supplier bills, its VAT code and expense account (input VAT on expense accounts). */
    private static final String[][] PURCHASES = {
        {"Office supplies", "INPUT2", "400"}, {"Subcontracted design", "INPUT2", "310"},
        {"Printing", "INPUT2", "400"}, {"Travel", "NONE", "400"}, {"Stock for resale", "INPUT2", "310"},
    };

    private DemoData() {
    }

    public static DemoSeedResult seed(ScoroSandbox scoro, XeroSandbox xero, long seed, int contacts, int invoices) {
        Random rnd = new Random(seed);
        ScoroCompany company = scoro.createCompany("Demo Agency Ltd");
        XeroTenant tenant = xero.createTenant("Demo Agency Ltd");
        xero.addCurrency(tenant.tenantId(), "EUR"); // the agency also invoices in euros (Scoro has EUR active)
        // Two tracking categories, as Xero allows: a connection syncs the one it names.
        xero.createTrackingCategory(tenant.tenantId(), "Region", List.of("North", "South", "Scotland", "Wales"));
        xero.createTrackingCategory(tenant.tenantId(), "Department", List.of("Design", "Delivery", "Support"));
        String cid = company.companyAccountId();

        Map<String, Long> vat = new LinkedHashMap<>();
        scoro.vatCodes(cid).forEach(v -> vat.put((String) v.get("vat_code"), ((Number) v.get("vat_code_id")).longValue()));
        Map<String, Long> accounts = new LinkedHashMap<>();
        scoro.financeAccounts(cid).forEach(a -> accounts.put((String) a.get("account_symbol"), ((Number) a.get("id")).longValue()));

        List<Long> contactIds = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < contacts; i++) {
            String name = uniqueName(rnd, names);
            String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
            String city = pick(rnd, CITIES);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("contact_type", "company");
            body.put("name", name);
            body.put("id_code", String.format("%08d", 1_000_000 + rnd.nextInt(9_000_000)));
            body.put("vatno", "GB" + (100_000_000 + rnd.nextInt(899_999_999)));
            body.put("reference_no", "C-" + (1000 + i));
            body.put("is_client", 1);
            body.put("is_supplier", rnd.nextInt(5) == 0 ? 1 : 0);
            body.put("addresses", List.of(Map.of(
                    "country", "GBR",
                    "county", "",
                    "city", city,
                    "street", (1 + rnd.nextInt(180)) + " " + pick(rnd, STREETS),
                    "zipcode", postcode(rnd))));
            body.put("means_of_contact", Map.of(
                    "email", List.of("accounts@" + slug + ".co.uk"),
                    "phone", List.of(String.format("+44 20 %04d %04d", rnd.nextInt(10_000), rnd.nextInt(10_000))),
                    "website", List.of("https://www." + slug + ".co.uk")));
            Map<String, Object> saved = scoro.createContact(cid, body);
            contactIds.add(((Number) saved.get("contact_id")).longValue());
        }

        // Products and bills draw from their own sequence, so the contacts and invoices stay what they were per seed.
        Random extra = new Random(seed * 31 + 7);
        List<Long> productIds = new ArrayList<>();
        List<String[]> products = new ArrayList<>();
        for (String[] p : PRODUCTS) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", p[0]);
            body.put("name", p[1]);
            body.put("price", new BigDecimal(p[2]));
            body.put("unit", p[0].endsWith("-H") ? "h" : "pcs");
            body.put("is_service", 1);
            body.put("default_vat_code_id", vat.get(p[3]));
            body.put("default_sales_tax_id", vat.get(p[3]));
            body.put("sales_finance_account_id", accounts.get(p[4]));
            productIds.add(((Number) scoro.createRecord(cid, "products", body).get("product_id")).longValue());
            products.add(p);
        }

        LocalDate today = scoro.clock().instant().atOffset(ZoneOffset.UTC).toLocalDate();
        List<Long> invoiceIds = new ArrayList<>();
        List<Map<String, Object>> sent = new ArrayList<>();
        List<Long> creditIds = new ArrayList<>();
        for (int i = 0; i < invoices && !contactIds.isEmpty(); i++) {
            LocalDate date = today.minusDays(rnd.nextInt(90));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("company_id", contactIds.get(rnd.nextInt(contactIds.size())));
            body.put("date", date.toString());
            body.put("deadline", date.plusDays(rnd.nextBoolean() ? 14 : 30).toString());
            body.put("currency", "GBP");
            body.put("is_sent", rnd.nextInt(3) == 0 ? 0 : 1);
            boolean euro = invoices > 1 && i == invoices - 1;
            if (euro) {
                // The last invoice is in euros, sent, and credited by nothing: a payment in a foreign currency.
                body.put("currency", "EUR");
                body.put("currency_rate", new BigDecimal("1.150000"));
                body.put("is_sent", 1);
            }
            body.put("payment_type", "banktransfer");
            body.put("description", "Services " + date.getMonth().toString().charAt(0)
                    + date.getMonth().toString().substring(1).toLowerCase(Locale.ROOT) + " " + date.getYear());
            List<Map<String, Object>> lines = new ArrayList<>();
            int lineCount = 1 + rnd.nextInt(5);
            for (int l = 0; l < lineCount; l++) {
                String[] kind = LINE_KINDS[rnd.nextInt(LINE_KINDS.length)];
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("comment", pick(rnd, SERVICES));
                line.put("price", new BigDecimal(10 + rnd.nextInt(2000)).add(new BigDecimal(rnd.nextInt(100)).movePointLeft(2)));
                line.put("amount", new BigDecimal(pick(rnd, QUANTITIES)));
                if (rnd.nextInt(4) == 0) {
                    line.put("discount", new BigDecimal(pick(rnd, DISCOUNTS)));
                }
                String unit = pick(rnd, UNITS);
                if (unit != null) {
                    line.put("unit", unit);
                }
                line.put("vat_code_id", vat.get(kind[0]));
                line.put("finance_account_id", accounts.get(kind[1]));
                if (extra.nextInt(3) == 0) {
                    // A product line: its name, price, VAT code and account.
                    int p = extra.nextInt(products.size());
                    line.put("product_id", productIds.get(p));
                    line.put("comment", products.get(p)[1]);
                    line.put("price", new BigDecimal(products.get(p)[2]));
                    line.put("vat_code_id", vat.get(products.get(p)[3]));
                    line.put("finance_account_id", accounts.get(products.get(p)[4]));
                }
                lines.add(line);
            }
            body.put("lines", lines);
            Map<String, Object> saved = scoro.createInvoice(cid, body);
            invoiceIds.add(((Number) saved.get("id")).longValue());
            if (Integer.valueOf(1).equals(body.get("is_sent")) && !euro) {
                sent.add(saved);
            }
        }

        // Credit invoices for a few sent invoices: a tenth of the first line's price, with its VAT code and account.
        for (int i = 0; i < Math.min(3, sent.size()); i++) {
            Map<String, Object> target = sent.get(extra.nextInt(sent.size()));
            Map<?, ?> first = (Map<?, ?>) ((List<?>) target.get("lines")).get(0);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("comment", "Credit: " + first.get("comment"));
            line.put("price", new BigDecimal(String.valueOf(first.get("price"))).movePointLeft(1).setScale(2, java.math.RoundingMode.DOWN));
            line.put("amount", BigDecimal.ONE);
            line.put("vat_code_id", first.get("vat_code_id"));
            line.put("finance_account_id", first.get("finance_account_id"));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("company_id", target.get("company_id"));
            body.put("date", today.toString());
            body.put("deadline", today.toString());
            body.put("currency", "GBP");
            body.put("is_sent", 1);
            body.put("payment_type", "credit");
            body.put("description", "Credit for invoice " + target.get("no"));
            body.put("credited_invoices", List.of(((Number) target.get("id")).longValue()));
            body.put("lines", List.of(line));
            creditIds.add(((Number) scoro.createInvoice(cid, body).get("id")).longValue());
        }

        // Bills from a few suppliers (a fifth as many as invoices).
        List<Long> billIds = new ArrayList<>();
        int bills = Math.max(1, invoices / 5);
        for (int i = 0; i < bills && !contactIds.isEmpty(); i++) {
            long supplier = contactIds.get(extra.nextInt(Math.min(contactIds.size(), 4)));
            scoro.updateContact(cid, supplier, Map.of("is_supplier", 1));
            LocalDate date = today.minusDays(extra.nextInt(60));
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int l = 0; l < 1 + extra.nextInt(3); l++) {
                String[] kind = PURCHASES[extra.nextInt(PURCHASES.length)];
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("comment", kind[0]);
                line.put("price", new BigDecimal(5 + extra.nextInt(900)).add(new BigDecimal(extra.nextInt(100)).movePointLeft(2)));
                line.put("amount", new BigDecimal(1 + extra.nextInt(4)));
                line.put("vat_code_id", vat.get(kind[1]));
                line.put("finance_account_id", accounts.get(kind[2]));
                lines.add(line);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("no", "SUP-" + (5000 + i));
            body.put("company_id", supplier);
            body.put("date", date.toString());
            body.put("deadline", date.plusDays(30).toString());
            body.put("currency", "GBP");
            body.put("lines", lines);
            billIds.add(((Number) scoro.createBill(cid, body).get("id")).longValue());
        }
        return new DemoSeedResult(company, tenant, List.copyOf(contactIds), List.copyOf(invoiceIds), List.copyOf(productIds),
                List.copyOf(billIds), List.copyOf(creditIds));
    }

    private static String uniqueName(Random rnd, Set<String> used) {
        for (int attempt = 0; ; attempt++) {
            String name = pick(rnd, FIRST) + " " + pick(rnd, SECOND) + " " + pick(rnd, SUFFIX);
            if (attempt > 20) {
                name = name + " " + (used.size() + 1);
            }
            if (used.add(name)) {
                return name;
            }
        }
    }

    private static String postcode(Random rnd) {
        String letters = "ABCDEFGHJKLMNPRSTUWYZ";
        return "" + letters.charAt(rnd.nextInt(letters.length())) + letters.charAt(rnd.nextInt(letters.length()))
                + (1 + rnd.nextInt(20)) + " " + rnd.nextInt(10) + letters.charAt(rnd.nextInt(letters.length()))
                + letters.charAt(rnd.nextInt(letters.length()));
    }

    private static <T> T pick(Random rnd, T[] values) {
        return values[rnd.nextInt(values.length)];
    }
}
