package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.Money;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Payments: applied to an AUTHORISED invoice up to its amount due (PAID when settled); only deletion undoes them. */
final class XeroPaymentService {

    private XeroPaymentService() {
    }

    static XeroPayment create(XeroTenantState st, JsonNode in, Instant now, LocalDate today) {
        List<String> errors = new ArrayList<>();
        XeroInvoice invoice = null;
        JsonNode ref = in.get("Invoice");
        if (ref == null || !ref.isObject()) {
            errors.add("You must specify an Invoice to apply the payment to.");
        } else {
            String id = Json.str(ref, "InvoiceID");
            String number = Json.str(ref, "InvoiceNumber");
            invoice = id != null ? st.invoices.get(id.toLowerCase(Locale.ROOT))
                    : number != null ? XeroDocumentRoutes.findInvoice(st, number) : null;
            if (invoice == null) {
                errors.add("Invoice could not be found.");
            } else if (!"AUTHORISED".equals(invoice.status())) {
                errors.add("Payments can only be made against AUTHORISED invoices; this one is " + invoice.status() + ".");
            }
        }
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
        BigDecimal rate = new BigDecimal("1.000000");
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
                rate, Json.str(in, "Reference"), "AUTHORISED",
                "ACCREC".equals(invoice.type()) ? "ACCRECPAYMENT" : "ACCPAYPAYMENT",
                in.path("IsReconciled").asBoolean(false), now);
        st.savePayment(p);
        st.invoices.put(invoice.invoiceId(),
                invoice.withSettlement(invoice.amountPaid().add(amount), invoice.amountCredited(), date, now));
        return p;
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
        XeroPayment deleted = new XeroPayment(cur.paymentId(), cur.invoiceId(), cur.accountCode(), cur.date(), cur.amount(),
                cur.currencyRate(), cur.reference(), "DELETED", cur.paymentType(), cur.reconciled(), now);
        st.savePayment(deleted);
        XeroInvoice inv = st.invoices.get(cur.invoiceId());
        st.invoices.put(inv.invoiceId(), inv.withSettlement(inv.amountPaid().subtract(cur.amount()), inv.amountCredited(),
                inv.fullyPaidOn(), now));
        return deleted;
    }

    static ObjectNode render(XeroTenantState st, XeroPayment p) {
        ObjectNode o = Json.object();
        o.put("PaymentID", p.paymentId());
        o.put("Date", XeroDates.msJson(p.date()));
        o.put("BankAmount", p.amount());
        o.put("Amount", p.amount());
        o.put("Reference", p.reference() == null ? "" : p.reference());
        o.put("CurrencyRate", p.currencyRate());
        o.put("PaymentType", p.paymentType());
        o.put("Status", p.status());
        o.put("UpdatedDateUTC", XeroDates.msJson(p.updated()));
        o.put("HasAccount", true);
        o.put("IsReconciled", p.reconciled());
        XeroAccount a = st.accountsByCode.get(p.accountCode());
        ObjectNode account = o.putObject("Account");
        account.put("AccountID", a.accountId());
        account.put("Code", a.code());
        account.put("Name", a.name());
        XeroInvoice i = st.invoices.get(p.invoiceId());
        ObjectNode invoice = o.putObject("Invoice");
        invoice.put("Type", i.type());
        invoice.put("InvoiceID", i.invoiceId());
        invoice.put("InvoiceNumber", i.invoiceNumber());
        XeroContact c = st.contacts.get(i.contactId());
        if (c != null) {
            invoice.set("Contact", XeroContactService.renderRef(c));
        }
        invoice.put("CurrencyCode", i.currencyCode());
        o.put("HasValidationErrors", false);
        return o;
    }

    /** The short form listed inside an invoice. */
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
