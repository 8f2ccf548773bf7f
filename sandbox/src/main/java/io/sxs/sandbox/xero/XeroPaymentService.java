package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.Money;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Payments: applied to an AUTHORISED invoice up to its amount due, or refunding an AUTHORISED credit note, prepayment or
 * overpayment up to its remaining credit (either becomes PAID when settled); only deletion undoes them.
 */
final class XeroPaymentService {

    private XeroPaymentService() {
    }

    static XeroPayment create(XeroTenantState st, JsonNode in, Instant now, LocalDate today) {
        List<String> errors = new ArrayList<>();
        Target target = target(st, in, errors);
        XeroInvoice invoice = target == null ? null : target.doc();
        XeroAccount account = null;
        JsonNode acc = in.get("Account");
        if (acc == null || !acc.isObject()) {
            errors.add("You must specify an Account for the payment.");
        } else {
            String id = Json.str(acc, "AccountID");
            String code = Json.str(acc, "Code");
            account = st.accountsByCode.values().stream()
                    .filter(a -> id != null ? a.accountId().equalsIgnoreCase(id) : a.code().equals(code))
                    .findFirst().orElse(null);
            if (account == null) {
                errors.add("Account could not be found.");
            } else if (!account.isBank() && !account.enablePaymentsToAccount()) {
                errors.add("Payments can only be made to or from bank accounts or accounts with payments enabled.");
            }
        }
        BigDecimal amount = null;
        try {
            amount = Json.dec(in, "Amount");
        } catch (NumberFormatException e) {
            errors.add("Amount must be a number.");
        }
        if (amount == null || amount.signum() <= 0) {
            errors.add("The payment Amount must be greater than zero.");
        } else {
            amount = Money.round2(amount);
            if (invoice != null && amount.compareTo(invoice.amountDue()) > 0) {
                errors.add("Payment amount exceeds the amount outstanding on this document");
            }
        }
        LocalDate date = today;
        try {
            if (in.hasNonNull("Date")) {
                date = XeroDates.parseDate(in.get("Date").asText());
            }
        } catch (IllegalArgumentException e) {
            errors.add("Dates must be in the format YYYY-MM-DD");
        }
        // Without a CurrencyRate Xero takes the day's rate; the sandbox takes its fixed table (as bank transactions do).
        BigDecimal rate = invoice == null ? new BigDecimal("1.000000") : XeroCurrencies.defaultRate(invoice.currencyCode());
        try {
            BigDecimal r = Json.dec(in, "CurrencyRate");
            if (r != null) {
                rate = r.setScale(6, RoundingMode.HALF_UP);
            }
        } catch (NumberFormatException e) {
            errors.add("CurrencyRate must be a number.");
        }
        if (!errors.isEmpty()) {
            throw new SandboxValidationException(errors);
        }
        XeroPayment p = new XeroPayment(UUID.randomUUID().toString(), invoice.invoiceId(), account.code(), date, amount,
                rate, Json.str(in, "Reference"), "AUTHORISED", paymentType(invoice.type()),
                in.path("IsReconciled").asBoolean(false), now, target.source());
        st.savePayment(p);
        p.documents(st).put(invoice.invoiceId(),
                invoice.withSettlement(invoice.amountPaid().add(amount), invoice.amountCredited(), date, now));
        return p;
    }

    /** What a payment is applied to: an invoice (source null) or the credit document it refunds. */
    private record Target(XeroCreditSource source, XeroInvoice doc) { }

    /**
     * Exactly one of Invoice {InvoiceID | InvoiceNumber}, CreditNote {CreditNoteID | CreditNoteNumber},
     * Prepayment {PrepaymentID} or Overpayment {OverpaymentID}; the document must be AUTHORISED.
     */
    private static Target target(XeroTenantState st, JsonNode in, List<String> errors) {
        List<String> given = new ArrayList<>();
        for (String f : List.of("Invoice", "CreditNote", "Prepayment", "Overpayment")) {
            if (in.hasNonNull(f)) {
                given.add(f);
            }
        }
        if (given.isEmpty()) {
            errors.add("You must specify an Invoice, CreditNote, Prepayment or Overpayment to apply the payment to.");
            return null;
        }
        if (given.size() > 1) {
            errors.add("A payment can be applied to only one document; " + String.join(" and ", given) + " were given.");
            return null;
        }
        String field = given.get(0);
        JsonNode ref = in.get(field);
        if (!ref.isObject()) {
            errors.add(field + " must be an object.");
            return null;
        }
        XeroCreditSource source = switch (field) {
            case "CreditNote" -> XeroCreditSource.CREDIT_NOTE;
            case "Prepayment" -> XeroCreditSource.PREPAYMENT;
            case "Overpayment" -> XeroCreditSource.OVERPAYMENT;
            default -> null;
        };
        XeroInvoice doc;
        String label;
        if (source == null) {
            label = "Invoice";
            String id = Json.str(ref, "InvoiceID");
            String number = Json.str(ref, "InvoiceNumber");
            doc = id != null ? st.invoices.get(id.toLowerCase(Locale.ROOT))
                    : number != null ? XeroDocumentRoutes.findInvoice(st, number) : null;
        } else if (source == XeroCreditSource.CREDIT_NOTE) {
            label = "Credit note";
            String id = Json.str(ref, "CreditNoteID");
            String number = Json.str(ref, "CreditNoteNumber");
            doc = id != null ? st.creditNotes.get(id.toLowerCase(Locale.ROOT))
                    : number != null ? XeroDocumentRoutes.findDocument(st, XeroDocKind.CREDIT_NOTE, number) : null;
        } else {
            label = source.label;
            String id = Json.str(ref, source.idField);
            doc = id == null ? null : source.docs(st).get(id.toLowerCase(Locale.ROOT));
        }
        if (doc == null) {
            errors.add(label + " could not be found.");
            return null;
        }
        if (!"AUTHORISED".equals(doc.status())) {
            errors.add(source == null
                    ? "Payments can only be made against AUTHORISED invoices; this one is " + doc.status() + "."
                    : "Payments can only be made against AUTHORISED " + label.toLowerCase(Locale.ROOT)
                            + "s with remaining credit; this one is " + doc.status() + ".");
        }
        return new Target(source, doc);
    }

