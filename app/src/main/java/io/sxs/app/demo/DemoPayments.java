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
 * the rest of it) and a bill through the organisation's bank account, so the payments' way to Scoro can be watched;
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

    /** Pays, in Xero, the first approved invoice in full, the second in two parts and the first approved bill. */
    List<Paid> pay() {
        List<Paid> paid = new ArrayList<>();
        List<Map<String, Object>> open = xero.invoices(tenantId).stream()
                .filter(i -> "AUTHORISED".equals(i.get("Status")) && decimal(i.get("AmountDue")).signum() > 0
                        && decimal(i.get("AmountCredited")).signum() == 0)
                .toList();
        List<Map<String, Object>> invoices = open.stream().filter(i -> "ACCREC".equals(i.get("Type"))).limit(2).toList();
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
        return paid;
    }

    private Paid pay(Map<String, Object> doc, BigDecimal amount, String how) {
        Map<String, Object> body = new HashMap<>();
        body.put("Invoice", Map.of("InvoiceID", doc.get("InvoiceID")));
        body.put("Account", Map.of("Code", BANK_CODE));
        body.put("Amount", amount);
        body.put("Date", String.valueOf(java.time.LocalDate.now(xero.clock())));
        xero.createPayment(tenantId, body);
        return new Paid(String.valueOf(doc.get("InvoiceNumber")), String.valueOf(doc.get("Type")), amount, how);
    }

    /** What the payments (and the allocations of credit notes) reached in Scoro, as Scoro's API shows it. */
    String report(List<Paid> paid) {
        StringBuilder out = new StringBuilder("Payments made in Xero by the demo, as they reached Scoro:\n");
        Map<Object, String> accounts = new HashMap<>();
        scoro.records(companyId, "receiptAccounts").forEach(a -> accounts.put(a.get("id"), String.valueOf(a.get("name"))));
        for (Paid p : paid) {
            Map<String, Object> doc = scoroDocument(p);
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
        out.append(String.format("  Scoro receipts: %d, by receipt account %s (credit-note allocations go through"
                + " \"Credit notes (Xero)\")%n", receipts, perAccount));
        return out.toString();
    }

    private Map<String, Object> scoroDocument(Paid p) {
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
