package io.sxs.sandbox.xero;

import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.http.SandboxRequest;
import io.sxs.sandbox.http.SandboxResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** /Invoices and /CreditNotes (one document model) and credit note allocations. */
final class XeroDocumentRoutes extends XeroRouteGroup {

    XeroDocumentRoutes(XeroApi api) {
        super(api);
        get("/Invoices", r -> documents(r, XeroDocKind.INVOICE));
        get("/Invoices/{InvoiceID}", r -> document(r, XeroDocKind.INVOICE));
        route("PUT", "/Invoices", r -> writeDocuments(r, XeroDocKind.INVOICE, true));
        route("POST", "/Invoices", r -> writeDocuments(r, XeroDocKind.INVOICE, false));
        route("POST", "/Invoices/{InvoiceID}", r -> writeDocuments(r, XeroDocKind.INVOICE, false));
        get("/CreditNotes", r -> documents(r, XeroDocKind.CREDIT_NOTE));
        get("/CreditNotes/{CreditNoteID}", r -> document(r, XeroDocKind.CREDIT_NOTE));
        route("PUT", "/CreditNotes", r -> writeDocuments(r, XeroDocKind.CREDIT_NOTE, true));
        route("POST", "/CreditNotes", r -> writeDocuments(r, XeroDocKind.CREDIT_NOTE, false));
        route("POST", "/CreditNotes/{CreditNoteID}", r -> writeDocuments(r, XeroDocKind.CREDIT_NOTE, false));
        route("PUT", "/CreditNotes/{CreditNoteID}/Allocations", this::allocate);
        route("DELETE", "/CreditNotes/{CreditNoteID}/Allocations/{AllocationID}", this::deleteAllocation);
    }

    private SandboxResponse documents(SandboxRequest r, XeroDocKind kind) {
        XeroTenantState st = r.attribute(STATE);
        Instant since = XeroDates.parseIfModifiedSince(r.header("If-Modified-Since"));
        boolean summaryOnly = r.queryFlag("summaryOnly");
        boolean paged = r.query("page") != null;
        int unitDp = unitDp(r);
        Set<String> ids = csv(r.query("IDs"), true);
        Set<String> numbers = csv(r.query(kind == XeroDocKind.INVOICE ? "InvoiceNumbers" : "CreditNoteNumbers"), true);
        Set<String> contactIds = csv(r.query("ContactIDs"), true);
        Set<String> statuses = csv(r.query("Statuses"), false);
        String app = r.queryFlag("createdByMyApp") ? sandbox.tokens.clientFor(bearer(r)) : null;
        String search = r.query("searchTerm") == null ? null : r.query("searchTerm").toLowerCase(Locale.ROOT);
        List<XeroInvoice> matching = kind.docs(st).values().stream()
                .filter(i -> app == null || app.equals(st.createdByApp.get(i.invoiceId())))
                .filter(i -> search == null || i.invoiceNumber().toLowerCase(Locale.ROOT).contains(search)
                        || i.reference() != null && i.reference().toLowerCase(Locale.ROOT).contains(search))
                .filter(i -> ids == null || ids.contains(i.invoiceId()))
                .filter(i -> numbers == null || numbers.contains(i.invoiceNumber().toLowerCase(Locale.ROOT)))
                .filter(i -> contactIds == null || contactIds.contains(i.contactId()))
                .filter(i -> statuses == null || statuses.contains(i.status()))
                .filter(i -> since == null || i.updated().isAfter(since))
                .collect(Collectors.toList());
        return query(r, kind.plural, matching, i -> XeroInvoiceService.render(st, kind, i, paged, summaryOnly, unitDp));
    }

    private SandboxResponse document(SandboxRequest r, XeroDocKind kind) {
        XeroTenantState st = r.attribute(STATE);
        XeroInvoice i = findDocument(st, kind, r.pathParam(kind.idField));
        return i == null ? XeroErrors.notFound()
                : ok(kind.plural, List.of(XeroInvoiceService.render(st, kind, i, true, false, unitDp(r))), null);
    }

    static XeroInvoice findInvoice(XeroTenantState st, String idOrNumber) {
        return findDocument(st, XeroDocKind.INVOICE, idOrNumber);
    }