    /** Xero's PaymentType for a payment on a document of this type. */
    static String paymentType(String documentType) {
        return switch (documentType) {
            case "ACCREC" -> "ACCRECPAYMENT";
            case "ACCPAY" -> "ACCPAYPAYMENT";
            case "ACCRECCREDIT" -> "ARCREDITPAYMENT";
            case "ACCPAYCREDIT" -> "APCREDITPAYMENT";
            case "RECEIVE-PREPAYMENT" -> "ARPREPAYMENTPAYMENT";
            case "SPEND-PREPAYMENT" -> "APPREPAYMENTPAYMENT";
            case "RECEIVE-OVERPAYMENT" -> "AROVERPAYMENTPAYMENT";
            case "SPEND-OVERPAYMENT" -> "APOVERPAYMENTPAYMENT";
            default -> throw new IllegalStateException("no payment type for " + documentType);
        };
    }

    /** The only change Xero allows: {"Status":"DELETED"}. */
    static XeroPayment update(XeroTenantState st, XeroPayment cur, JsonNode in, Instant now) {
        String status = Json.str(in, "Status");
        if (!"DELETED".equals(status)) {
            throw new SandboxValidationException("A payment can only be deleted: send {\"Status\":\"DELETED\"}.");
        }
        if (!cur.isActive()) {
            throw new SandboxValidationException("This payment has already been deleted.");
        }
        XeroPayment deleted = cur.deleted(now);
        st.savePayment(deleted);
        XeroInvoice inv = cur.documents(st).get(cur.invoiceId());
        cur.documents(st).put(inv.invoiceId(), inv.withSettlement(inv.amountPaid().subtract(cur.amount()), inv.amountCredited(),
                inv.fullyPaidOn(), now));
        return deleted;
    }

    static ObjectNode render(XeroTenantState st, XeroPayment p) {
        ObjectNode o = Json.object();
        o.put("PaymentID", p.paymentId());
        o.put("Date", XeroDates.msJson(p.date()));
        o.put("BankAmount", bankAmount(p));
        o.put("Amount", p.amount());
        o.put("Reference", p.reference() == null ? "" : p.reference());
        o.put("CurrencyRate", p.currencyRate());
        o.put("PaymentType", p.paymentType());
        o.put("Status", p.status());
        o.put("UpdatedDateUTC", XeroDates.msJson(p.updated()));
        o.put("UpdatedDateUTCString", XeroDates.isoUtc(p.updated()));
        o.put("HasAccount", true);
        o.put("IsReconciled", p.reconciled());
        XeroAccount a = st.accountsByCode.get(p.accountCode());
        ObjectNode account = o.putObject("Account");
        account.put("AccountID", a.accountId());
        account.put("Code", a.code());
        account.put("Name", a.name());
        XeroInvoice i = p.documents(st).get(p.invoiceId());
        // Invoices and credit notes are shown under "Invoice" (a credit note with its credit Type, its id as InvoiceID
        // and its number as InvoiceNumber), as in the OpenAPI examples; prepayments and overpayments under their own key.
        XeroCreditSource t = p.target();
        boolean asInvoice = t == null || t == XeroCreditSource.CREDIT_NOTE;
        ObjectNode invoice = o.putObject(asInvoice ? "Invoice" : t.label);
        invoice.put("Type", i.type());
        invoice.put(asInvoice ? "InvoiceID" : t.idField, i.invoiceId());
        if (asInvoice) {
            invoice.put("InvoiceNumber", i.invoiceNumber());
        }
        XeroContact c = st.contacts.get(i.contactId());
        if (c != null) {
            invoice.set("Contact", XeroContactService.renderRef(c));
        }
        invoice.put("CurrencyCode", i.currencyCode());
        o.put("HasValidationErrors", false);
        return o;
    }

    /**
     * The amount in the bank account's currency. Every sandbox bank account is in the base currency (GBP) and Xero's
     * CurrencyRate is units of the document's currency per 1 GBP, so a foreign amount is divided by the rate.
     */
    static BigDecimal bankAmount(XeroPayment p) {
        if (p.currencyRate().compareTo(BigDecimal.ONE) == 0) {
            return p.amount();
        }
        return Money.round2(p.amount().divide(p.currencyRate(), MathContext.DECIMAL64));
    }

    /** The short form listed inside an invoice, credit note, prepayment or overpayment. */
    static ArrayNode forInvoice(XeroTenantState st, String invoiceId) {
        ArrayNode a = Json.array();
        for (String id : st.paymentsOf(invoiceId)) {
            XeroPayment p = st.payments.get(id);
            if (p.isActive()) {
                ObjectNode o = a.addObject();
                o.put("PaymentID", p.paymentId());
                o.put("Date", XeroDates.msJson(p.date()));
                o.put("Amount", p.amount());
                o.put("Reference", p.reference() == null ? "" : p.reference());
                o.put("CurrencyRate", p.currencyRate());
                o.put("HasAccount", true);
                o.put("HasValidationErrors", false);
            }
        }
        return a;
    }
}
