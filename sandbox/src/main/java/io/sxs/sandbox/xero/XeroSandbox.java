package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.SandboxClock;
import io.sxs.sandbox.core.SandboxNotFoundException;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.FaultPlan;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.http.SandboxHttpServer;
import io.sxs.sandbox.http.SandboxRequest;
import io.sxs.sandbox.http.SandboxResponse;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A stateful, multi-tenant simulator of the Xero Accounting API on a real HTTP port.
 * The API lives under {@link #apiBase()}; a test/admin API under /sandbox-admin/ (see README).
 * The Java methods below act as a user inside Xero: they follow the same rules as the API but are not counted as API calls.
 */
public final class XeroSandbox implements AutoCloseable {

    private static final int THREADS = 64;

    final SandboxClock clock = new SandboxClock();
    final Map<String, XeroTenantState> tenants = new ConcurrentHashMap<>();
    final Map<String, XeroTenant> tenantRecords = new ConcurrentHashMap<>();
    final XeroTokens tokens;
    final XeroRateLimiter limiter = new XeroRateLimiter();
    final io.sxs.sandbox.core.CallCounter identityCalls = new io.sxs.sandbox.core.CallCounter();
    final java.util.concurrent.atomic.LongAdder unauthorised = new java.util.concurrent.atomic.LongAdder();
    private final XeroApi api;
    private final XeroAdminApi admin;
    private final XeroIdentityApi identity;
    private final SandboxHttpServer server;
    private final XeroWebhooks webhooks = new XeroWebhooks(this);

    /** Everything {@link #save} keeps: organisations with all their data, apps, grants and tokens, webhooks, the clock. */
    private record Snapshot(Instant clockAt, double clockRate, Map<String, XeroTenantState> tenants,
                            Map<String, XeroTenant> tenantRecords, XeroTokens tokens,
                            List<XeroWebhooks.Saved> webhooks) implements java.io.Serializable { }

    private XeroSandbox(int port, Snapshot saved) {
        this.tokens = saved == null ? new XeroTokens() : saved.tokens();
        if (saved != null) {
            clock.resume(saved.clockAt(), saved.clockRate());
            saved.tenants().values().forEach(st -> st.attach(webhooks));
            tenants.putAll(saved.tenants());
            tenantRecords.putAll(saved.tenantRecords());
            webhooks.restore(saved.webhooks());
        }
        this.api = new XeroApi(this);
        this.admin = new XeroAdminApi(this);
        this.identity = new XeroIdentityApi(this);
        this.server = SandboxHttpServer.start("xero", port, THREADS, this::dispatch);
    }

    /** Starts the sandbox; port 0 picks a random free port. */
    public static XeroSandbox start(int port) {
        return new XeroSandbox(port, null);
    }

    /**
     * Starts the sandbox with the state {@link #save} wrote to {@code snapshot}; an unreadable file fails naming it.
     * Call counters, fault plans and rate-limit windows start afresh, as after a real outage.
     */
    public static XeroSandbox start(int port, java.nio.file.Path snapshot) {
        return new XeroSandbox(port, io.sxs.sandbox.core.Snapshots.read(snapshot, Snapshot.class));
    }

    /** Writes the whole state to {@code file} atomically (each tenant is copied under its lock; the API keeps running). */
    public void save(java.nio.file.Path file) {
        io.sxs.sandbox.core.Snapshots.write(file, new Snapshot(clock.instant(), clock.rate(), new java.util.HashMap<>(tenants),
                new java.util.HashMap<>(tenantRecords), tokens, webhooks.saved()));
    }

    private SandboxResponse dispatch(SandboxRequest r) throws Exception {
        SandboxResponse resp;
        if (admin.handles(r)) {
            resp = admin.handle(r);
        } else if (api.handles(r)) {
            resp = api.handle(r);
        } else if (identity.handles(r)) {
            resp = identity.handle(r);
        } else {
            resp = XeroErrors.notFound();
        }
        return resp.header("Xero-Correlation-Id", UUID.randomUUID().toString());
    }

    public int port() {
        return server.port();
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public URI apiBase() {
        return URI.create(baseUri() + XeroApi.BASE);
    }

    /** The identity server: token endpoint at identityBase() + "/connect/token" (also /connect/authorize, /connect/revocation). */
    public URI identityBase() {
        return URI.create(baseUri() + XeroIdentityApi.IDENTITY);
    }

    /** GET lists the tenants an OAuth access token reaches; DELETE /connections/{id} disconnects one. */
    public URI connectionsUri() {
        return URI.create(baseUri() + "/connections");
    }

    /** Registers an OAuth2 app (client id and secret for the token endpoint's Basic authentication). */
    public XeroApp registerApp(String name) {
        return tokens.registerApp(name);
    }

    /**
     * Registers a custom connection: an app bound to one organisation that gets 30-minute tokens with
     * grant_type=client_credentials (no refresh token) and calls the API without the xero-tenant-id header.
     */
    public XeroApp registerCustomConnection(String name, String tenantId) {
        return tokens.registerCustomConnection(name, state(tenantId).tenantId);
    }

    /**
     * Simulates a user approving the app for the given organisations; returns the authorization code the
     * redirect would carry. Exchange it at the token endpoint (grant_type=authorization_code, same redirect_uri).
     * Ask for "offline_access" in the scope to get a refresh token.
     */
    public String authorize(String clientId, String redirectUri, String scope, String... tenantIds) {
        if (tokens.app(clientId) == null) {
            throw new SandboxNotFoundException("app " + clientId + " not registered");
        }
        for (String t : tenantIds) {
            state(t);
        }
        return tokens.authorize(clientId, redirectUri, scope, List.of(tenantIds), clock.instant());
    }

    /** The client id of the app that tokens from {@link #createTenant} belong to (connected to every tenant). */
    public String defaultAppClientId() {
        return XeroTokens.DEFAULT_CLIENT;
    }

    /**
     * Sets the webhook of an app (use {@link #defaultAppClientId()} for the createTenant tokens' app): events for
     * contacts, invoices and credit notes of every connected organisation are POSTed to {@code url}, signed with
     * {@code webhookKey}. The intent-to-receive check runs at once; the returned status says whether it passed.
     */
    public XeroWebhookStatus configureWebhook(String clientId, URI url, String webhookKey) {
        return webhooks.configure(clientId, url, webhookKey);
    }

    public XeroWebhookStatus webhookStatus(String clientId) {
        return webhooks.status(clientId);
    }

    /** The sandbox clock (pin or move it to test expiry and modified-since behaviour). */
    public SandboxClock clock() {
        return clock;
    }

    /** Creates an organisation with the UK defaults and a non-expiring access token for it. */
    public XeroTenant createTenant(String organisationName) {
        String tenantId = UUID.randomUUID().toString();
        tenants.put(tenantId, new XeroTenantState(tenantId, organisationName, clock.instant(), webhooks));
        XeroTenant t = new XeroTenant(tenantId, tokens.issueStatic(tenantId), organisationName);
        tenantRecords.put(tenantId, t);
        return t;
    }

    public List<XeroTenant> tenants() {
        return new ArrayList<>(tenantRecords.values());
    }

    /** PUT/POST/DELETE calls made to the API for the tenant (admin calls and Java helpers not counted). */
    public long writeCalls(String tenantId) {
        return state(tenantId).calls.writes();
    }

    /** API calls per "VERB /Path-template", e.g. "PUT /Invoices" or "GET /Invoices/{InvoiceID}". */
    public Map<String, Long> callCounts(String tenantId) {
        return state(tenantId).calls.snapshot();
    }

    /** Sets the limits for every tenant without its own (default: {@link XeroRateLimits#xeroDefaults()}). */
    public void rateLimits(XeroRateLimits limits) {
        limiter.defaults(limits);
    }

    /** Sets one tenant's limits; null returns it to the sandbox-wide limits. */
    public void rateLimits(String tenantId, XeroRateLimits limits) {
        limiter.forTenant(state(tenantId).tenantId, limits);
    }

    /**
     * Calls to the identity server and the connections endpoint, e.g. "POST /connect/token (refresh_token)" or
     * "GET /connections"; a refused token request counts too, with " -> error" appended (e.g. "-> invalid_grant").
     */
    public Map<String, Long> identityCallCounts() {
        return identityCalls.snapshot();
    }

    /** API calls refused with 401 because the access token was missing, expired, revoked or unknown (any tenant). */
    public long unauthorisedCalls() {
        return unauthorised.sum();
    }

    /** Calls refused with 429 for the tenant (not part of {@link #callCounts}). */
    public long throttledCalls(String tenantId) {
        return limiter.throttled(state(tenantId).tenantId);
    }

    /**
     * Sets (or with null clears) the organisation's period lock date: invoices and credit notes dated on or before it
     * can no longer be created, edited, voided or deleted.
     */
    public void periodLockDate(String tenantId, java.time.LocalDate lockDate) {
        state(tenantId).periodLockDate = lockDate;
    }

    /** The tenant's fault plan: switch injected faults on and off at run time (see {@link FaultPlan}). */
    public FaultPlan faults(String tenantId) {
        return state(tenantId).faults;
    }

    // ---- acting as a user inside Xero ------------------------------------------------------------------------

    /** All contacts, archived included, as GET /Contacts/{ContactID} returns them. */
    public List<Map<String, Object>> contacts(String tenantId) {
        return read(tenantId, st -> Json.toList(Json.arrayOf(
                st.contacts.values().stream().map(c -> XeroContactService.render(st, c, false)).toList())));
    }

    public Map<String, Object> contact(String tenantId, String contactIdOrNumber) {
        return read(tenantId, st -> {
            XeroContact c = XeroContactRoutes.findContact(st, contactIdOrNumber);
            if (c == null) {
                throw new SandboxNotFoundException("contact " + contactIdOrNumber + " not found");
            }
            return Json.toMap(XeroContactService.render(st, c, false));
        });
    }

    /** Creates a contact from a Xero-shaped body; throws SandboxValidationException with Xero's messages. */
    public Map<String, Object> createContact(String tenantId, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return read(tenantId, st -> {
            XeroContact c = XeroContactService.create(st, in, clock.instant());
            XeroContactService.setWebsite(c, in);
            return Json.toMap(XeroContactService.render(st, c, false));
        });
    }

    /** Updates a contact: given scalars overwrite, given arrays replace, omitted fields are kept. */
    public Map<String, Object> updateContact(String tenantId, String contactId, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return read(tenantId, st -> {
            XeroContact cur = XeroContactRoutes.findContact(st, contactId);
            if (cur == null) {
                throw new SandboxNotFoundException("contact " + contactId + " not found");
            }
            XeroContact c = XeroContactService.update(st, cur, in, clock.instant());
            XeroContactService.setWebsite(c, in);
            return Json.toMap(XeroContactService.render(st, c, false));
        });
    }

    /** The ACTIVE contact groups with their contacts, as GET /ContactGroups/{ContactGroupID} returns them. */
    public List<Map<String, Object>> contactGroups(String tenantId) {
        return read(tenantId, st -> Json.toList(Json.arrayOf(st.contactGroups.values().stream()
                .filter(XeroContactGroup::isActive).map(g -> XeroContactGroupService.render(st, g, true)).toList())));
    }

    /** One ACTIVE contact group with its contacts; a deleted or unknown one is not found. */
    public Map<String, Object> contactGroup(String tenantId, String contactGroupId) {
        return read(tenantId, st -> Json.toMap(XeroContactGroupService.render(st,
                XeroContactGroupService.require(st, contactGroupId), true)));
    }

    /** Creates a contact group ({"Name":"VIPs"}); the name must be unique among active groups. */
    public Map<String, Object> createContactGroup(String tenantId, Map<String, ?> body) {
        JsonNode in = Json.toNode(body);
        return read(tenantId, st -> Json.toMap(XeroContactGroupService.render(st,
                XeroContactGroupService.create(st, in), true)));
    }

    /** Renames ({"Name"}) or deletes ({"Status":"DELETED"}) a contact group. */
    public Map<String, Object> updateContactGroup(String tenantId, String contactGroupId, Map<String, ?> body) {
        JsonNode in = Json.toNode(body);
        return read(tenantId, st -> Json.toMap(XeroContactGroupService.render(st,
                XeroContactGroupService.update(st, XeroContactGroupService.require(st, contactGroupId), in), true)));
    }

    /** Adds contacts (by ContactID) to a group; returns the group with its contacts. Unknown contacts fail, nothing added. */
    public Map<String, Object> addContactGroupContacts(String tenantId, String contactGroupId, String... contactIds) {
        return read(tenantId, st -> {
            XeroContactGroup g = XeroContactGroupService.require(st, contactGroupId);
            for (String id : contactIds) {
                if (id == null || !st.contacts.containsKey(id.toLowerCase(Locale.ROOT))) {
                    throw new io.sxs.sandbox.core.SandboxValidationException(
                            "The contact with ContactID '" + id + "' could not be found.");
                }
            }
            for (String id : contactIds) {
                XeroContactGroupService.addContact(st, g, Json.object().put("ContactID", id));
            }
            return Json.toMap(XeroContactGroupService.render(st, g, true));
        });
    }

    /** Removes one contact from a group; returns the group with its remaining contacts. */
    public Map<String, Object> removeContactGroupContact(String tenantId, String contactGroupId, String contactId) {
        return read(tenantId, st -> {
            XeroContactGroup g = XeroContactGroupService.require(st, contactGroupId);
            XeroContactGroupService.removeContact(st, g, contactId);
            return Json.toMap(XeroContactGroupService.render(st, g, true));
        });
    }

    /** Removes every contact from a group; returns the (empty) group. */
    public Map<String, Object> removeAllContactGroupContacts(String tenantId, String contactGroupId) {
        return read(tenantId, st -> {
            XeroContactGroup g = XeroContactGroupService.require(st, contactGroupId);
            g.contactIds.clear();
            return Json.toMap(XeroContactGroupService.render(st, g, true));
        });
    }

    /** All invoices and bills with their lines, as GET /Invoices/{InvoiceID} returns them. */
    public List<Map<String, Object>> invoices(String tenantId) {
        return read(tenantId, st -> Json.toList(Json.arrayOf(
                st.invoices.values().stream().map(i -> XeroInvoiceService.render(st, i, true, false, 4)).toList())));
    }

    public Map<String, Object> invoice(String tenantId, String invoiceIdOrNumber) {
        return read(tenantId, st -> {
            XeroInvoice i = XeroDocumentRoutes.findInvoice(st, invoiceIdOrNumber);
            if (i == null) {
                throw new SandboxNotFoundException("invoice " + invoiceIdOrNumber + " not found");
            }
            return Json.toMap(XeroInvoiceService.render(st, i, true, false, 4));
        });
    }

    /** Creates an invoice or bill (unit amounts accepted with 4 dp). */
    public Map<String, Object> createInvoice(String tenantId, Map<String, ?> body) {
        JsonNode in = Json.toNode(body);
        return read(tenantId, st -> Json.toMap(XeroInvoiceService.render(st,
                XeroInvoiceService.write(st, null, in, 4, clock.instant(), api.today()), true, false, 4)));
    }

    /** Updates an invoice with the API's rules (status transitions, line replacement, locked documents). */
    public Map<String, Object> updateInvoice(String tenantId, String invoiceId, Map<String, ?> body) {
        JsonNode in = Json.toNode(body);
        return read(tenantId, st -> {
            XeroInvoice cur = XeroDocumentRoutes.findInvoice(st, invoiceId);
            if (cur == null) {
                throw new SandboxNotFoundException("invoice " + invoiceId + " not found");
            }
            return Json.toMap(XeroInvoiceService.render(st,
                    XeroInvoiceService.write(st, cur, in, 4, clock.instant(), api.today()), true, false, 4));
        });
    }

    /** Creates a credit note (ACCRECCREDIT or ACCPAYCREDIT, shaped as for PUT /CreditNotes) as a user would. */
    public Map<String, Object> createCreditNote(String tenantId, Map<String, ?> body) {
        JsonNode in = Json.toNode(body);
        return read(tenantId, st -> Json.toMap(XeroInvoiceService.render(st, XeroDocKind.CREDIT_NOTE,
                XeroInvoiceService.write(st, XeroDocKind.CREDIT_NOTE, null, in, 4, clock.instant(), api.today()), true, false, 4)));
    }

    public Map<String, Object> updateCreditNote(String tenantId, String creditNoteId, Map<String, ?> body) {
        JsonNode in = Json.toNode(body);
        return read(tenantId, st -> {
            XeroInvoice cur = XeroDocumentRoutes.findDocument(st, XeroDocKind.CREDIT_NOTE, creditNoteId);
            if (cur == null) {
                throw new SandboxNotFoundException("credit note " + creditNoteId + " not found");
            }
            return Json.toMap(XeroInvoiceService.render(st, XeroDocKind.CREDIT_NOTE,
                    XeroInvoiceService.write(st, XeroDocKind.CREDIT_NOTE, cur, in, 4, clock.instant(), api.today()), true, false, 4));
        });
    }

    /** All credit notes with lines and allocations. */
    public List<Map<String, Object>> creditNotes(String tenantId) {
        return read(tenantId, st -> Json.toList(Json.arrayOf(st.creditNotes.values().stream()
                .map(i -> XeroInvoiceService.render(st, XeroDocKind.CREDIT_NOTE, i, true, false, 4)).toList())));
    }

    /** Allocates credit to an invoice ({Invoice:{InvoiceID}, Amount, Date}) as a user would. */
    public Map<String, Object> allocateCreditNote(String tenantId, String creditNoteId, Map<String, ?> body) {
        JsonNode in = Json.toNode(body);
        return read(tenantId, st -> {
            XeroInvoice note = XeroDocumentRoutes.findDocument(st, XeroDocKind.CREDIT_NOTE, creditNoteId);
            if (note == null) {
                throw new SandboxNotFoundException("credit note " + creditNoteId + " not found");
            }
            return Json.toMap(XeroAllocationService.render(st, XeroAllocationService.allocate(st, XeroCreditSource.CREDIT_NOTE,
                    note, in, clock.instant(), api.today())));
        });
    }

    /** Allocates an overpayment to an invoice ({Invoice:{InvoiceID}, Amount, Date}) as a user would. */
    public Map<String, Object> allocateOverpayment(String tenantId, String overpaymentId, Map<String, ?> body) {
        return allocateCredit(tenantId, XeroCreditSource.OVERPAYMENT, overpaymentId, body);
    }

    /** Allocates a prepayment to an invoice ({Invoice:{InvoiceID}, Amount, Date}) as a user would. */
    public Map<String, Object> allocatePrepayment(String tenantId, String prepaymentId, Map<String, ?> body) {
        return allocateCredit(tenantId, XeroCreditSource.PREPAYMENT, prepaymentId, body);
    }

    private Map<String, Object> allocateCredit(String tenantId, XeroCreditSource source, String id, Map<String, ?> body) {
        JsonNode in = Json.toNode(body);
        return read(tenantId, st -> {
            XeroInvoice credit = source.docs(st).get(id.toLowerCase(Locale.ROOT));
            if (credit == null) {
                throw new SandboxNotFoundException(source.label + " " + id + " not found");
            }
            return Json.toMap(XeroAllocationService.render(st, XeroAllocationService.allocate(st, source, credit, in,
                    clock.instant(), api.today())));
        });
    }

    /** Records a bank transaction as a user would (RECEIVE/SPEND, and -PREPAYMENT/-OVERPAYMENT which create credit). */
    public Map<String, Object> createBankTransaction(String tenantId, Map<String, ?> body) {
        JsonNode in = Json.toNode(body);
        return read(tenantId, st -> Json.toMap(XeroBankTransactionService.render(st,
                XeroBankTransactionService.create(st, in, 4, clock.instant(), api.today()), 4)));
    }

    public List<Map<String, Object>> bankTransactions(String tenantId) {
        return read(tenantId, st -> Json.toList(Json.arrayOf(st.bankTransactions.values().stream()
                .map(t -> XeroBankTransactionService.render(st, t, 4)).toList())));
    }

    public List<Map<String, Object>> prepayments(String tenantId) {
        return read(tenantId, st -> Json.toList(Json.arrayOf(st.prepayments.values().stream()
                .map(p -> XeroBankTransactionService.renderCredit(st, XeroCreditSource.PREPAYMENT, p, 4)).toList())));
    }

    public List<Map<String, Object>> overpayments(String tenantId) {
        return read(tenantId, st -> Json.toList(Json.arrayOf(st.overpayments.values().stream()
                .map(p -> XeroBankTransactionService.renderCredit(st, XeroCreditSource.OVERPAYMENT, p, 4)).toList())));
    }

    /**
     * Records a payment as a user would (body as for PUT /Payments): on an invoice ({@code Invoice}), or a refund of a
     * credit note, prepayment or overpayment ({@code CreditNote}, {@code Prepayment}, {@code Overpayment}); the
     * document becomes PAID when settled.
     */
    public Map<String, Object> createPayment(String tenantId, Map<String, ?> body) {
        JsonNode in = Json.toNode(body);
        return read(tenantId, st -> Json.toMap(XeroPaymentService.render(st,
                XeroPaymentService.create(st, in, clock.instant(), api.today()))));
    }

    /** Deletes a payment (the only change Xero allows); the invoice (or refunded credit) is AUTHORISED again. */
    public Map<String, Object> deletePayment(String tenantId, String paymentId) {
        return read(tenantId, st -> {
            XeroPayment p = st.payments.get(paymentId.toLowerCase(Locale.ROOT));
            if (p == null) {
                throw new SandboxNotFoundException("payment " + paymentId + " not found");
            }
            return Json.toMap(XeroPaymentService.render(st, XeroPaymentService.update(st, p,
                    Json.object().put("Status", "DELETED"), clock.instant())));
        });
    }

    /** All payments, deleted ones included. */
    public List<Map<String, Object>> payments(String tenantId) {
        return read(tenantId, st -> Json.toList(Json.arrayOf(
                st.payments.values().stream().map(p -> XeroPaymentService.render(st, p)).toList())));
    }

    XeroTenantState state(String tenantId) {
        XeroTenantState st = tenantId == null ? null : tenants.get(tenantId.toLowerCase(Locale.ROOT));
        if (st == null) {
            throw new SandboxNotFoundException("tenant " + tenantId + " not found");
        }
        return st;
    }

    /** Runs an action on one tenant under its lock. */
    /** A user adds a tracking category with options; returns it as GET /TrackingCategories/{id} shows it. */
    public Map<String, Object> createTrackingCategory(String tenantId, String name, List<String> options) {
        return read(tenantId, st -> {
            XeroTrackingCategory c = XeroTrackingService.create(st, Json.toNode(Map.of("Name", name)));
            for (String option : options) {
                XeroTrackingService.addOption(c, Json.toNode(Map.of("Name", option)));
            }
            return Json.toMap(XeroTrackingService.render(c, true));
        });
    }

    /** The tracking categories with all their options, archived ones included. */
    public List<Map<String, Object>> trackingCategories(String tenantId) {
        return read(tenantId, st -> st.tracking.values().stream().map(c -> Json.toMap(XeroTrackingService.render(c, true))).toList());
    }

    /** A user renames or archives a tracking option (Name, Status). */
    public Map<String, Object> updateTrackingOption(String tenantId, String categoryId, String optionId, Map<String, ?> body) {
        return read(tenantId, st -> {
            XeroTrackingCategory c = st.tracking.get(categoryId.toLowerCase(Locale.ROOT));
            XeroTrackingCategory.Option o = c == null ? null : c.options.get(optionId.toLowerCase(Locale.ROOT));
            if (o == null) {
                throw new SandboxNotFoundException("tracking option " + optionId + " not found");
            }
            return Json.toMap(XeroTrackingService.renderOption(XeroTrackingService.updateOption(c, o, Json.toNode(body))));
        });
    }

    /** The chart of accounts, as GET /Accounts returns it. */
    public List<Map<String, Object>> accounts(String tenantId) {
        return read(tenantId, st -> st.accountsByCode.values().stream().map(a -> Json.toMap(a.toJson())).toList());
    }

    /** A user adds an account (Code, Name, Type, ...). */
    public Map<String, Object> createAccount(String tenantId, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return read(tenantId, st -> Json.toMap(XeroChartService.writeAccount(st, null, in, clock.instant()).toJson()));
    }

    /** A user edits an account (Name, Status ARCHIVED, ...). */
    public Map<String, Object> updateAccount(String tenantId, String accountId, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return read(tenantId, st -> Json.toMap(XeroChartService.writeAccount(st, account(st, accountId), in, clock.instant()).toJson()));
    }

    /** A user deletes an unused account: it is gone from GET /Accounts. */
    public void deleteAccount(String tenantId, String accountId) {
        read(tenantId, st -> {
            XeroChartService.deleteAccount(st, account(st, accountId));
            return null;
        });
    }

    private static XeroAccount account(XeroTenantState st, String accountId) {
        return st.accountsByCode.values().stream().filter(a -> a.accountId().equalsIgnoreCase(accountId)).findFirst()
                .orElseThrow(() -> new SandboxNotFoundException("account " + accountId + " not found"));
    }

    /** The organisation's tax rates, as GET /TaxRates returns them. */
    /** Every item, as GET /Items?unitdp=4 returns them. */
    public List<Map<String, Object>> items(String tenantId) {
        return read(tenantId, st -> st.items.values().stream().map(i -> Json.toMap(XeroItemService.render(i, 4))).toList());
    }

    /** Creates an item as a user (Xero's rules: unique Code, known account codes and tax types). */
    public Map<String, Object> createItem(String tenantId, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return read(tenantId, st -> Json.toMap(XeroItemService.render(XeroItemService.write(st, null, in, clock.instant(), 4), 4)));
    }

    /** Partial update of an item (given fields overwrite) as a user. */
    public Map<String, Object> updateItem(String tenantId, String itemIdOrCode, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return read(tenantId, st -> {
            XeroItem cur = XeroItemService.find(st, itemIdOrCode);
            if (cur == null) {
                throw new SandboxNotFoundException("item " + itemIdOrCode + " not found");
            }
            return Json.toMap(XeroItemService.render(XeroItemService.write(st, cur, in, clock.instant(), 4), 4));
        });
    }

    /** Deletes an item as a user: Xero items are hard-deleted and vanish from every read. */
    public void deleteItem(String tenantId, String itemIdOrCode) {
        read(tenantId, st -> {
            XeroItem cur = XeroItemService.find(st, itemIdOrCode);
            if (cur == null) {
                throw new SandboxNotFoundException("item " + itemIdOrCode + " not found");
            }
            st.items.remove(cur.itemId());
            return null;
        });
    }

    public List<Map<String, Object>> taxRates(String tenantId) {
        return read(tenantId, st -> st.taxRates.values().stream().map(t -> Json.toMap(t.toJson())).toList());
    }

    /** A user adds a currency to the organisation (as PUT /Currencies does); an unknown code is refused. */
    public void addCurrency(String tenantId, String code) {
        String upper = code.toUpperCase(java.util.Locale.ROOT);
        String description = XeroCurrencies.KNOWN.get(upper);
        if (description == null) {
            throw new SandboxValidationException("'" + code + "' is not a valid currency code.");
        }
        read(tenantId, st -> st.currencies.put(upper, description));
    }

    /** A user adds a tax rate (Name, TaxComponents[{Name, Rate}]); its TaxType is generated. */
    public Map<String, Object> createTaxRate(String tenantId, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return read(tenantId, st -> Json.toMap(XeroChartService.writeTaxRate(st, null, in).toJson()));
    }

    /** A user edits a tax rate (Name, Status). */
    public Map<String, Object> updateTaxRate(String tenantId, String taxType, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return read(tenantId, st -> {
            XeroTaxRate cur = st.taxRates.get(taxType.toUpperCase(java.util.Locale.ROOT));
            if (cur == null) {
                throw new SandboxNotFoundException("tax rate " + taxType + " not found");
            }
            return Json.toMap(XeroChartService.writeTaxRate(st, cur, in).toJson());
        });
    }

    <T> T read(String tenantId, Function<XeroTenantState, T> action) {
        XeroTenantState st = state(tenantId);
        synchronized (st) {
            return action.apply(st);
        }
    }

    @Override
    public void close() {
        webhooks.close();
        server.close();
    }

    /** Calls of the tenant in flight right now; package-private, for the concurrency tests. */
    int inFlight(String tenantId) {
        return limiter.inFlight(tenantId);
    }
}