    /** By id, else by number (preferring the sales type, whose numbers are unique). */
    static XeroInvoice findDocument(XeroTenantState st, XeroDocKind kind, String idOrNumber) {
        if (GUID.matcher(idOrNumber).matches()) {
            XeroInvoice i = kind.docs(st).get(idOrNumber.toLowerCase(Locale.ROOT));
            if (i != null) {
                return i;
            }
        }
        XeroInvoice sales = salesByNumber(st, kind, idOrNumber);
        if (sales != null) {
            return sales;
        }
        XeroInvoice found = null;
        for (XeroInvoice i : kind.docs(st).values()) {
            if (idOrNumber.equalsIgnoreCase(i.invoiceNumber()) && (found == null || kind.salesType.equals(i.type()))) {
                found = i;
            }
        }
        return found;
    }

    private static XeroInvoice salesByNumber(XeroTenantState st, XeroDocKind kind, String number) {
        String id = st.salesDocumentWithNumber(kind, number);
        return id == null ? null : kind.docs(st).get(id);
    }

    private SandboxResponse writeDocuments(SandboxRequest r, XeroDocKind kind, boolean createOnly) {
        XeroTenantState st = r.attribute(STATE);
        String pathId = r.pathParam(kind.idField);
        XeroInvoice target = null;
        if (pathId != null) {
            target = findDocument(st, kind, pathId);
            if (target == null) {
                return XeroErrors.notFound();
            }
        }
        XeroInvoice fixed = target;
        int unitDp = unitDp(r);
        Instant now = now();
        LocalDate today = today();
        String app = sandbox.tokens.clientFor(bearer(r));
        return batch(r, kind.plural, kind == XeroDocKind.INVOICE ? "Invoice" : "CreditNote", "HasErrors", el -> {
            XeroInvoice cur = fixed;
            if (cur == null && !createOnly) {
                String id = Json.str(el, kind.idField);
                String number = Json.str(el, kind.numberField);
                String type = Json.str(el, "Type");
                if (id != null && !id.isBlank()) {
                    cur = kind.docs(st).get(id.toLowerCase(Locale.ROOT));
                    if (cur == null) {
                        throw new SandboxValidationException("The " + kind.label.toLowerCase(Locale.ROOT) + " with "
                                + kind.idField + " '" + id + "' could not be found.");
                    }
                } else if (number != null && !number.isBlank() && (type == null || kind.salesType.equals(type))) {
                    cur = salesByNumber(st, kind, number.trim());
                }
            }
            boolean created = cur == null;
            XeroInvoice saved = XeroInvoiceService.write(st, kind, cur, el, unitDp, now, today);
            if (created) {
                st.createdByApp.put(saved.invoiceId(), app);
            }
            return XeroInvoiceService.render(st, kind, saved, true, false, unitDp);
        });
    }

    private SandboxResponse allocate(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroInvoice note = findDocument(st, XeroDocKind.CREDIT_NOTE, r.pathParam("CreditNoteID"));
        if (note == null) {
            return XeroErrors.notFound();
        }
        Instant now = now();
        LocalDate today = today();
        return wrappedBatch(r, "Allocations", "Allocation", "HasValidationErrors", el -> XeroAllocationService.render(st,
                XeroAllocationService.allocate(st, XeroCreditSource.CREDIT_NOTE, st.creditNotes.get(note.invoiceId()), el, now, today)));
    }

    private SandboxResponse deleteAllocation(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroInvoice note = findDocument(st, XeroDocKind.CREDIT_NOTE, r.pathParam("CreditNoteID"));
        XeroAllocation a = st.allocations.get(r.pathParam("AllocationID").toLowerCase(Locale.ROOT));
        if (note == null || a == null || !a.creditId().equals(note.invoiceId())) {
            return XeroErrors.notFound();
        }
        try {
            return ok("Allocations", List.of(XeroAllocationService.render(st, XeroAllocationService.delete(st, a, now()))), null);
        } catch (SandboxValidationException e) {
            return XeroErrors.validation(e.getMessage());
        }
    }
}
