package io.sxs.sandbox.generator;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.generator.GeneratedData.XeroKind;
import io.sxs.sandbox.generator.Vocabulary.Country;
import io.sxs.sandbox.xero.XeroSandbox;
import io.sxs.sandbox.xero.XeroTenant;

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
import java.util.function.Predicate;

import static io.sxs.sandbox.generator.Vocabulary.pick;

/**
 * One Xero organisation's data. Contacts, invoices, bills, credit notes and their allocations, payments and bank
 * transactions go through the XeroSandbox helpers; currencies, tracking, items and prepayment/overpayment allocations
 * through the API ({@link XeroApiWriter}).
 */
final class XeroSide {

    private static final String BANK = "090";
    /** Sales tax type and account pairs valid together (UK defaults). */
    private static final String[][] SALES_KINDS = {{"OUTPUT2", "200"}, {"OUTPUT2", "200"}, {"OUTPUT2", "260"},
        {"RROUTPUT", "200"}, {"ZERORATEDOUTPUT", "260"}, {"EXEMPTOUTPUT", "270"}, {"NONE", "200"}};
    private static final String[][] PURCHASE_KINDS = {{"INPUT2", "429"}, {"INPUT2", "310"}, {"INPUT2", "400"},
        {"RRINPUT", "429"}, {"ZERORATEDINPUT", "310"}, {"EXEMPTINPUT", "404"}, {"NONE", "429"}};
    private static final Map<String, BigDecimal> TAX_PERCENT = Map.of("OUTPUT2", new BigDecimal("20"),
            "INPUT2", new BigDecimal("20"), "RROUTPUT", new BigDecimal("5"), "RRINPUT", new BigDecimal("5"));

    private record Contact(String id, String currency) {
    }

    private record Doc(String id, String type, String number, String contactId, String currency, BigDecimal rate,
                       LocalDate date) {
        boolean sales() {
            return "ACCREC".equals(type);
        }
    }

    private final XeroSandbox xero;
    private final String tid;
    private final XeroApiWriter api;
    private final GeneratorSpec spec;
    private final SplittableRandom rnd;
    private final Map<XeroKind, List<String>> ids = new EnumMap<>(XeroKind.class);
    private final List<Contact> customers = new ArrayList<>();
    private final List<Contact> suppliers = new ArrayList<>();
    private final List<String> itemCodes = new ArrayList<>();
    /** Tracking category name → option names. */
    private final Map<String, List<String>> tracking = new LinkedHashMap<>();
    /** AUTHORISED invoices and bills, in creation order. */
    private final List<Doc> authorised = new ArrayList<>();
    /** Documents that already got a payment or credit (later operations prefer untouched ones). */
    private final Set<String> touched = new HashSet<>();

    private XeroSide(XeroSandbox xero, XeroTenant tenant, GeneratorSpec spec, SplittableRandom rnd) {
        this.xero = xero;
        this.tid = tenant.tenantId();
        this.api = new XeroApiWriter(xero.apiBase(), tenant);
        this.spec = spec;
        this.rnd = rnd;
        for (XeroKind k : XeroKind.values()) {
            ids.put(k, new ArrayList<>());
        }
    }

    static Map<XeroKind, List<String>> generate(XeroSandbox xero, XeroTenant tenant, GeneratorSpec spec, SplittableRandom rnd) {
        XeroSide s = new XeroSide(xero, tenant, spec, rnd);
        s.run();
        return s.ids;
    }

    private void run() {
        currencies();
        trackingCategories();
        items();
        contacts();
        invoices();
        bills();
        payments();
        creditNotes();
        credits("RECEIVE-PREPAYMENT", spec.prepayments(), XeroKind.PREPAYMENT, XeroKind.PREPAYMENT_ALLOCATION);
        credits("RECEIVE-OVERPAYMENT", spec.overpayments(), XeroKind.OVERPAYMENT, XeroKind.OVERPAYMENT_ALLOCATION);
    }

    // ---- settings through the API ------------------------------------------------------------------------------

    private void currencies() {
        if (spec.currencyRates().isEmpty()) {
            return;
        }
        List<Map<String, Object>> list = spec.currencyRates().keySet().stream().map(c -> Map.<String, Object>of("Code", c)).toList();
        for (JsonNode c : api.put("/Currencies", Map.of("Currencies", list)).path("Currencies")) {
            ids.get(XeroKind.CURRENCY).add(c.get("Code").asText());
        }
    }

