package io.sxs.app.demo;

import io.sxs.sandbox.scoro.ScoroSandbox;
import io.sxs.sandbox.xero.XeroSandbox;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo acting as a Xero user once the initial sync is done: it pays synced invoices (one in full, one in part, then
 * the rest of it, one in euros) and a bill through the organisation's bank account, allocates an overpayment and
 * receives a prepayment for a Scoro prepayment invoice, so the money's way to Scoro can be watched;
 * {@link #report} then says what each reached in Scoro, with the credit-note allocations the initial sync made.
 */
final class DemoPayments {

    /** The demo organisation's bank account (the sandbox's seeded chart). */
    static final String BANK_CODE = "090";

    /** One document the demo paid: its number, Xero's type and what it paid. */
    record Paid(String number, String type, BigDecimal amount, String how) {
    }

    private final XeroSandbox xero;
    private final ScoroSandbox scoro;
    private final String tenantId;
    private final String companyId;

    DemoPayments(XeroSandbox xero, ScoroSandbox scoro, String tenantId, String companyId) {
        this.xero = xero;
        this.scoro = scoro;
        this.tenantId = tenantId;
        this.companyId = companyId;
    }

    /**
     * Pays, in Xero, the first approved invoice in full, the second in two parts and the first approved bill; allocates
     * an overpayment to the third; pays the euro invoice in euros; and receives a prepayment quoting a prepayment invoice
     * that a Scoro user then records.
     */
    List<Paid> pay() {
        List<Paid> paid = new ArrayList<>();
        List<Map<String, Object>> open = xero.invoices(tenantId).stream()
                .filter(i -> "AUTHORISED".equals(i.get("Status")) && decimal(i.get("AmountDue")).signum() > 0
                        && decimal(i.get("AmountCredited")).signum() == 0)
                .toList();
        List<Map<String, Object>> invoices = open.stream().filter(i -> "ACCREC".equals(i.get("Type"))
                && "GBP".equals(i.get("CurrencyCode"))).limit(3).toList();
        Map<String, Object> client = invoices.isEmpty() ? null : scoroDocument(new Paid(
                String.valueOf(invoices.get(0).get("InvoiceNumber")), "ACCREC", BigDecimal.ZERO, ""));
        if (!invoices.isEmpty()) {
            Map<String, Object> full = invoices.get(0);
            paid.add(pay(full, decimal(full.get("AmountDue")), "in full"));
        }
        if (invoices.size() > 1) {
            Map<String, Object> part = invoices.get(1);
            BigDecimal due = decimal(part.get("AmountDue"));
            BigDecimal half = due.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
            paid.add(pay(part, half, "in part"));
            paid.add(pay(part, due.subtract(half), "the rest, a second payment"));
        }
        open.stream().filter(i -> "ACCPAY".equals(i.get("Type"))).findFirst()
                .ifPresent(bill -> paid.add(pay(bill, decimal(bill.get("AmountDue")), "a bill, in full")));
        if (invoices.size() > 2) {
            Map<String, Object> third = invoices.get(2);
            String contact = String.valueOf(((Map<?, ?>) third.get("Contact")).get("ContactID"));
            String overpayment = String.valueOf(xero.createBankTransaction(tenantId, Map.of("Type", "RECEIVE-OVERPAYMENT",
                    "Contact", Map.of("ContactID", contact), "BankAccount", Map.of("Code", BANK_CODE), "Date", today(),
                    "LineItems", List.of(Map.of("Description", "Paid twice", "Quantity", 1, "UnitAmount", new BigDecimal("50.00"),
                            "TaxType", "NONE")))).get("OverpaymentID"));
            xero.allocateOverpayment(tenantId, overpayment, Map.of("Invoice", Map.of("InvoiceID", third.get("InvoiceID")),
                    "Amount", new BigDecimal("50.00"), "Date", today()));
            paid.add(new Paid(String.valueOf(third.get("InvoiceNumber")), "ACCREC", new BigDecimal("50.00"),
                    "an overpayment allocated"));
        }
        open.stream().filter(i -> "ACCREC".equals(i.get("Type")) && "EUR".equals(i.get("CurrencyCode"))).findFirst()
                .ifPresent(euro -> paid.add(pay(euro, decimal(euro.get("AmountDue")), "in euros, at 1.150000",
                        new BigDecimal("1.150000"))));
        if (client != null) {
            // The client pays ahead for the next project, quoting the prepayment invoice Scoro then records for it.
            String prepaymentNumber = "PP-DEMO-1";
            String contact = String.valueOf(((Map<?, ?>) invoices.get(0).get("Contact")).get("ContactID"));
            xero.createBankTransaction(tenantId, Map.of("Type", "RECEIVE-PREPAYMENT", "Contact", Map.of("ContactID", contact),
                    "BankAccount", Map.of("Code", BANK_CODE), "Date", today(), "Reference", prepaymentNumber,
                    "LineItems", List.of(Map.of("Description", "Advance", "Quantity", 1, "UnitAmount", new BigDecimal("400.00"),
                            "AccountCode", "200", "TaxType", "OUTPUT2"))));
            scoro.createPrepayment(companyId, Map.of("no", prepaymentNumber, "company_id", client.get("company_id"),
                    "date", today(), "deadline", today(), "currency", "GBP", "prepayment_percent", 100,
                    "lines", List.of(line("Advance for the next project", "400.00"))));
            paid.add(new Paid(prepaymentNumber, "PREPAYMENT", new BigDecimal("480.00"), "a prepayment received"));
        }
        return paid;
    }

    private Map<String, Object> line(String comment, String price) {
        Object vat = scoro.vatCodes(companyId).stream().filter(v -> "OUTPUT2".equals(v.get("vat_code"))).findFirst()
                .map(v -> v.get("vat_code_id")).orElse(null);
        Object account = scoro.financeAccounts(companyId).stream().filter(a -> "200".equals(a.get("account_symbol")))
                .findFirst().map(a -> a.get("id")).orElse(null);
        Map<String, Object> line = new HashMap<>(Map.of("comment", comment, "amount", BigDecimal.ONE, "price", new BigDecimal(price)));
        if (vat != null) {
            line.put("vat_code_id", vat);
        }
        if (account != null) {
            line.put("finance_account_id", account);
        }
        return line;
    }

    private String today() {
        return String.valueOf(java.time.LocalDate.now(xero.clock()));
    }

    private Paid pay(Map<String, Object> doc, BigDecimal amount, String how) {
        return pay(doc, amount, how, null);
    }

    private Paid pay(Map<String, Object> doc, BigDecimal amount, String how, BigDecimal rate) {
        Map<String, Object> body = new HashMap<>();
        if (rate != null) {
            body.put("CurrencyRate", rate);
        }
        body.put("Invoice", Map.of("InvoiceID", doc.get("InvoiceID")));
        body.put("Account", Map.of("Code", BANK_CODE));
        body.put("Amount", amount);
        body.put("Date", today());
        xero.createPayment(tenantId, body);
        return new Paid(String.valueOf(doc.get("InvoiceNumber")), String.valueOf(doc.get("Type")), amount, how);
    }

    /** True when Scoro shows every document paid as Xero has settled it (what a person would check). */
    boolean arrived(List<Paid> paid) {
        for (Paid p : paid) {
            Map<String, Object> doc = scoroDocument(p);
            if (doc == null) {
                return false;
            }
            BigDecimal expected = "PREPAYMENT".equals(p.type()) ? p.amount() : settled(xero.invoice(tenantId, p.number()));
            if (decimal(doc.get("paid_sum")).compareTo(expected) != 0) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal settled(Map<String, Object> xeroDoc) {
        return decimal(xeroDoc.get("AmountPaid")).add(decimal(xeroDoc.get("AmountCredited")));
    }

    /** What the payments (and the allocations of credit notes) reached in Scoro, as Scoro's API shows it. */
    String report(List<Paid> paid) {
        StringBuilder out = new StringBuilder("Payments made in Xero by the demo, as they reached Scoro:\n");
        Map<Object, String> accounts = new HashMap<>();
        scoro.records(companyId, "receiptAccounts").forEach(a -> accounts.put(a.get("id"), String.valueOf(a.get("name"))));
        for (Paid p : paid) {
            Map<String, Object> doc = scoroDocument(p);
            if ("PREPAYMENT".equals(p.type())) {
                out.append(String.format("  pre  %-10s received %9s in Xero -> Scoro prepayment invoice paid %9s%n", p.number(),
                        p.amount().toPlainString(), doc == null ? "- (not matched)" : String.valueOf(doc.get("paid_sum"))));
                continue;
            }
            Map<String, Object> xeroDoc = xero.invoice(tenantId, p.number());
            out.append(String.format("  %-4s %-10s paid %9s (%s) in Xero -> Scoro paid %9s of %9s%s%n",
                    "ACCPAY".equals(p.type()) ? "bill" : "inv", p.number(), p.amount().toPlainString(), p.how(),
                    doc == null ? "-" : String.valueOf(doc.get("paid_sum")),
                    doc == null ? "-" : decimal(doc.get("sum")).add(decimal(doc.get("vat_sum"))).toPlainString(),
                    doc == null ? " (not in Scoro yet)" : "; Xero paid " + xeroDoc.get("AmountPaid")));
        }
        long receipts = scoro.receipts(companyId).stream().filter(r -> !Integer.valueOf(1).equals(r.get("is_deleted"))).count();
        Map<String, Long> perAccount = new HashMap<>();
        scoro.receipts(companyId).stream().filter(r -> !Integer.valueOf(1).equals(r.get("is_deleted")))
                .forEach(r -> perAccount.merge(accounts.getOrDefault(r.get("receipt_account_id"), "?"), 1L, Long::sum));
        out.append(String.format("  Scoro receipts: %d, by receipt account %s (allocations of credit notes and"
                + " overpayments, and prepayments, go through stand-in accounts)%n", receipts, perAccount));
        return out.toString();
    }

    private Map<String, Object> scoroDocument(Paid p) {
        if ("PREPAYMENT".equals(p.type())) {
            return scoro.prepayments(companyId).stream().filter(d -> p.number().equals(String.valueOf(d.get("no"))))
                    .findFirst().orElse(null);
        }
        List<Map<String, Object>> docs = "ACCPAY".equals(p.type()) ? scoro.bills(companyId) : scoro.invoices(companyId);
        for (Map<String, Object> d : docs) {
            if (p.number().equals(String.valueOf(d.get("no")))) {
                long id = ((Number) d.get("id")).longValue();
                return "ACCPAY".equals(p.type()) ? scoro.bill(companyId, id) : scoro.invoice(companyId, id);
            }
        }
        return null;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(String.valueOf(value));
    }
}
