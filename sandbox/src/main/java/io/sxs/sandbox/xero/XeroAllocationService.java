package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.Money;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Allocations of credit notes, prepayments and overpayments: AUTHORISED credit applied to an AUTHORISED invoice of the
 * same contact and side, up to both the credit left and the amount due. Either document becomes PAID when settled;
 * deleting an allocation keeps it with IsDeleted = true and restores both amounts.
 */
final class XeroAllocationService {

    private XeroAllocationService() {
    }

    static XeroAllocation allocate(XeroTenantState st, XeroCreditSource source, XeroInvoice credit, JsonNode in,
                                   Instant now, LocalDate today) {
        List<String> errors = new ArrayList<>();
        if (!"AUTHORISED".equals(credit.status())) {
            errors.add("Only AUTHORISED " + source.noun() + "s with remaining credit can be allocated; "
                    + "this one is " + credit.status() + ".");
        }
        String invoiceId = Json.str(in.path("Invoice"), "InvoiceID");
        XeroInvoice invoice = invoiceId == null ? null : st.invoices.get(invoiceId.toLowerCase(Locale.ROOT));
        if (invoice == null) {
            errors.add("Invoice could not be found.");
        } else {
            if (!"AUTHORISED".equals(invoice.status())) {
                errors.add("Allocations can only be made to AUTHORISED invoices; this one is " + invoice.status() + ".");
            }
            if (!invoice.contactId().equals(credit.contactId())) {
                errors.add("The " + source.noun() + " and the invoice must belong to the same contact.");
            }
            if (!invoice.currencyCode().equals(credit.currencyCode())) {
                String what = source.noun();
                errors.add("The " + what + " (" + credit.currencyCode() + ") and the invoice ("
                        + invoice.currencyCode() + ") must be in the same currency.");
            }
            String side = XeroCreditSource.invoiceTypeFor(credit.type());
            if (!side.equals(invoice.type())) {
                errors.add("A " + credit.type() + " " + source.noun() + " can only be allocated to "
                        + side + " invoices.");
            }
        }
        BigDecimal amount;
        try {
            amount = Json.dec(in, "Amount");
        } catch (NumberFormatException e) {
            amount = null;
        }
        if (amount == null || amount.signum() <= 0) {
            errors.add("The allocation Amount must be greater than zero.");
        } else {
            amount = Money.round2(amount);
            if (amount.compareTo(credit.amountDue()) > 0) {
                errors.add("The amount allocated exceeds the remaining credit on the " + source.noun() + ".");
            }
            if (invoice != null && amount.compareTo(invoice.amountDue()) > 0) {
                errors.add("The amount allocated exceeds the amount outstanding on the invoice.");
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
        if (!errors.isEmpty()) {
            throw new SandboxValidationException(errors);
        }
        XeroAllocation a = new XeroAllocation(UUID.randomUUID().toString(), source, credit.invoiceId(), invoice.invoiceId(),
                amount, date, false, now);
        st.allocations.put(a.allocationId(), a);
        settle(st, a, amount, now);
        return a;
    }

    static XeroAllocation delete(XeroTenantState st, XeroAllocation a, Instant now) {
        if (a.deleted()) {
            throw new SandboxValidationException("This allocation has already been deleted.");
        }
        XeroAllocation gone = new XeroAllocation(a.allocationId(), a.source(), a.creditId(), a.invoiceId(), a.amount(),
                a.date(), true, now);
        st.allocations.put(gone.allocationId(), gone);
        settle(st, a, a.amount().negate(), now);
        return gone;
    }

    private static void settle(XeroTenantState st, XeroAllocation a, BigDecimal delta, Instant now) {
        XeroInvoice credit = a.source().docs(st).get(a.creditId());
        a.source().docs(st).put(credit.invoiceId(),
                credit.withSettlement(credit.amountPaid(), credit.amountCredited().add(delta), a.date(), now));
        XeroInvoice inv = st.invoices.get(a.invoiceId());
        st.invoices.put(inv.invoiceId(), inv.withSettlement(inv.amountPaid(), inv.amountCredited().add(delta), a.date(), now));
    }

    static ObjectNode render(XeroTenantState st, XeroAllocation a) {
        ObjectNode o = Json.object();
        o.put("AllocationID", a.allocationId());
        o.put("Amount", a.amount());
        o.put("Date", XeroDates.msJson(a.date()));
        XeroInvoice inv = st.invoices.get(a.invoiceId());
        o.putObject("Invoice").put("InvoiceID", inv.invoiceId()).put("InvoiceNumber", inv.invoiceNumber());
        XeroInvoice credit = a.source().docs(st).get(a.creditId());
        ObjectNode src = o.putObject(a.source().label);
        src.put(a.source().idField, credit.invoiceId());
        if (a.source() == XeroCreditSource.CREDIT_NOTE) {
            src.put("CreditNoteNumber", credit.invoiceNumber());
        }
        o.put("IsDeleted", a.deleted());
        o.put("StatusAttributeString", "OK");
        return o;
    }

    /** A credit document's allocations, deleted ones included (with IsDeleted). */
    static ArrayNode allocationsOf(XeroTenantState st, XeroCreditSource source, String creditId) {
        ArrayNode out = Json.array();
        st.allocations.values().stream().filter(a -> a.source() == source && a.creditId().equals(creditId))
                .forEach(a -> out.add(render(st, a)));
        return out;
    }

    /** The credit of one kind applied to an invoice, as listed inside the invoice (CreditNotes, Prepayments, Overpayments). */
    static ArrayNode appliedTo(XeroTenantState st, XeroCreditSource source, String invoiceId) {
        ArrayNode out = Json.array();
        for (XeroAllocation a : st.allocations.values()) {
            if (a.source() == source && a.invoiceId().equals(invoiceId) && !a.deleted()) {
                XeroInvoice credit = source.docs(st).get(a.creditId());
                ObjectNode o = out.addObject();
                o.put(source.idField, credit.invoiceId());
                if (source == XeroCreditSource.CREDIT_NOTE) {
                    o.put("CreditNoteNumber", credit.invoiceNumber());
                }
                o.put("ID", a.allocationId());
                o.put("AppliedAmount", a.amount());
                o.put("DateString", XeroDates.dateString(a.date()));
                o.put("Date", XeroDates.msJson(a.date()));
                o.put("Total", credit.total());
                o.put("HasErrors", false);
            }
        }
        return out;
    }
}