    private void trackingCategories() {
        Map<String, String[]> wanted = new LinkedHashMap<>();
        wanted.put("Region", Vocabulary.REGIONS);
        wanted.put("Department", Vocabulary.DEPARTMENTS);
        List<Map<String, Object>> categories = wanted.keySet().stream().map(n -> Map.<String, Object>of("Name", n)).toList();
        for (JsonNode c : api.put("/TrackingCategories", Map.of("TrackingCategories", categories)).path("TrackingCategories")) {
            String id = c.get("TrackingCategoryID").asText();
            String name = c.get("Name").asText();
            ids.get(XeroKind.TRACKING_CATEGORY).add(id);
            List<Map<String, Object>> options = new ArrayList<>();
            for (String o : wanted.get(name)) {
                options.add(Map.of("Name", o));
            }
            List<String> names = new ArrayList<>();
            for (JsonNode o : api.put("/TrackingCategories/" + id + "/Options", Map.of("Options", options)).path("Options")) {
                ids.get(XeroKind.TRACKING_OPTION).add(o.get("TrackingOptionID").asText());
                names.add(o.get("Name").asText());
            }
            tracking.put(name, names);
        }
    }

    private void items() {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < spec.items(); i++) {
            Object[] p = Vocabulary.PRODUCTS[i % Vocabulary.PRODUCTS.length];
            int round = i / Vocabulary.PRODUCTS.length;
            String code = round == 0 ? (String) p[0] : p[0] + "-" + (round + 1);
            String name = round == 0 ? (String) p[1] : p[1] + " (" + (round + 1) + ")";
            BigDecimal price = Vocabulary.money(rnd, (Integer) p[3], (Integer) p[4]);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("Code", code);
            item.put("Name", name);
            item.put("Description", name);
            item.put("PurchaseDescription", name + " (bought in)");
            item.put("SalesDetails", Map.of("UnitPrice", price, "AccountCode", i % 3 == 2 ? "260" : "200",
                    "TaxType", i % 3 == 2 ? "RROUTPUT" : "OUTPUT2"));
            item.put("PurchaseDetails", Map.of("UnitPrice", price.multiply(new BigDecimal("0.55")).setScale(2, RoundingMode.HALF_UP),
                    "AccountCode", "310", "TaxType", "INPUT2"));
            batch.add(item);
            itemCodes.add(code);
            if (batch.size() == 50 || i == spec.items() - 1) {
                for (JsonNode saved : api.put("/Items?unitdp=4", Map.of("Items", batch)).path("Items")) {
                    ids.get(XeroKind.ITEM).add(saved.get("ItemID").asText());
                }
                batch = new ArrayList<>();
            }
        }
    }

    // ---- contacts and documents through the helpers ------------------------------------------------------------

    private void contacts() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < spec.contacts(); i++) {
            // The first contacts are companies in each of the spec's currencies (GBP first), so that every currency is used.
            List<String> currencies = spec.currencies();
            String forced = i < currencies.size() ? currencies.get(i) : null;
            Country country = forced != null ? Vocabulary.countryFor(rnd, forced) : pick(rnd, Vocabulary.COUNTRIES);
            boolean person = i >= Math.max(2, currencies.size()) && (i % 5 == 4 || rnd.nextInt(10) == 0);
            boolean supplier = !person && (i == 1 || rnd.nextInt(4) == 0);
            boolean customer = true;
            String currency = forced != null ? forced
                    : spec.currencyRates().containsKey(country.currency()) && rnd.nextInt(5) != 0
                    ? country.currency() : GeneratorSpec.BASE_CURRENCY;
            Map<String, Object> body = new LinkedHashMap<>();
            if (person) {
                String[] n = Vocabulary.personName(rnd, names);
                body.put("Name", n[0] + " " + n[1]);
                body.put("FirstName", n[0]);
                body.put("LastName", n[1]);
                body.put("EmailAddress", Vocabulary.slug(n[0]) + "." + Vocabulary.slug(n[1]) + "@"
                        + pick(rnd, new String[] {"gmail.com", "outlook.com", "proton.me"}));
            } else {
                String name = Vocabulary.companyName(rnd, country, names);
                String[] contact = Vocabulary.personName(rnd, new HashSet<>());
                body.put("Name", name);
                body.put("FirstName", contact[0]);
                body.put("LastName", contact[1]);
                body.put("EmailAddress", (supplier ? "billing@" : "accounts@") + Vocabulary.slug(name) + "." + country.tld());
                body.put("TaxNumber", country.iso3().substring(0, 2) + (100_000_000 + rnd.nextInt(899_999_999)));
                body.put("CompanyNumber", String.format("%08d", 1_000_000 + rnd.nextInt(9_000_000)));
            }
            body.put("AccountNumber", (supplier && !customer ? "S" : "C") + (2001 + i));
            if (!GeneratorSpec.BASE_CURRENCY.equals(currency)) {
                body.put("DefaultCurrency", currency);
            }
            body.put("Addresses", List.of(Map.of("AddressType", "STREET", "AddressLine1", Vocabulary.street(rnd, country),
                    "City", pick(rnd, country.cities()), "PostalCode", Vocabulary.postcode(rnd, country),
                    "Country", country.name())));
            body.put("Phones", List.of(Map.of("PhoneType", person ? "MOBILE" : "DEFAULT",
                    "PhoneNumber", Vocabulary.phone(rnd, country))));
            Map<String, Object> saved = DataGenerator.checked("Xero contact", body, () -> xero.createContact(tid, body));
            String id = (String) saved.get("ContactID");
            ids.get(XeroKind.CONTACT).add(id);
            Contact c = new Contact(id, currency);
            if (customer) {
                customers.add(c);
            }
            if (supplier) {
                suppliers.add(c);
            }
        }
    }

    private LocalDate documentDate() {
        return spec.referenceDate().minusDays(rnd.nextInt(121));
    }

    private LocalDate after(LocalDate date, int maxDays) {
        LocalDate d = date.plusDays(rnd.nextInt(0, maxDays + 1));
        return d.isAfter(spec.referenceDate()) ? spec.referenceDate() : d;
    }

    private List<Map<String, Object>> trackingFor() {
        List<Map<String, Object>> out = new ArrayList<>();
        int roll = rnd.nextInt(10);
        if (roll < 4) {
            for (Map.Entry<String, List<String>> c : tracking.entrySet()) {
                if (out.isEmpty() || roll < 2) {
                    out.add(Map.of("Name", c.getKey(), "Option", c.getValue().get(rnd.nextInt(c.getValue().size()))));
                }
            }
        }
        return out;
    }

    private List<Map<String, Object>> lines(boolean sales, int count) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            Map<String, Object> line = new LinkedHashMap<>();
            if (!itemCodes.isEmpty() && rnd.nextInt(4) == 0) {
                // Description, price, account and tax type come from the item's sales or purchase details.
                line.put("ItemCode", itemCodes.get(rnd.nextInt(itemCodes.size())));
                line.put("Quantity", new BigDecimal(pick(rnd, Vocabulary.QUANTITIES)));
            } else {
                String[] text = pick(rnd, sales ? Vocabulary.SERVICES : Vocabulary.PURCHASES);
                String[] kind = pick(rnd, sales ? SALES_KINDS : PURCHASE_KINDS);
                line.put("Description", text[0]);
                line.put("Quantity", new BigDecimal(pick(rnd, Vocabulary.QUANTITIES)));
                // Some unit amounts carry 4 decimals (the helpers accept them as with unitdp=4).
                line.put("UnitAmount", rnd.nextInt(5) == 0 ? BigDecimal.valueOf(rnd.nextInt(10_000, 5_000_000), 4)
                        : Vocabulary.money(rnd, 500, 200_000));
                line.put("AccountCode", kind[1]);
                line.put("TaxType", kind[0]);
            }
            if (sales && rnd.nextInt(5) == 0) {
                line.put("DiscountRate", new BigDecimal(pick(rnd, Vocabulary.DISCOUNTS)));
            }
            List<Map<String, Object>> t = trackingFor();
            if (!t.isEmpty()) {
                line.put("Tracking", t);
            }
            lines.add(line);
        }
        return lines;
    }

    private void invoices() {
        for (int i = 0; i < spec.invoices(); i++) {
            Contact c = customers.get(rnd.nextInt(customers.size()));
            if (i < spec.currencies().size()) {
                String currency = spec.currencies().get(i);
                c = customers.stream().filter(x -> x.currency().equals(currency)).findFirst().orElse(c);
            }
            String status = i % 7 == 3 ? "DRAFT" : i % 13 == 6 ? "SUBMITTED" : "AUTHORISED";
            LocalDate date = documentDate();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Type", "ACCREC");
            body.put("Contact", Map.of("ContactID", c.id()));
            body.put("Date", date.toString());
            body.put("DueDate", date.plusDays(rnd.nextBoolean() ? 14 : 30).toString());
            body.put("LineAmountTypes", i % 6 == 5 ? "Inclusive" : "Exclusive");
            body.put("CurrencyCode", c.currency());
            body.put("CurrencyRate", spec.rate(c.currency()));
            if (rnd.nextInt(3) == 0) {
                body.put("Reference", "PO-" + (10_000 + rnd.nextInt(90_000)));
            }
            body.put("Status", status);
            if ("AUTHORISED".equals(status) && rnd.nextBoolean()) {
                body.put("SentToContact", true);
            }
            body.put("LineItems", lines(true, 1 + rnd.nextInt(5)));
            Map<String, Object> saved = DataGenerator.checked("Xero invoice", body, () -> xero.createInvoice(tid, body));
            record(saved, status, date, XeroKind.INVOICE);
        }
    }

    private void bills() {
        for (int i = 0; i < spec.bills(); i++) {
            Contact c = suppliers.get(rnd.nextInt(suppliers.size()));
            String status = i % 5 == 4 ? "DRAFT" : "AUTHORISED";
            LocalDate date = documentDate();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Type", "ACCPAY");
            body.put("Contact", Map.of("ContactID", c.id()));
            body.put("InvoiceNumber", pick(rnd, new String[] {"SI-", "INV", "", "B/"}) + (1000 + rnd.nextInt(90_000)));
            body.put("Date", date.toString());
            body.put("DueDate", date.plusDays(30).toString());
            body.put("CurrencyCode", c.currency());
            body.put("CurrencyRate", spec.rate(c.currency()));
            body.put("Status", status);
            body.put("LineItems", lines(false, 1 + rnd.nextInt(4)));
            Map<String, Object> saved = DataGenerator.checked("Xero bill", body, () -> xero.createInvoice(tid, body));
            record(saved, status, date, XeroKind.BILL);
        }
    }

    private void record(Map<String, Object> saved, String status, LocalDate date, XeroKind kind) {
        String id = (String) saved.get("InvoiceID");
        ids.get(kind).add(id);
        if ("AUTHORISED".equals(status)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> contact = (Map<String, Object>) saved.get("Contact");
            authorised.add(new Doc(id, (String) saved.get("Type"), (String) saved.get("InvoiceNumber"),
                    (String) contact.get("ContactID"), (String) saved.get("CurrencyCode"),
                    new BigDecimal(saved.get("CurrencyRate").toString()), date));
        }
    }

    private BigDecimal due(Doc d) {
        return new BigDecimal(xero.invoice(tid, d.id()).get("AmountDue").toString());
    }

    /**
     * An AUTHORISED document with at least {@code minDue} outstanding that matches; untouched ones first, then a random
     * one of the others; null when there is none.
     */
    private Doc target(Predicate<Doc> filter, BigDecimal minDue) {
        List<Doc> fresh = new ArrayList<>();
        List<Doc> used = new ArrayList<>();
        for (Doc d : authorised) {
            if (filter.test(d) && due(d).compareTo(minDue) >= 0) {
                (touched.contains(d.id()) ? used : fresh).add(d);
            }
        }
        List<Doc> from = fresh.isEmpty() ? used : fresh;
        if (from.isEmpty()) {
            return null;
        }
        Doc d = from.get(rnd.nextInt(from.size()));
        touched.add(d.id());
        return d;
    }

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal TEN = new BigDecimal("10.00");

    private void payments() {
        for (int k = 0; k < spec.payments(); k++) {
            Doc d = k % 3 == 2 ? target(x -> !x.sales(), CENT) : null;
            if (d == null) {
                d = target(Doc::sales, CENT);
            }
            if (d == null) {
                d = target(x -> true, CENT);
            }
            if (d == null) {
                throw new IllegalStateException("the spec asks for " + spec.payments() + " payments but only " + k
                        + " could be made: no AUTHORISED invoice or bill has anything left to pay");
            }
            BigDecimal due = due(d);
            BigDecimal amount = due;
            if (k % 2 == 1) {
                BigDecimal part = Vocabulary.share(rnd, due, 25, 75);
                if (part.signum() > 0 && part.compareTo(due) < 0) {
                    amount = part;
                }
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Invoice", Map.of("InvoiceID", d.id()));
            body.put("Account", Map.of("Code", BANK));
            body.put("Date", after(d.date(), 30).toString());
            body.put("Amount", amount);
            body.put("CurrencyRate", d.rate());
            body.put("Reference", d.sales() ? "Remittance " + d.number() : "BACS " + (100_000 + rnd.nextInt(900_000)));
            Map<String, Object> saved = DataGenerator.checked("Xero payment", body, () -> xero.createPayment(tid, body));
            ids.get(XeroKind.PAYMENT).add((String) saved.get("PaymentID"));
        }
    }

    @SuppressWarnings("unchecked")
    private void creditNotes() {
        for (int k = 0; k < spec.creditNotes(); k++) {
            boolean allocate = k % 4 != 3;
            Doc d = null;
            if (allocate) {
                d = k % 5 == 4 ? target(x -> !x.sales(), TEN) : null;
                d = d == null ? target(Doc::sales, TEN) : d;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            Map<String, Object> line = new LinkedHashMap<>();
            if (d != null) {
                Map<String, Object> inv = xero.invoice(tid, d.id());
                List<Map<String, Object>> invLines = ((List<Map<String, Object>>) inv.get("LineItems")).stream()
                        .filter(l -> l.get("AccountCode") != null).toList();
                Map<String, Object> src = invLines.get(rnd.nextInt(invLines.size()));
                String taxType = (String) src.get("TaxType");
                BigDecimal gross = Vocabulary.share(rnd, due(d), 20, 80);
                BigDecimal net = gross.multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(100).add(TAX_PERCENT.getOrDefault(taxType, BigDecimal.ZERO)), 2, RoundingMode.DOWN);
                line.put("Description", "Credit: " + (src.get("Description") != null ? src.get("Description") : "goods returned"));
                line.put("Quantity", BigDecimal.ONE);
                line.put("UnitAmount", net.max(CENT));
                line.put("AccountCode", src.get("AccountCode"));
                line.put("TaxType", taxType);
                List<Map<String, Object>> t = new ArrayList<>();
                for (Map<String, Object> tr : (List<Map<String, Object>>) src.getOrDefault("Tracking", List.of())) {
                    t.add(Map.of("TrackingCategoryID", tr.get("TrackingCategoryID"), "TrackingOptionID", tr.get("TrackingOptionID")));
                }
                if (!t.isEmpty()) {
                    line.put("Tracking", t);
                }
                body.put("Type", d.sales() ? "ACCRECCREDIT" : "ACCPAYCREDIT");
                body.put("Contact", Map.of("ContactID", d.contactId()));
                body.put("Date", after(d.date(), 20).toString());
                body.put("CurrencyCode", d.currency());
                body.put("CurrencyRate", d.rate());
                body.put("Reference", "Credit for " + (d.number().isEmpty() ? "supplier bill" : d.number()));
                if (!d.sales()) {
                    body.put("CreditNoteNumber", "CR-" + (1000 + rnd.nextInt(90_000)));
                }
            } else {
                Contact c = customers.get(rnd.nextInt(customers.size()));
                String[] kind = pick(rnd, SALES_KINDS);
                line.put("Description", "Goodwill credit");
                line.put("Quantity", BigDecimal.ONE);
                line.put("UnitAmount", Vocabulary.money(rnd, 1000, 50_000));
                line.put("AccountCode", kind[1]);
                line.put("TaxType", kind[0]);
                body.put("Type", "ACCRECCREDIT");
                body.put("Contact", Map.of("ContactID", c.id()));
                body.put("Date", documentDate().toString());
                body.put("CurrencyCode", c.currency());
                body.put("CurrencyRate", spec.rate(c.currency()));
                body.put("Reference", "Goodwill");
            }
            body.put("Status", "AUTHORISED");
            body.put("LineItems", List.of(line));
            Map<String, Object> note = DataGenerator.checked("Xero credit note", body, () -> xero.createCreditNote(tid, body));
            String noteId = (String) note.get("CreditNoteID");
            ids.get(XeroKind.CREDIT_NOTE).add(noteId);
            if (d != null) {
                BigDecimal remaining = new BigDecimal(note.get("RemainingCredit").toString());
                BigDecimal amount = remaining.min(due(d));
                if (k % 3 == 2) {
                    BigDecimal half = amount.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                    amount = half.signum() > 0 ? half : amount;
                }
                Map<String, Object> alloc = new LinkedHashMap<>();
                alloc.put("Invoice", Map.of("InvoiceID", d.id()));
                alloc.put("Amount", amount);
                LocalDate noteDate = LocalDate.parse((String) body.get("Date"));
                alloc.put("Date", (noteDate.isAfter(d.date()) ? noteDate : d.date()).toString());
                Map<String, Object> saved = DataGenerator.checked("Xero credit note allocation", alloc,
                        () -> xero.allocateCreditNote(tid, noteId, alloc));
                ids.get(XeroKind.CREDIT_NOTE_ALLOCATION).add((String) saved.get("AllocationID"));
            }
        }
    }

    /** RECEIVE-PREPAYMENT or RECEIVE-OVERPAYMENT bank transactions in GBP; every other one allocated to an invoice. */
    private void credits(String type, int count, XeroKind kind, XeroKind allocationKind) {
        boolean prepayment = type.endsWith("-PREPAYMENT");
        String label = prepayment ? "Prepayments" : "Overpayments";
        for (int k = 0; k < count; k++) {
            Doc d = k % 2 == 0 ? target(x -> x.sales() && GeneratorSpec.BASE_CURRENCY.equals(x.currency()), TEN) : null;
            String contactId;
            BigDecimal amount;
            LocalDate date;
            String reference;
            if (d != null) {
                contactId = d.contactId();
                amount = Vocabulary.share(rnd, due(d), 30, 90);
                date = after(d.date(), 10);
                reference = (prepayment ? "Deposit for " : "Overpaid ") + d.number();
            } else {
                contactId = customers.get(rnd.nextInt(customers.size())).id();
                amount = Vocabulary.money(rnd, 5000, 300_000);
                date = documentDate();
                reference = prepayment ? "Deposit" : "Overpayment";
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("Description", prepayment ? "Advance payment" : "Payment received in excess");
            line.put("Quantity", BigDecimal.ONE);
            line.put("UnitAmount", amount);
            if (prepayment) {
                line.put("AccountCode", "200");
                line.put("TaxType", "OUTPUT2");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Type", type);
            body.put("Contact", Map.of("ContactID", contactId));
            body.put("BankAccount", Map.of("Code", BANK));
            body.put("Date", date.toString());
            body.put("Reference", reference);
            body.put("IsReconciled", true);
            body.put("LineAmountTypes", prepayment ? "Inclusive" : "NoTax");
            body.put("LineItems", List.of(line));
            Map<String, Object> saved = DataGenerator.checked("Xero " + type + " bank transaction", body,
                    () -> xero.createBankTransaction(tid, body));
            ids.get(XeroKind.BANK_TRANSACTION).add((String) saved.get("BankTransactionID"));
            String creditId = (String) saved.get(prepayment ? "PrepaymentID" : "OverpaymentID");
            ids.get(kind).add(creditId);
            if (d != null) {
                BigDecimal allocated = amount.min(due(d));
                if (k % 4 == 2) {
                    BigDecimal half = allocated.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                    allocated = half.signum() > 0 ? half : allocated;
                }
                Map<String, Object> alloc = Map.of("Invoice", Map.of("InvoiceID", d.id()), "Amount", allocated,
                        "Date", (date.isAfter(d.date()) ? date : d.date()).toString());
                JsonNode reply = api.put("/" + label + "/" + creditId + "/Allocations", Map.of("Allocations", List.of(alloc)));
                ids.get(allocationKind).add(reply.path("Allocations").get(0).get("AllocationID").asText());
            }
        }
    }
}
