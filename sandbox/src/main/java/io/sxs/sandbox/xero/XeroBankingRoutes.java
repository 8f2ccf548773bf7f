package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.http.SandboxRequest;
import io.sxs.sandbox.http.SandboxResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** /Payments, /BankTransactions, /Prepayments and /Overpayments. */
final class XeroBankingRoutes extends XeroRouteGroup {

    XeroBankingRoutes(XeroApi api) {
        super(api);
        get("/BankTransactions", this::bankTransactions);
        get("/BankTransactions/{BankTransactionID}", this::bankTransaction);
        route("PUT", "/BankTransactions", r -> writeBankTransactions(r, true));
        route("POST", "/BankTransactions", r -> writeBankTransactions(r, false));
        route("POST", "/BankTransactions/{BankTransactionID}", r -> writeBankTransactions(r, false));
        for (XeroCreditSource source : List.of(XeroCreditSource.PREPAYMENT, XeroCreditSource.OVERPAYMENT)) {
            get("/" + source.plural, r -> credits(r, source));
            get("/" + source.plural + "/{" + source.idField + "}", r -> credit(r, source));
            route("PUT", "/" + source.plural + "/{" + source.idField + "}/Allocations", r -> allocateCredit(r, source));
            route("DELETE", "/" + source.plural + "/{" + source.idField + "}/Allocations/{AllocationID}",
                    r -> deleteCreditAllocation(r, source));
        }
        get("/Payments", this::payments);
        get("/Payments/{PaymentID}", this::payment);
        route("PUT", "/Payments", r -> writePayments(r, null));
        route("POST", "/Payments", r -> writePayments(r, null));
        route("POST", "/Payments/{PaymentID}", r -> writePayments(r, r.pathParam("PaymentID")));
    }

    private SandboxResponse bankTransactions(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        Instant since = XeroDates.parseIfModifiedSince(r.header("If-Modified-Since"));
        int unitDp = unitDp(r);
        List<XeroBankTransaction> matching = st.bankTransactions.values().stream()
                .filter(t -> since == null || t.updated().isAfter(since))
                .collect(Collectors.toList());
        return query(r, "BankTransactions", matching, t -> XeroBankTransactionService.render(st, t, unitDp));
    }

    private SandboxResponse bankTransaction(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroBankTransaction t = st.bankTransactions.get(r.pathParam("BankTransactionID").toLowerCase(Locale.ROOT));
        return t == null ? XeroErrors.notFound()
                : ok("BankTransactions", List.of(XeroBankTransactionService.render(st, t, unitDp(r))), null);
    }

    private SandboxResponse writeBankTransactions(SandboxRequest r, boolean createOnly) {
        XeroTenantState st = r.attribute(STATE);
        String pathId = r.pathParam("BankTransactionID");
        XeroBankTransaction target = pathId == null ? null : st.bankTransactions.get(pathId.toLowerCase(Locale.ROOT));
        if (pathId != null && target == null) {
            return XeroErrors.notFound();
        }
        int unitDp = unitDp(r);
        Instant now = now();
        LocalDate today = today();
        return batch(r, "BankTransactions", "BankTransaction", "HasErrors", el -> {
            XeroBankTransaction cur = target;
            String id = Json.str(el, "BankTransactionID");
            if (cur == null && !createOnly && id != null) {
                cur = st.bankTransactions.get(id.toLowerCase(Locale.ROOT));
                if (cur == null) {
                    throw new SandboxValidationException("The bank transaction with BankTransactionID '" + id + "' could not be found.");
                }
            }
            XeroBankTransaction saved = cur == null ? XeroBankTransactionService.create(st, el, unitDp, now, today)
                    : XeroBankTransactionService.update(st, cur, el, now);
            return XeroBankTransactionService.render(st, saved, unitDp);
        });
    }

    private SandboxResponse credits(SandboxRequest r, XeroCreditSource source) {
        XeroTenantState st = r.attribute(STATE);
        Instant since = XeroDates.parseIfModifiedSince(r.header("If-Modified-Since"));
        int unitDp = unitDp(r);
        List<XeroInvoice> matching = source.docs(st).values().stream()
                .filter(p -> since == null || p.updated().isAfter(since))
                .collect(Collectors.toList());
        return query(r, source.plural, matching, p -> XeroBankTransactionService.renderCredit(st, source, p, unitDp));
    }

