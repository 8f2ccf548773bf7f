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
 * Credit note allocations: an AUTHORISED credit note's remaining credit applied to an AUTHORISED invoice of the same
 * contact and side (ACCRECCREDIT → ACCREC, ACCPAYCREDIT → ACCPAY), up to both the credit left and the amount due.
 * Either document becomes PAID when settled; deleting an allocation keeps it with IsDeleted = true.
 */
final class XeroCreditNoteService {

    private XeroCreditNoteService() {
    }

    static XeroAllocation allocate(XeroTenantState st, XeroInvoice note, JsonNode in, Instant now, LocalDate today) {
        List<String> errors = new ArrayList<>();
        if (!"AUTHORISED".equals(note.status())) {
            errors.add("Only AUTHORISED credit notes with remaining credit can be allocated; this one is " + note.status() + ".");
        }
        String invoiceId = Json.str(in.path("Invoice"), "InvoiceID");
        XeroInvoice invoice = invoiceId == null ? null : st.invoices.get(invoiceId.toLowerCase(Locale.ROOT));
        if (invoice == null) {
            errors.add("Invoice could not be found.");
        } else {
            if (!"AUTHORISED".equals(invoice.status())) {
                errors.add("Allocations can only be made to AUTHORISED invoices; this one is " + invoice.status() + ".");
            }
            if (!invoice.contactId().equals(note.contactId())) {
                errors.add("The credit note and the invoice must belong to the same contact.");
            }
            if (!note.type().equals(invoice.type() + "CREDIT")) {
                errors.add("A " + note.type() + " credit note can only be allocated to " + note.type().replace("CREDIT", "") + " invoices.");
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
            if (amount.compareTo(note.amountDue()) > 0) {
                errors.add("The amount allocated exceeds the remaining credit on the credit note.");
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
        XeroAllocation a = new XeroAllocation(UUID.randomUUID().toString(), note.invoiceId(), invoice.invoiceId(), amount,
                date, false, now);
        st.allocations.put(a.allocationId(), a);
        settle(st, a, amount, now);
        return a;
    }

    static XeroAllocation delete(XeroTenantState st, XeroAllocation a, Instant now) {
        if (a.deleted()) {
            throw new SandboxValidationException("This allocation has already been deleted.");
        }
        XeroAllocation gone = new XeroAllocation(a.allocationId(), a.creditNoteId(), a.invoiceId(), a.amount(), a.date(), true, now);
        st.allocations.put(gone.allocationId(), gone);
        settle(st, a, a.amount().negate(), now);
        return gone;
    }

    private static void settle(XeroTenantState st, XeroAllocation a, BigDecimal delta, Instant now) {
        XeroInvoice note = st.creditNotes.get(a.creditNoteId());
        st.creditNotes.put(note.invoiceId(), note.withSettlement(note.amountPaid(), note.amountCredited().add(delta), a.date(), now));
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
        XeroInvoice note = st.creditNotes.get(a.creditNoteId());
        o.putObject("CreditNote").put("CreditNoteID", note.invoiceId()).put("CreditNoteNumber", note.invoiceNumber());
        o.put("IsDeleted", a.deleted());
        o.put("StatusAttributeString", "OK");
        return o;
    }

    /** A credit note's allocations, deleted ones included (with IsDeleted). */
    static ArrayNode allocationsOf(XeroTenantState st, String creditNoteId) {
        ArrayNode out = Json.array();
        st.allocations.values().stream().filter(a -> a.creditNoteId().equals(creditNoteId))
                .forEach(a -> out.add(render(st, a)));
        return out;
    }

    /** The credit notes applied to an invoice, as listed inside the invoice. */
    static ArrayNode appliedTo(XeroTenantState st, String invoiceId) {
        ArrayNode out = Json.array();
        for (XeroAllocation a : st.allocations.values()) {
            if (a.invoiceId().equals(invoiceId) && !a.deleted()) {
                XeroInvoice note = st.creditNotes.get(a.creditNoteId());
                ObjectNode o = out.addObject();
                o.put("CreditNoteID", note.invoiceId());
                o.put("CreditNoteNumber", note.invoiceNumber());
                o.put("ID", a.allocationId());
                o.put("AppliedAmount", a.amount());
                o.put("DateString", XeroDates.dateString(a.date()));
                o.put("Date", XeroDates.msJson(a.date()));
                o.put("Total", note.total());
                o.put("HasErrors", false);
            }
        }
        return out;
    }
}
