package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.Money;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Bank transactions: Type, Contact, BankAccount (a BANK account) and LineItems required. RECEIVE/SPEND-PREPAYMENT and
 * -OVERPAYMENT create a Prepayment / Overpayment (its own id) whose credit can be allocated to invoices. Afterwards only
 * Reference, IsReconciled and Status DELETED (nothing allocated) can change.
 */
final class XeroBankTransactionService {

    static final Set<String> TYPES = Set.of("RECEIVE", "SPEND", "RECEIVE-PREPAYMENT", "SPEND-PREPAYMENT",
            "RECEIVE-OVERPAYMENT", "SPEND-OVERPAYMENT");

    private XeroBankTransactionService() {
    }

    static XeroCreditSource creditSource(String type) {
        return type.endsWith("-PREPAYMENT") ? XeroCreditSource.PREPAYMENT
                : type.endsWith("-OVERPAYMENT") ? XeroCreditSource.OVERPAYMENT : null;
    }

    static XeroBankTransaction create(XeroTenantState st, JsonNode in, int unitDp, Instant now, LocalDate today) {
        List<String> errors = new ArrayList<>();
        String type = Json.str(in, "Type");
        if (type == null || !TYPES.contains(type)) {
            errors.add("Type must be one of " + TYPES + " (transfers are not simulated by the sandbox).");
            type = "RECEIVE";
        }
        XeroContact contact = XeroContactService.resolve(st, in.get("Contact"));
        if (contact == null) {
            errors.add("A valid Contact must be specified.");
        }
        JsonNode bank = in.get("BankAccount");
        String bankId = Json.str(bank, "AccountID");
        String bankCode = Json.str(bank, "Code");
        XeroAccount account = st.accountsByCode.values().stream()
                .filter(a -> bankId != null ? a.accountId().equalsIgnoreCase(bankId) : a.code().equals(bankCode))
                .findFirst().orElse(null);
        if (account == null || !account.isBank()) {
            errors.add("A BankAccount that is a bank account must be specified.");
        }
        String lat = "Exclusive";
        String latIn = Json.str(in, "LineAmountTypes");
        if (latIn != null) {
            lat = switch (latIn.toUpperCase()) {
                case "INCLUSIVE" -> "Inclusive";
                case "NOTAX" -> "NoTax";
                default -> "Exclusive";
            };
        }
        List<XeroLineItem> lines = List.of();
        if (!in.has("LineItems") || !in.get("LineItems").isArray() || in.get("LineItems").isEmpty()) {
            errors.add("LineItems must be specified.");
        } else {
            // Lines follow the sales side for money received, the purchase side for money spent (no discounts).
            lines = XeroInvoiceService.lines(st, null, in.get("LineItems"), type.startsWith("RECEIVE") ? "RECEIVE" : "SPEND",
                    lat, unitDp, errors);
            boolean overpayment = type.endsWith("-OVERPAYMENT");
            for (XeroLineItem l : lines) {
                if (l.accountCode() == null && !overpayment) {
                    errors.add("Account code must be specified for each line item.");
                    break;
                }
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
        String currency = in.hasNonNull("CurrencyCode") ? in.get("CurrencyCode").asText() : "GBP";
        if (!st.currencies.containsKey(currency)) {
            errors.add("The currency '" + currency + "' is not enabled for this organisation.");
        }
        BigDecimal subTotal = Money.zero2();
        BigDecimal totalTax = Money.zero2();
        for (XeroLineItem l : lines) {
            subTotal = subTotal.add("Inclusive".equals(lat) ? l.lineAmount().subtract(l.taxAmount()) : l.lineAmount());
            totalTax = totalTax.add(l.taxAmount());
        }
        BigDecimal total = subTotal.add(totalTax);
        if (total.signum() <= 0 && errors.isEmpty()) {
            errors.add("The total of a bank transaction must be greater than zero.");
        }
        if (!errors.isEmpty()) {
            throw new SandboxValidationException(errors);
        }
        BigDecimal rate = "GBP".equals(currency) ? new BigDecimal("1.000000") : XeroCurrencies.defaultRate(currency);
        XeroCreditSource source = creditSource(type);
        String creditId = null;
        if (source != null) {
            creditId = UUID.randomUUID().toString();
            XeroInvoice credit = new XeroInvoice(creditId, type, contact.contactId, "", Json.str(in, "Reference"), date, null,
                    lat, "AUTHORISED", currency, rate, null, false, lines, subTotal, totalTax, total, Money.zero2(),
                    Money.zero2(), Money.zero2(), now, null);
            source.docs(st).put(creditId, credit);
        }
        XeroBankTransaction t = new XeroBankTransaction(UUID.randomUUID().toString(), type, contact.contactId, account.code(),
                date, Json.str(in, "Reference"), lat, lines, subTotal, totalTax, total, currency, rate, "AUTHORISED",
                in.path("IsReconciled").asBoolean(false), creditId, now);
        st.bankTransactions.put(t.bankTransactionId(), t);
        return t;
    }

    static XeroBankTransaction update(XeroTenantState st, XeroBankTransaction cur, JsonNode in, Instant now) {
        for (var it = in.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("BankTransactionID", "Status", "Reference", "IsReconciled").contains(f)) {
                throw new SandboxValidationException("The sandbox only lets Status (DELETED), Reference and IsReconciled "
                        + "change on an existing bank transaction; '" + f + "' was sent.");
            }
        }
        if ("DELETED".equals(cur.status())) {
            throw new SandboxValidationException("This bank transaction has been deleted.");
        }
        String status = cur.status();
        String requested = Json.str(in, "Status");
        XeroCreditSource source = creditSource(cur.type());
        if (requested != null && !requested.equals(status)) {
            if (!"DELETED".equals(requested)) {
                throw new SandboxValidationException("A bank transaction's Status can only change to DELETED.");
            }
            if (source != null) {
                XeroInvoice credit = source.docs(st).get(cur.creditId());
                if (credit.amountCredited().signum() != 0) {
                    throw new SandboxValidationException("This " + source.noun() + " has been allocated; "
                            + "remove its allocations before deleting it.");
                }
                if (credit.amountPaid().signum() != 0) {
                    throw new SandboxValidationException("This " + source.noun() + " has been refunded; "
                            + "delete its payments before deleting it.");
                }
                source.docs(st).put(credit.invoiceId(), new XeroInvoice(credit.invoiceId(), credit.type(), credit.contactId(),
                        credit.invoiceNumber(), credit.reference(), credit.date(), credit.dueDate(), credit.lineAmountTypes(),
                        "VOIDED", credit.currencyCode(), credit.currencyRate(), credit.url(), false, credit.lineItems(),
                        credit.subTotal(), credit.totalTax(), credit.total(), credit.totalDiscount(), credit.amountPaid(),
                        credit.amountCredited(), now, null));
            }
            status = "DELETED";
        }
        XeroBankTransaction t = new XeroBankTransaction(cur.bankTransactionId(), cur.type(), cur.contactId(),
                cur.bankAccountCode(), cur.date(), in.has("Reference") ? Json.str(in, "Reference") : cur.reference(),
                cur.lineAmountTypes(), cur.lineItems(), cur.subTotal(), cur.totalTax(), cur.total(), cur.currencyCode(),
                cur.currencyRate(), status, in.has("IsReconciled") ? in.get("IsReconciled").asBoolean() : cur.reconciled(),
                cur.creditId(), now);
        st.bankTransactions.put(t.bankTransactionId(), t);
        return t;
    }

    static ObjectNode render(XeroTenantState st, XeroBankTransaction t, int unitDp) {
        ObjectNode o = Json.object();
        o.put("BankTransactionID", t.bankTransactionId());
        o.put("Type", t.type());
        XeroContact c = st.contacts.get(t.contactId());
        if (c != null) {
            o.set("Contact", XeroContactService.renderRef(c));
        }
        o.set("LineItems", XeroInvoiceService.renderLines(st, t.lineItems(), unitDp));
        XeroAccount a = st.accountsByCode.get(t.bankAccountCode());
        o.putObject("BankAccount").put("AccountID", a.accountId()).put("Code", a.code()).put("Name", a.name());
        o.put("IsReconciled", t.reconciled());
        o.put("DateString", XeroDates.dateString(t.date()));
        o.put("Date", XeroDates.msJson(t.date()));
        o.put("Reference", t.reference() == null ? "" : t.reference());
        o.put("CurrencyCode", t.currencyCode());
        o.put("CurrencyRate", t.currencyRate());
        o.put("Status", t.status());
        o.put("LineAmountTypes", t.lineAmountTypes());
        o.put("SubTotal", t.subTotal());
        o.put("TotalTax", t.totalTax());
        o.put("Total", t.total());
        o.put("UpdatedDateUTC", XeroDates.msJson(t.updated()));
        XeroCreditSource source = creditSource(t.type());
        if (source != null) {
            o.put(source.idField, t.creditId());
        }
        o.put("HasAttachments", false);
        return o;
    }

    /** A prepayment or overpayment, as GET /Prepayments or /Overpayments returns it. */
    static ObjectNode renderCredit(XeroTenantState st, XeroCreditSource source, XeroInvoice p, int unitDp) {
        ObjectNode o = Json.object();
        o.put(source.idField, p.invoiceId());
        o.put("Type", p.type());
        XeroContact c = st.contacts.get(p.contactId());
        if (c != null) {
            o.set("Contact", XeroContactService.renderRef(c));
        }
        o.put("DateString", XeroDates.dateString(p.date()));
        o.put("Date", XeroDates.msJson(p.date()));
        o.put("Status", p.status());
        o.put("LineAmountTypes", p.lineAmountTypes());
        o.set("LineItems", XeroInvoiceService.renderLines(st, p.lineItems(), unitDp));
        o.put("SubTotal", p.subTotal());
        o.put("TotalTax", p.totalTax());
        o.put("Total", p.total());
        o.put("UpdatedDateUTC", XeroDates.msJson(p.updated()));
        o.put("UpdatedDateUTCString", XeroDates.isoUtc(p.updated()));
        o.put("CurrencyCode", p.currencyCode());
        o.put("CurrencyRate", p.currencyRate());
        o.put("RemainingCredit", "VOIDED".equals(p.status()) ? Money.zero2() : p.amountDue());
        o.set("Allocations", XeroAllocationService.allocationsOf(st, source, p.invoiceId()));
        o.set("Payments", XeroPaymentService.forInvoice(st, p.invoiceId()));
        if (p.reference() != null) {
            o.put("Reference", p.reference());
        }
        o.put("HasAttachments", false);
        return o;
    }
}