    private SandboxResponse credit(SandboxRequest r, XeroCreditSource source) {
        XeroTenantState st = r.attribute(STATE);
        XeroInvoice p = source.docs(st).get(r.pathParam(source.idField).toLowerCase(Locale.ROOT));
        return p == null ? XeroErrors.notFound()
                : ok(source.plural, List.of(XeroBankTransactionService.renderCredit(st, source, p, unitDp(r))), null);
    }

    private SandboxResponse allocateCredit(SandboxRequest r, XeroCreditSource source) {
        XeroTenantState st = r.attribute(STATE);
        String id = r.pathParam(source.idField).toLowerCase(Locale.ROOT);
        if (!source.docs(st).containsKey(id)) {
            return XeroErrors.notFound();
        }
        Instant now = now();
        LocalDate today = today();
        return wrappedBatch(r, "Allocations", "Allocation", "HasValidationErrors", el -> XeroAllocationService.render(st,
                XeroAllocationService.allocate(st, source, source.docs(st).get(id), el, now, today)));
    }

    private SandboxResponse deleteCreditAllocation(SandboxRequest r, XeroCreditSource source) {
        XeroTenantState st = r.attribute(STATE);
        String id = r.pathParam(source.idField).toLowerCase(Locale.ROOT);
        XeroAllocation a = st.allocations.get(r.pathParam("AllocationID").toLowerCase(Locale.ROOT));
        if (a == null || a.source() != source || !a.creditId().equals(id)) {
            return XeroErrors.notFound();
        }
        try {
            return ok("Allocations", List.of(XeroAllocationService.render(st, XeroAllocationService.delete(st, a, now()))), null);
        } catch (SandboxValidationException e) {
            return XeroErrors.validation(e.getMessage());
        }
    }

    // ---- payments -------------------------------------------------------------------------------------------

    private SandboxResponse payments(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        Instant since = XeroDates.parseIfModifiedSince(r.header("If-Modified-Since"));
        List<XeroPayment> matching = st.payments.values().stream()
                .filter(p -> since == null || p.updated().isAfter(since))
                .collect(Collectors.toList());
        return query(r, "Payments", matching, p -> XeroPaymentService.render(st, p));
    }

    private SandboxResponse payment(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroPayment p = st.payments.get(r.pathParam("PaymentID").toLowerCase(Locale.ROOT));
        return p == null ? XeroErrors.notFound() : ok("Payments", List.of(XeroPaymentService.render(st, p)), null);
    }

    /** PUT takes {"Payments":[...]}; POST also takes one bare payment; POST /Payments/{id} may only delete. */
    private SandboxResponse writePayments(SandboxRequest r, String pathId) {
        XeroTenantState st = r.attribute(STATE);
        XeroPayment target = null;
        if (pathId != null) {
            target = st.payments.get(pathId.toLowerCase(Locale.ROOT));
            if (target == null) {
                return XeroErrors.notFound();
            }
        }
        JsonNode body;
        try {
            body = Json.parse(r.body());
        } catch (Json.MalformedJsonException e) {
            return XeroErrors.postDataInvalid(String.valueOf(e.getMessage()));
        }
        if ("POST".equalsIgnoreCase(r.method()) && body != null && body.isObject() && !body.has("Payments") && body.size() > 0) {
            ObjectNode wrapped = Json.object();
            wrapped.putArray("Payments").add(body);
            body = wrapped;
        }
        XeroPayment fixed = target;
        Instant now = now();
        LocalDate today = today();
        return batch(r, body, "Payments", "Payment", "HasValidationErrors", el -> {
            XeroPayment cur = fixed;
            String id = Json.str(el, "PaymentID");
            if (cur == null && id != null) {
                cur = st.payments.get(id.toLowerCase(Locale.ROOT));
                if (cur == null) {
                    throw new SandboxValidationException("The payment with PaymentID '" + id + "' could not be found.");
                }
            }
            XeroPayment saved = cur == null ? XeroPaymentService.create(st, el, now, today)
                    : XeroPaymentService.update(st, cur, el, now);
            return XeroPaymentService.render(st, saved);
        });
    }
}
