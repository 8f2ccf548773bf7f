package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.SandboxNotFoundException;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.FaultPlan;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.http.RequestHandler;
import io.sxs.sandbox.http.Router;
import io.sxs.sandbox.http.SandboxRequest;
import io.sxs.sandbox.http.SandboxResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The Xero Accounting API routes under /api.xro/2.0: authentication, envelopes, paging, batch writes. */
final class XeroApi {

    static final String BASE = "/api.xro/2.0";
    static final String PROVIDER = "Xero Sandbox";
    private static final ZoneId ORG_ZONE = ZoneId.of("Europe/London");
    private static final Pattern GUID = Pattern.compile("(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final String STATE = "tenantState";

    private final XeroSandbox sandbox;
    private final Router router = new Router();

    XeroApi(XeroSandbox sandbox) {
        this.sandbox = sandbox;
        get("/Organisation", this::organisation);
        get("/Accounts", this::accounts);
        get("/Accounts/{AccountID}", this::account);
        route("PUT", "/Accounts", this::writeAccounts);
        route("POST", "/Accounts/{AccountID}", this::writeAccounts);
        route("DELETE", "/Accounts/{AccountID}", this::deleteAccount);
        route("PUT", "/TaxRates", this::writeTaxRates);
        route("POST", "/TaxRates", this::writeTaxRates);
        get("/TaxRates", this::taxRates);
        get("/TaxRates/{TaxType}", this::taxRate);
        get("/Contacts", this::contacts);
        get("/Contacts/{ContactID}", this::contact);
        route("PUT", "/Contacts", r -> writeContacts(r, true));
        route("POST", "/Contacts", r -> writeContacts(r, false));
        route("POST", "/Contacts/{ContactID}", r -> writeContacts(r, false));
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
        get("/Items", this::items);
        get("/Items/{ItemID}", this::item);
        route("PUT", "/Items", r -> writeItems(r, true));
        route("POST", "/Items", r -> writeItems(r, false));
        route("POST", "/Items/{ItemID}", r -> writeItems(r, false));
        route("DELETE", "/Items/{ItemID}", this::deleteItem);
        get("/TrackingCategories", this::trackingCategories);
        get("/TrackingCategories/{TrackingCategoryID}", this::trackingCategory);
        route("PUT", "/TrackingCategories", this::writeTrackingCategories);
        route("POST", "/TrackingCategories/{TrackingCategoryID}", this::writeTrackingCategories);
        route("DELETE", "/TrackingCategories/{TrackingCategoryID}", this::deleteTrackingCategory);
        route("PUT", "/TrackingCategories/{TrackingCategoryID}/Options", this::writeTrackingOptions);
        route("POST", "/TrackingCategories/{TrackingCategoryID}/Options/{TrackingOptionID}", this::writeTrackingOptions);
        route("DELETE", "/TrackingCategories/{TrackingCategoryID}/Options/{TrackingOptionID}", this::deleteTrackingOption);
        get("/Currencies", this::currencies);
        route("PUT", "/Currencies", this::addCurrencies);
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

    private void get(String template, RequestHandler h) {
        route("GET", template, h);
    }

    private void route(String method, String template, RequestHandler h) {
        router.add(method, BASE, template, h);
    }

    boolean handles(SandboxRequest r) {
        String p = r.path();
        return p.regionMatches(true, 0, BASE, 0, BASE.length());
    }

    SandboxResponse handle(SandboxRequest r) throws Exception {
        Optional<Router.Match> match = router.match(r);
        if (match.isEmpty()) {
            return XeroErrors.notFound();
        }
        Set<String> reachable = sandbox.tokens.tenantsFor(bearer(r), sandbox.clock.instant());
        if (reachable == null) {
            return XeroErrors.unauthorized();
        }
        String tenantId = r.header("xero-tenant-id");
        if (tenantId == null) {
            tenantId = sandbox.tokens.customTenant(bearer(r));
        }
        XeroTenantState st = tenantId == null ? null : sandbox.tenants.get(tenantId.trim().toLowerCase(Locale.ROOT));
        if (st == null || !reachable.contains(st.tenantId)) {
            return XeroErrors.forbidden();
        }
        if (match.get().methodNotAllowed()) {
            return XeroErrors.error(405, 0, "MethodNotAllowed", "The method " + r.method() + " is not supported here");
        }
        SandboxResponse fault = injectedFault(st.faults);
        if (fault != null) {
            return fault;
        }
        Object decision = sandbox.limiter.acquire(st.tenantId, sandbox.tokens.clientFor(bearer(r)), now());
        if (decision instanceof SandboxResponse tooMany) {
            return tooMany;
        }
        try (XeroRateLimiter.Permit permit = (XeroRateLimiter.Permit) decision) {
            boolean write = !"GET".equalsIgnoreCase(r.method());
            st.calls.record(r.routeName(), write);
            r.attribute(STATE, st);
            SandboxResponse resp;
            synchronized (st) {
                resp = write ? idempotent(r, st, match.get().handler()) : match.get().handler().handle(r);
            }
            if (write && st.faults.loseReply()) {
                return SandboxResponse.dropConnection();
            }
            return permit.headers(resp, now());
        }
    }

    /** Slow reply, injected 5xx or 429 burst, decided before anything is processed. */
    private static SandboxResponse injectedFault(FaultPlan faults) {
        FaultPlan.sleep(faults.delay());
        return switch (faults.before()) {
            case PROCEED -> null;
            case FAIL_500 -> XeroErrors.problem(500, "An error occurred", "An unexpected error occurred in the API");
            case FAIL_503 -> SandboxResponse.text(503, "The Xero API is temporarily unavailable. Please try again later.");
            case THROTTLE -> SandboxResponse.empty(429).header("X-Rate-Limit-Problem", "minute")
                    .header("Retry-After", String.valueOf(faults.throttleRetryAfterSeconds()));
        };
    }

    private static String bearer(SandboxRequest r) {
        String h = r.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return h.substring(7).trim();
    }

    /** Same Idempotency-Key (per tenant) → the stored first reply, without writing again. */
    private SandboxResponse idempotent(SandboxRequest r, XeroTenantState st, RequestHandler h) throws Exception {
        String key = r.header("Idempotency-Key");
        if (key == null || key.isEmpty()) {
            return h.handle(r);
        }
        if (key.length() > 128) {
            return XeroErrors.validation("The Idempotency-Key header must not be longer than 128 characters.");
        }
        XeroTenantState.StoredReply stored = st.idempotentReplies.get(key);
        if (stored != null) {
            return SandboxResponse.raw(stored.status(), stored.body(), stored.contentType());
        }
        SandboxResponse resp = h.handle(r);
        if (resp.status() < 500 && !resp.isDropConnection()) {
            st.idempotentReplies.put(key, new XeroTenantState.StoredReply(resp.status(), resp.body(), resp.contentType()));
        }
        return resp;
    }

    private Instant now() {
        return sandbox.clock.instant();
    }

    LocalDate today() {
        return now().atZone(ORG_ZONE).toLocalDate();
    }

    private ObjectNode envelope(String plural, ArrayNode items, ObjectNode pagination) {
        ObjectNode o = Json.object();
        o.put("Id", UUID.randomUUID().toString());
        o.put("Status", "OK");
        o.put("ProviderName", PROVIDER);
        o.put("DateTimeUTC", XeroDates.msJsonNoOffset(now()));
        if (pagination != null) {
            o.set("pagination", pagination);
        }
        o.set(plural, items);
        return o;
    }

    private SandboxResponse ok(String plural, List<ObjectNode> items, ObjectNode pagination) {
        ArrayNode a = Json.array();
        items.forEach(a::add);
        return SandboxResponse.json(200, envelope(plural, a, pagination));
    }

    // ---- reference data -------------------------------------------------------------------------------------

    private SandboxResponse organisation(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        ObjectNode o = Json.object();
        o.put("APIKey", "");
        o.put("Name", st.organisationName);
        o.put("LegalName", st.organisationName);
        o.put("PaysTax", true);
        o.put("Version", "UK");
        o.put("OrganisationType", "COMPANY");
        o.put("BaseCurrency", "GBP");
        o.put("CountryCode", "GB");
        o.put("IsDemoCompany", false);
        o.put("OrganisationStatus", "ACTIVE");
        o.put("FinancialYearEndDay", 31);
        o.put("FinancialYearEndMonth", 3);
        o.put("SalesTaxBasis", "ACCRUALS");
        o.put("SalesTaxPeriod", "QUARTERLY1");
        o.put("DefaultSalesTax", "Tax Exclusive");
        o.put("DefaultPurchasesTax", "Tax Exclusive");
        o.put("CreatedDateUTC", XeroDates.msJson(st.createdAt));
        o.put("OrganisationEntityType", "COMPANY");
        o.put("Timezone", "GMTSTANDARDTIME");
        o.put("ShortCode", "!" + st.tenantId.substring(0, 5));
        o.put("OrganisationID", st.tenantId);
        o.put("Edition", "BUSINESS");
        o.put("Class", "STANDARD");
        return ok("Organisations", List.of(o), null);
    }

    private SandboxResponse accounts(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        Instant since = XeroDates.parseIfModifiedSince(r.header("If-Modified-Since"));
        List<ObjectNode> items = st.accountsByCode.values().stream()
                .filter(a -> since == null || a.updated().isAfter(since))
                .map(XeroAccount::toJson).collect(Collectors.toList());
        return filtered(r, "Accounts", items);
    }

    private SandboxResponse account(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        String id = r.pathParam("AccountID");
        return st.accountsByCode.values().stream().filter(a -> a.accountId().equalsIgnoreCase(id)).findFirst()
                .map(a -> ok("Accounts", List.of(a.toJson()), null)).orElseGet(XeroErrors::notFound);
    }

    private SandboxResponse taxRates(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        List<ObjectNode> items = st.taxRates.values().stream().map(XeroTaxRate::toJson).collect(Collectors.toList());
        return filtered(r, "TaxRates", items);
    }

    private SandboxResponse taxRate(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroTaxRate t = st.taxRates.get(r.pathParam("TaxType").toUpperCase(Locale.ROOT));
        return t == null ? XeroErrors.notFound() : ok("TaxRates", List.of(t.toJson()), null);
    }

    private SandboxResponse writeAccounts(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        String id = r.pathParam("AccountID");
        XeroAccount target = id == null ? null : st.accountsByCode.values().stream()
                .filter(a -> a.accountId().equalsIgnoreCase(id)).findFirst().orElse(null);
        if (id != null && target == null) {
            return XeroErrors.notFound();
        }
        Instant now = now();
        return wrappedBatch(r, "Accounts", "Account", "HasValidationErrors",
                el -> XeroChartService.writeAccount(st, target, el, now).toJson());
    }

    private SandboxResponse deleteAccount(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        String id = r.pathParam("AccountID");
        XeroAccount a = st.accountsByCode.values().stream().filter(x -> x.accountId().equalsIgnoreCase(id)).findFirst().orElse(null);
        if (a == null) {
            return XeroErrors.notFound();
        }
        try {
            XeroChartService.deleteAccount(st, a);
        } catch (SandboxValidationException e) {
            return XeroErrors.validation(e.getMessage());
        }
        ObjectNode gone = a.toJson();
        gone.put("Status", "DELETED");
        return ok("Accounts", List.of(gone), null);
    }

    private SandboxResponse writeTaxRates(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        boolean createOnly = "PUT".equalsIgnoreCase(r.method());
        return wrappedBatch(r, "TaxRates", "TaxRate", "HasValidationErrors", el -> {
            String taxType = Json.str(el, "TaxType");
            XeroTaxRate cur = createOnly || taxType == null ? null : st.taxRates.get(taxType.toUpperCase(Locale.ROOT));
            if (!createOnly && taxType != null && cur == null) {
                throw new SandboxValidationException("The TaxType code '" + taxType + "' does not exist.");
            }
            return XeroChartService.writeTaxRate(st, cur, el).toJson();
        });
    }

    /** where + order for the small, unpaged reference lists. */
    private SandboxResponse filtered(SandboxRequest r, String plural, List<ObjectNode> items) {
        try {
            Predicate<ObjectNode> where = XeroQuery.where(r.query("where"));
            Comparator<ObjectNode> order = XeroQuery.order(r.query("order"));
            List<ObjectNode> out = items.stream().filter(where).collect(Collectors.toCollection(ArrayList::new));
            if (order != null) {
                out.sort(order);
            }
            return ok(plural, out, null);
        } catch (XeroQuery.QueryParseException e) {
            return XeroErrors.queryParse(e.getMessage());
        }
    }

    // ---- contacts -------------------------------------------------------------------------------------------

    private SandboxResponse contacts(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        Instant since = XeroDates.parseIfModifiedSince(r.header("If-Modified-Since"));
        boolean includeArchived = r.queryFlag("includeArchived");
        boolean summaryOnly = r.queryFlag("summaryOnly");
        Set<String> ids = csv(r.query("IDs"), true);
        String search = r.query("searchTerm") == null ? null : r.query("searchTerm").toLowerCase(Locale.ROOT);
        List<ObjectNode> rendered = st.contacts.values().stream()
                .filter(c -> includeArchived || !"ARCHIVED".equals(c.status))
                .filter(c -> search == null || List.of("Name", "FirstName", "LastName", "ContactNumber", "EmailAddress").stream()
                        .anyMatch(f -> c.fields.path(f).asText("").toLowerCase(Locale.ROOT).contains(search)))
                .filter(c -> ids == null || ids.contains(c.contactId))
                .filter(c -> since == null || c.updated.isAfter(since))
                .map(c -> XeroContactService.render(c, summaryOnly))
                .collect(Collectors.toList());
        return query(r, "Contacts", rendered, false);
    }

    private SandboxResponse contact(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroContact c = findContact(st, r.pathParam("ContactID"));
        return c == null ? XeroErrors.notFound() : ok("Contacts", List.of(XeroContactService.render(c, false)), null);
    }

    static XeroContact findContact(XeroTenantState st, String idOrNumber) {
        if (GUID.matcher(idOrNumber).matches()) {
            XeroContact c = st.contacts.get(idOrNumber.toLowerCase(Locale.ROOT));
            if (c != null) {
                return c;
            }
        }
        return XeroContactService.byNumber(st, idOrNumber);
    }

    private SandboxResponse writeContacts(SandboxRequest r, boolean createOnly) {
        XeroTenantState st = r.attribute(STATE);
        String pathId = r.pathParam("ContactID");
        XeroContact target = null;
        if (pathId != null) {
            target = findContact(st, pathId);
            if (target == null) {
                return XeroErrors.notFound();
            }
        }
        XeroContact fixed = target;
        Instant now = now();
        return batch(r, "Contacts", "Contact", "HasValidationErrors", el -> {
            XeroContact cur = fixed;
            if (cur == null && !createOnly) {
                String id = Json.str(el, "ContactID");
                String number = Json.str(el, "ContactNumber");
                if (id != null && !id.isBlank()) {
                    cur = st.contacts.get(id.toLowerCase(Locale.ROOT));
                    if (cur == null) {
                        throw new SandboxValidationException("The contact with ContactID '" + id + "' could not be found.");
                    }
                } else if (number != null && !number.isBlank()) {
                    cur = XeroContactService.byNumber(st, number);
                }
            }
            XeroContact saved = cur == null ? XeroContactService.create(st, el, now) : XeroContactService.update(st, cur, el, now);
            return XeroContactService.render(saved, false);
        });
    }

    // ---- invoices -------------------------------------------------------------------------------------------

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
        List<ObjectNode> rendered = kind.docs(st).values().stream()
                .filter(i -> app == null || app.equals(st.createdByApp.get(i.invoiceId())))
                .filter(i -> search == null || i.invoiceNumber().toLowerCase(Locale.ROOT).contains(search)
                        || i.reference() != null && i.reference().toLowerCase(Locale.ROOT).contains(search))
                .filter(i -> ids == null || ids.contains(i.invoiceId()))
                .filter(i -> numbers == null || numbers.contains(i.invoiceNumber().toLowerCase(Locale.ROOT)))
                .filter(i -> contactIds == null || contactIds.contains(i.contactId()))
                .filter(i -> statuses == null || statuses.contains(i.status()))
                .filter(i -> since == null || i.updated().isAfter(since))
                .map(i -> XeroInvoiceService.render(st, kind, i, paged, summaryOnly, unitDp))
                .collect(Collectors.toList());
        return query(r, kind.plural, rendered, true);
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
        XeroInvoice found = null;
        for (XeroInvoice i : kind.docs(st).values()) {
            if (idOrNumber.equalsIgnoreCase(i.invoiceNumber()) && (found == null || kind.salesType.equals(i.type()))) {
                found = i;
            }
        }
        return found;
    }

    private static XeroInvoice salesByNumber(XeroTenantState st, XeroDocKind kind, String number) {
        for (XeroInvoice i : kind.docs(st).values()) {
            if (kind.salesType.equals(i.type()) && number.equalsIgnoreCase(i.invoiceNumber())) {
                return i;
            }
        }
        return null;
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

    // ---- bank transactions, prepayments, overpayments ---------------------------------------------------------

    private SandboxResponse bankTransactions(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        Instant since = XeroDates.parseIfModifiedSince(r.header("If-Modified-Since"));
        int unitDp = unitDp(r);
        List<ObjectNode> rendered = st.bankTransactions.values().stream()
                .filter(t -> since == null || t.updated().isAfter(since))
                .map(t -> XeroBankTransactionService.render(st, t, unitDp)).collect(Collectors.toList());
        return query(r, "BankTransactions", rendered, false);
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
        List<ObjectNode> rendered = source.docs(st).values().stream()
                .filter(p -> since == null || p.updated().isAfter(since))
                .map(p -> XeroBankTransactionService.renderCredit(st, source, p, unitDp)).collect(Collectors.toList());
        return query(r, source.plural, rendered, false);
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
        List<ObjectNode> rendered = st.payments.values().stream()
                .filter(p -> since == null || p.updated().isAfter(since))
                .map(p -> XeroPaymentService.render(st, p))
                .collect(Collectors.toList());
        return query(r, "Payments", rendered, false);
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

    // ---- items, tracking categories, currencies -------------------------------------------------------------

    private SandboxResponse items(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        Instant since = XeroDates.parseIfModifiedSince(r.header("If-Modified-Since"));
        int unitDp = unitDp(r);
        List<ObjectNode> rendered = st.items.values().stream().filter(i -> since == null || i.updated().isAfter(since))
                .map(i -> XeroItemService.render(i, unitDp)).collect(Collectors.toList());
        return filtered(r, "Items", rendered);
    }

    private SandboxResponse item(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroItem i = XeroItemService.find(st, r.pathParam("ItemID"));
        return i == null ? XeroErrors.notFound() : ok("Items", List.of(XeroItemService.render(i, unitDp(r))), null);
    }

    private SandboxResponse writeItems(SandboxRequest r, boolean createOnly) {
        XeroTenantState st = r.attribute(STATE);
        String pathId = r.pathParam("ItemID");
        XeroItem target = pathId == null ? null : XeroItemService.find(st, pathId);
        if (pathId != null && target == null) {
            return XeroErrors.notFound();
        }
        int unitDp = unitDp(r);
        Instant now = now();
        return wrappedBatch(r, "Items", "Item", "HasValidationErrors", el -> {
            XeroItem cur = target;
            if (cur == null && !createOnly) {
                String id = Json.str(el, "ItemID");
                String code = Json.str(el, "Code");
                cur = id != null ? st.items.get(id.toLowerCase(Locale.ROOT)) : code != null ? XeroItemService.find(st, code) : null;
                if (id != null && cur == null) {
                    throw new SandboxValidationException("The item with ItemID '" + id + "' could not be found.");
                }
            }
            return XeroItemService.render(XeroItemService.write(st, cur, el, now, unitDp), unitDp);
        });
    }

    private SandboxResponse deleteItem(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroItem i = XeroItemService.find(st, r.pathParam("ItemID"));
        if (i == null) {
            return XeroErrors.notFound();
        }
        st.items.remove(i.itemId());
        return SandboxResponse.empty(204);
    }

    private SandboxResponse trackingCategories(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        boolean archived = r.queryFlag("includeArchived");
        List<ObjectNode> rendered = st.tracking.values().stream().filter(c -> archived || c.status.equals("ACTIVE"))
                .map(c -> XeroTrackingService.render(c, archived)).collect(Collectors.toList());
        return filtered(r, "TrackingCategories", rendered);
    }

    private SandboxResponse trackingCategory(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroTrackingCategory c = st.tracking.get(r.pathParam("TrackingCategoryID").toLowerCase(Locale.ROOT));
        return c == null ? XeroErrors.notFound() : ok("TrackingCategories", List.of(XeroTrackingService.render(c, true)), null);
    }

    private SandboxResponse writeTrackingCategories(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        String id = r.pathParam("TrackingCategoryID");
        XeroTrackingCategory target = id == null ? null : st.tracking.get(id.toLowerCase(Locale.ROOT));
        if (id != null && target == null) {
            return XeroErrors.notFound();
        }
        return wrappedBatch(r, "TrackingCategories", "TrackingCategory", "HasValidationErrors", el -> XeroTrackingService.render(
                target == null ? XeroTrackingService.create(st, el) : XeroTrackingService.update(st, target, el), true));
    }

    private SandboxResponse deleteTrackingCategory(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroTrackingCategory c = st.tracking.get(r.pathParam("TrackingCategoryID").toLowerCase(Locale.ROOT));
        if (c == null) {
            return XeroErrors.notFound();
        }
        try {
            XeroTrackingService.delete(st, c);
        } catch (SandboxValidationException e) {
            return XeroErrors.validation(e.getMessage());
        }
        ObjectNode gone = XeroTrackingService.render(c, true);
        gone.put("Status", "DELETED");
        return ok("TrackingCategories", List.of(gone), null);
    }

    private SandboxResponse writeTrackingOptions(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroTrackingCategory c = st.tracking.get(r.pathParam("TrackingCategoryID").toLowerCase(Locale.ROOT));
        if (c == null) {
            return XeroErrors.notFound();
        }
        String optionId = r.pathParam("TrackingOptionID");
        XeroTrackingCategory.Option target = optionId == null ? null : c.options.get(optionId.toLowerCase(Locale.ROOT));
        if (optionId != null && target == null) {
            return XeroErrors.notFound();
        }
        return wrappedBatch(r, "Options", "TrackingOption", "HasValidationErrors", el -> XeroTrackingService.renderOption(
                target == null ? XeroTrackingService.addOption(c, el) : XeroTrackingService.updateOption(c, target, el)));
    }

    private SandboxResponse deleteTrackingOption(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroTrackingCategory c = st.tracking.get(r.pathParam("TrackingCategoryID").toLowerCase(Locale.ROOT));
        XeroTrackingCategory.Option o = c == null ? null : c.options.get(r.pathParam("TrackingOptionID").toLowerCase(Locale.ROOT));
        if (o == null) {
            return XeroErrors.notFound();
        }
        try {
            XeroTrackingService.deleteOption(st, c, o);
        } catch (SandboxValidationException e) {
            return XeroErrors.validation(e.getMessage());
        }
        ObjectNode gone = XeroTrackingService.renderOption(o);
        gone.put("Status", "DELETED");
        gone.put("IsDeleted", true);
        return ok("Options", List.of(gone), null);
    }

    private SandboxResponse currencies(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        List<ObjectNode> rendered = new ArrayList<>();
        st.currencies.forEach((code, description) -> rendered.add(Json.object().put("Code", code).put("Description", description)));
        return filtered(r, "Currencies", rendered);
    }

    private SandboxResponse addCurrencies(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        return wrappedBatch(r, "Currencies", "Currency", "HasValidationErrors", el -> {
            String code = String.valueOf(Json.str(el, "Code")).toUpperCase(Locale.ROOT);
            String description = XeroCurrencies.KNOWN.get(code);
            if (description == null) {
                throw new SandboxValidationException("'" + Json.str(el, "Code") + "' is not a valid currency code.");
            }
            st.currencies.put(code, description);
            return Json.object().put("Code", code).put("Description", description);
        });
    }

    /** A write whose body may be the wrapped array form or one bare object (as the SDKs send for these endpoints). */
    private SandboxResponse wrappedBatch(SandboxRequest r, String plural, String singular, String errorFlag, ElementWriter writer) {
        JsonNode body;
        try {
            body = Json.parse(r.body());
        } catch (Json.MalformedJsonException e) {
            return XeroErrors.postDataInvalid(String.valueOf(e.getMessage()));
        }
        if (body != null && body.isObject() && !body.has(plural) && body.size() > 0) {
            ObjectNode wrapped = Json.object();
            wrapped.putArray(plural).add(body);
            body = wrapped;
        }
        return batch(r, body, plural, singular, errorFlag, writer);
    }

    // ---- shared list and batch machinery --------------------------------------------------------------------

    /** where, order, then paging: page given → pagination block (and, for invoices, line items). */
    private SandboxResponse query(SandboxRequest r, String plural, List<ObjectNode> rendered, boolean stripLinesWhenUnpaged) {
        Predicate<ObjectNode> where;
        Comparator<ObjectNode> order;
        try {
            where = XeroQuery.where(r.query("where"));
            order = XeroQuery.order(r.query("order"));
        } catch (XeroQuery.QueryParseException e) {
            return XeroErrors.queryParse(e.getMessage());
        }
        List<ObjectNode> items = rendered.stream().filter(where).collect(Collectors.toCollection(ArrayList::new));
        if (order != null) {
            items.sort(order);
        }
        if (r.query("page") == null) {
            return ok(plural, items, null);
        }
        int page = Math.max(1, parseInt(r.query("page"), 1));
        int pageSize = parseInt(r.query("pageSize"), 100);
        if (pageSize < 1) {
            pageSize = 100;
        }
        pageSize = Math.min(pageSize, 1000);
        int from = Math.min(items.size(), (page - 1) * pageSize);
        int to = Math.min(items.size(), from + pageSize);
        ObjectNode pagination = Json.object();
        pagination.put("page", page);
        pagination.put("pageSize", pageSize);
        pagination.put("pageCount", (items.size() + pageSize - 1) / pageSize);
        pagination.put("itemCount", items.size());
        return ok(plural, items.subList(from, to), pagination);
    }

    /** Writes one element; throws SandboxValidationException with the element's messages. */
    @FunctionalInterface
    interface ElementWriter {
        ObjectNode write(JsonNode element);
    }

    /**
     * Xero's batch semantics. Every element is tried in order (valid ones are saved even when others fail).
     * summarizeErrors (default true): any failure → 400 ValidationException listing only the failures, so the
     * IDs of the saved elements are not returned. summarizeErrors=false → 200 with every element and its status.
     */
    private SandboxResponse batch(SandboxRequest r, String plural, String singular, String errorFlag, ElementWriter writer) {
        JsonNode body;
        try {
            body = Json.parse(r.body());
        } catch (Json.MalformedJsonException e) {
            return XeroErrors.postDataInvalid(String.valueOf(e.getMessage()));
        }
        return batch(r, body, plural, singular, errorFlag, writer);
    }

    private SandboxResponse batch(SandboxRequest r, JsonNode body, String plural, String singular, String errorFlag,
                                  ElementWriter writer) {
        JsonNode elements = body != null && body.isObject() ? body.get(plural) : null;
        if (elements == null || !elements.isArray() || elements.isEmpty()) {
            return XeroErrors.noDataProcessed(singular);
        }
        boolean summarize = !"false".equalsIgnoreCase(r.query("summarizeErrors"));
        ArrayNode all = Json.array();
        ArrayNode failures = Json.array();
        for (JsonNode el : elements) {
            try {
                if (!el.isObject()) {
                    throw new SandboxValidationException("Each " + singular + " must be a JSON object.");
                }
                ObjectNode saved = writer.write(el);
                saved.put("StatusAttributeString", "OK");
                all.add(saved);
            } catch (SandboxValidationException | SandboxNotFoundException e) {
                ObjectNode failed = el.isObject() ? ((ObjectNode) el).deepCopy() : Json.object();
                failed.put(errorFlag, true);
                failed.put("StatusAttributeString", "ERROR");
                List<String> msgs = e instanceof SandboxValidationException v ? v.messages() : List.of(e.getMessage());
                failed.set("ValidationErrors", XeroErrors.messages(msgs));
                all.add(failed);
                failures.add(failed);
            } catch (NumberFormatException e) {
                ObjectNode failed = ((ObjectNode) el).deepCopy();
                failed.put(errorFlag, true);
                failed.put("StatusAttributeString", "ERROR");
                failed.set("ValidationErrors", XeroErrors.messages(List.of("A numeric field has an invalid value.")));
                all.add(failed);
                failures.add(failed);
            }
        }
        if (summarize && !failures.isEmpty()) {
            return XeroErrors.validation(failures);
        }
        return SandboxResponse.json(200, envelope(plural, all, null));
    }

    private static int unitDp(SandboxRequest r) {
        return "4".equals(r.query("unitdp")) ? 4 : 2;
    }

    private static int parseInt(String s, int dflt) {
        try {
            return s == null ? dflt : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** A comma list, quotes stripped; lower-cased for ids and numbers. Null when the parameter is absent. */
    private static Set<String> csv(String v, boolean lower) {
        if (v == null || v.isBlank()) {
            return null;
        }
        return Arrays.stream(v.split(","))
                .map(s -> s.trim().replace("\"", ""))
                .filter(s -> !s.isEmpty())
                .map(s -> lower ? s.toLowerCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
