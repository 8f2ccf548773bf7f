package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.SandboxClock;
import io.sxs.sandbox.core.SandboxNotFoundException;
import io.sxs.sandbox.http.FaultPlan;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.http.SandboxHttpServer;
import io.sxs.sandbox.http.SandboxRequest;
import io.sxs.sandbox.http.SandboxResponse;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A stateful, multi-company simulator of the Scoro API v2 on a real HTTP port. {@link #baseUri()} is the
 * "site"; the API is at baseUri + "/api/v2/&lt;module&gt;/&lt;action&gt;[/&lt;id&gt;]", a test/admin API under /sandbox-admin/.
 * The Java methods act as a user inside Scoro: same rules as the API, not counted as API calls.
 */
public final class ScoroSandbox implements AutoCloseable {

    private static final int THREADS = 64;

    final SandboxClock clock = new SandboxClock();
    final ScoroQuotaLimiter quotas = new ScoroQuotaLimiter();
    private final Map<String, ScoroCompanyState> companies = new ConcurrentHashMap<>();
    private final Map<String, ScoroCompanyState> byKey = new ConcurrentHashMap<>();
    final ScoroWebhooks webhooks = new ScoroWebhooks(this);
    private final ScoroApi api = new ScoroApi(this);
    private final ScoroAdminApi admin = new ScoroAdminApi(this);
    private final SandboxHttpServer server;

    /** Everything {@link #save} keeps: companies with all their data, webhook subscriptions, the clock. */
    private record Snapshot(Instant clockAt, double clockRate, List<ScoroCompanyState> companies,
                            List<ScoroWebhooks.Subscription> webhooks) implements java.io.Serializable { }

    private ScoroSandbox(int port, Snapshot saved) {
        if (saved != null) {
            clock.resume(saved.clockAt(), saved.clockRate());
            for (ScoroCompanyState st : saved.companies()) {
                st.events = webhooks;
                companies.put(st.companyAccountId, st);
                byKey.put(st.apiKey, st);
            }
            webhooks.restore(saved.webhooks());
        }
        this.server = SandboxHttpServer.start("scoro", port, THREADS, this::dispatch);
    }

    /** Starts the sandbox; port 0 picks a random free port. */
    public static ScoroSandbox start(int port) {
        return new ScoroSandbox(port, null);
    }

    /**
     * Starts the sandbox with the state {@link #save} wrote to {@code snapshot}; an unreadable file fails naming it.
     * Call counters, fault plans and quota windows start afresh, as after a real outage.
     */
    public static ScoroSandbox start(int port, java.nio.file.Path snapshot) {
        return new ScoroSandbox(port, io.sxs.sandbox.core.Snapshots.read(snapshot, Snapshot.class));
    }

    /** Writes the whole state to {@code file} atomically (each company is copied under its lock; the API keeps running). */
    public void save(java.nio.file.Path file) {
        io.sxs.sandbox.core.Snapshots.write(file, new Snapshot(clock.instant(), clock.rate(),
                List.copyOf(companies.values()), webhooks.saved()));
    }

    private SandboxResponse dispatch(SandboxRequest r) throws Exception {
        if (admin.handles(r)) {
            return admin.handle(r);
        }
        if (api.handles(r)) {
            return api.handle(r);
        }
        return ScoroApi.error(404, 404, List.of("Not found: " + r.path()));
    }

    public int port() {
        return server.port();
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public SandboxClock clock() {
        return clock;
    }

    /** Scoro shows timestamps with second precision; storing them so keeps filters and output consistent. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    LocalDate today() {
        return clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** Creates a business entity with its own API key, VAT codes and finance accounts. */
    public ScoroCompany createCompany(String name) {
        String id = String.valueOf(companies.size() + 1) + "-" + UUID.randomUUID().toString().substring(0, 8);
        String key = "ScoroAPI_" + UUID.randomUUID().toString().replace("-", "");
        ScoroCompanyState st = new ScoroCompanyState(id, key, name, now(), webhooks);
        companies.put(id, st);
        byKey.put(key, st);
        return new ScoroCompany(id, key, name);
    }

    public List<ScoroCompany> companies() {
        List<ScoroCompany> out = new ArrayList<>();
        companies.values().forEach(s -> out.add(new ScoroCompany(s.companyAccountId, s.apiKey, s.name)));
        return out;
    }

    ScoroCompanyState companyByKey(String apiKey) {
        return byKey.get(apiKey);
    }

    /** modify and delete calls made to the API for the company. */
    public long writeCalls(String companyAccountId) {
        return state(companyAccountId).calls.writes();
    }

    /**
     * Writes other than to the reference modules (VAT codes, finance accounts and objects, receipt accounts), which
     * the sync fills from Xero: what "nothing written back to Scoro" counts.
     */
    public long documentWriteCalls(String companyAccountId) {
        long reference = 0;
        for (Map.Entry<String, Long> e : callCounts(companyAccountId).entrySet()) {
            String module = e.getKey().substring(0, Math.max(0, e.getKey().indexOf('/')));
            boolean read = e.getKey().endsWith("/list") || e.getKey().endsWith("/view");
            if (!read && java.util.Set.of("vatCodes", "financeAccounts", "financeObjects", "receiptAccounts").contains(module)) {
                reference += e.getValue();
            }
        }
        return writeCalls(companyAccountId) - reference;
    }

    /** API calls per "module/action", e.g. "invoices/modify". */
    public Map<String, Long> callCounts(String companyAccountId) {
        return state(companyAccountId).calls.snapshot();
    }

    /** Sets the quotas of every company without its own (default: {@link ScoroQuotas#scoroDefaults()}). */
    public void quotas(ScoroQuotas q) {
        quotas.defaults(q);
    }

    /** Sets one company's quotas; null returns it to the sandbox-wide quotas. */
    public void quotas(String companyAccountId, ScoroQuotas q) {
        quotas.forCompany(state(companyAccountId).companyAccountId, q);
    }

    /** Calls refused with 429 for the company (not part of {@link #callCounts}). */
    public long throttledCalls(String companyAccountId) {
        return quotas.throttled(state(companyAccountId).companyAccountId);
    }

    /** The company's fault plan: switch injected faults on and off at run time (see {@link FaultPlan}). */
    public FaultPlan faults(String companyAccountId) {
        return state(companyAccountId).faults;
    }

    // ---- acting as a user inside Scoro -----------------------------------------------------------------------

    /** Activates a currency in the entity's settings (Scoro's API has no call for it: a user does it in settings). */
    public void activateCurrency(String companyAccountId, String code) {
        with(companyAccountId, st -> st.activeCurrencies.add(code.toUpperCase(java.util.Locale.ROOT)));
    }

    /** Deactivates a currency in the entity's settings (the base currency stays). */
    public void deactivateCurrency(String companyAccountId, String code) {
        with(companyAccountId, st -> st.activeCurrencies.remove(code.toUpperCase(java.util.Locale.ROOT)));
    }

    /** The currencies active in the entity's settings. */
    public List<String> activeCurrencies(String companyAccountId) {
        return with(companyAccountId, st -> List.copyOf(st.activeCurrencies));
    }

    /** Creates a contact from a Scoro-shaped body; throws SandboxValidationException with the API's messages. */
    public Map<String, Object> createContact(String companyAccountId, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return with(companyAccountId, st -> Json.toMap(ScoroContactService.render(
                ScoroContactService.write(st, null, in, now()))));
    }

    /** Partial update: only the given fields change. */
    public Map<String, Object> updateContact(String companyAccountId, long contactId, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return with(companyAccountId, st -> Json.toMap(ScoroContactService.render(
                ScoroContactService.write(st, ScoroContactService.live(st, contactId), in, now()))));
    }

    public void deleteContact(String companyAccountId, long contactId) {
        with(companyAccountId, st -> {
            ScoroContactService.delete(st, contactId, now());
            return null;
        });
    }

    /** Non-deleted contacts, in id order, as view returns them. */
    public List<Map<String, Object>> contacts(String companyAccountId) {
        return with(companyAccountId, st -> st.contacts.values().stream().filter(c -> !c.isDeleted())
                .map(c -> Json.toMap(ScoroContactService.render(c))).toList());
    }

    /** One contact, deleted or not. */
    public Map<String, Object> contact(String companyAccountId, long contactId) {
        return with(companyAccountId, st -> {
            ScoroContact c = st.contacts.get(contactId);
            if (c == null) {
                throw new SandboxNotFoundException("Contact " + contactId + " not found");
            }
            return Json.toMap(ScoroContactService.render(c));
        });
    }

    /** Creates an invoice (with "lines"); sums are computed. */
    public Map<String, Object> createInvoice(String companyAccountId, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return with(companyAccountId, st -> Json.toMap(ScoroInvoiceService.render(st,
                ScoroInvoiceService.write(st, null, in, now(), today()), true)));
    }

    /** Partial update; a given "lines" array replaces the line set (lines with a known id are updated). */
    public Map<String, Object> updateInvoice(String companyAccountId, long invoiceId, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return with(companyAccountId, st -> Json.toMap(ScoroInvoiceService.render(st,
                ScoroInvoiceService.write(st, ScoroInvoiceService.live(st, invoiceId), in, now(), today()), true)));
    }

    public void deleteInvoice(String companyAccountId, long invoiceId) {
        with(companyAccountId, st -> {
            ScoroInvoiceService.delete(st, invoiceId, now());
            return null;
        });
    }

    /** Non-deleted invoices, in id order, as view returns them (with lines). */
    public List<Map<String, Object>> invoices(String companyAccountId) {
        return with(companyAccountId, st -> st.invoices.values().stream().filter(i -> !i.isDeleted())
                .map(i -> Json.toMap(ScoroInvoiceService.render(st, i, true))).toList());
    }

    /** One invoice with lines, deleted or not. */
    public Map<String, Object> invoice(String companyAccountId, long invoiceId) {
        return with(companyAccountId, st -> {
            ScoroInvoice i = st.invoices.get(invoiceId);
            if (i == null) {
                throw new SandboxNotFoundException("Invoice " + invoiceId + " not found");
            }
            return Json.toMap(ScoroInvoiceService.render(st, i, true));
        });
    }

    /** Creates a purchase bill (with "lines") as a user would; the supplier's "no" is neither unique nor generated. */
    public Map<String, Object> createBill(String companyAccountId, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return with(companyAccountId, st -> Json.toMap(ScoroInvoiceService.render(st, ScoroDocKind.BILL,
                ScoroInvoiceService.write(st, ScoroDocKind.BILL, null, in, now(), today()), true)));
    }

    public Map<String, Object> updateBill(String companyAccountId, long billId, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return with(companyAccountId, st -> Json.toMap(ScoroInvoiceService.render(st, ScoroDocKind.BILL,
                ScoroInvoiceService.write(st, ScoroDocKind.BILL, ScoroInvoiceService.live(st, ScoroDocKind.BILL, billId), in,
                        now(), today()), true)));
    }

    public void deleteBill(String companyAccountId, long billId) {
        with(companyAccountId, st -> {
            ScoroInvoiceService.delete(st, ScoroDocKind.BILL, billId, now());
            return null;
        });
    }

    /** Non-deleted bills with lines. */
    public List<Map<String, Object>> bills(String companyAccountId) {
        return with(companyAccountId, st -> st.bills.values().stream().filter(i -> !i.isDeleted())
                .map(i -> Json.toMap(ScoroInvoiceService.render(st, ScoroDocKind.BILL, i, true))).toList());
    }

    /** One bill with lines, deleted or not. */
    public Map<String, Object> bill(String companyAccountId, long billId) {
        return with(companyAccountId, st -> {
            ScoroInvoice i = st.bills.get(billId);
            if (i == null) {
                throw new SandboxNotFoundException("Bill " + billId + " not found");
            }
            return Json.toMap(ScoroInvoiceService.render(st, ScoroDocKind.BILL, i, true));
        });
    }

    /** Creates a prepayment invoice (with "lines", "prepayment_percent") as a user would. */
    public Map<String, Object> createPrepayment(String companyAccountId, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return with(companyAccountId, st -> Json.toMap(ScoroInvoiceService.render(st, ScoroDocKind.PREPAYMENT,
                ScoroInvoiceService.write(st, ScoroDocKind.PREPAYMENT, null, in, now(), today()), true)));
    }

    /** Non-deleted prepayment invoices with lines. */
    public List<Map<String, Object>> prepayments(String companyAccountId) {
        return with(companyAccountId, st -> st.prepayments.values().stream().filter(i -> !i.isDeleted())
                .map(i -> Json.toMap(ScoroInvoiceService.render(st, ScoroDocKind.PREPAYMENT, i, true))).toList());
    }

    /** Records a receipt group as a user would ({receipt_account_id, date, receipts:[{invoice_id, sum}]}). */
    public Map<String, Object> createReceipt(String companyAccountId, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return with(companyAccountId, st -> Json.toMap(ScoroReceiptService.render(
                ScoroReceiptService.write(st, null, in, now(), today()))));
    }

    public void deleteReceipt(String companyAccountId, long receiptGroupId) {
        with(companyAccountId, st -> {
            ScoroReceiptService.delete(st, receiptGroupId, now());
            return null;
        });
    }

    /** All receipt groups, deleted ones included. */
    public List<Map<String, Object>> receipts(String companyAccountId) {
        return with(companyAccountId, st -> st.receipts.values().stream()
                .map(g -> Json.toMap(ScoroReceiptService.render(g))).toList());
    }

    /** Creates a record of products, financeObjects or receiptAccounts as a user would. */
    public Map<String, Object> createRecord(String companyAccountId, String module, Map<String, ?> body) {
        ScoroRecordModule m = recordModule(module);
        ObjectNode in = Json.toNode(body);
        return with(companyAccountId, st -> Json.toMap(m.render(m.write(st, null, in, now()))));
    }

    /** Partial update of a products, financeObjects or receiptAccounts record. */
    public Map<String, Object> updateRecord(String companyAccountId, String module, long id, Map<String, ?> body) {
        ScoroRecordModule m = recordModule(module);
        ObjectNode in = Json.toNode(body);
        return with(companyAccountId, st -> Json.toMap(m.render(m.write(st, m.live(st, id), in, now()))));
    }

    public void deleteRecord(String companyAccountId, String module, long id) {
        ScoroRecordModule m = recordModule(module);
        with(companyAccountId, st -> {
            m.delete(st, id, now());
            return null;
        });
    }

    /** All records of products, financeObjects or receiptAccounts, deleted ones included. */
    public List<Map<String, Object>> records(String companyAccountId, String module) {
        ScoroRecordModule m = recordModule(module);
        return with(companyAccountId, st -> st.records(module).values().stream().map(r -> Json.toMap(m.render(r))).toList());
    }

    private static ScoroRecordModule recordModule(String module) {
        ScoroRecordModule m = ScoroApi.RECORD_MODULES.get(module);
        if (m == null) {
            throw new IllegalArgumentException("not a record module: " + module + " (use " + ScoroApi.RECORD_MODULES.keySet() + ")");
        }
        return m;
    }

    /** The seeded VAT codes (vat_code_id, vat_code, percent, ...). */
    public List<Map<String, Object>> vatCodes(String companyAccountId) {
        return with(companyAccountId, st -> st.vatCodes.values().stream().map(v -> Json.toMap(v.toJson())).toList());
    }

    /** A user edits a VAT code (partial update, with the module's validation). */
    public Map<String, Object> updateVatCode(String companyAccountId, long vatCodeId, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return with(companyAccountId, st -> {
            ScoroVatCode cur = st.vatCodes.get(vatCodeId);
            if (cur == null) {
                throw new SandboxNotFoundException("VAT code " + vatCodeId + " not found");
            }
            return Json.toMap(ScoroChartService.writeVatCode(st, cur, in, now()).toJson());
        });
    }

    /** A user deletes an unused VAT code. */
    public void deleteVatCode(String companyAccountId, long vatCodeId) {
        with(companyAccountId, st -> {
            ScoroChartService.deleteVatCode(st, vatCodeId);
            return null;
        });
    }

    /** A user edits a finance account (partial update, with the module's validation). */
    public Map<String, Object> updateFinanceAccount(String companyAccountId, long accountId, Map<String, ?> body) {
        ObjectNode in = Json.toNode(body);
        return with(companyAccountId, st -> {
            ScoroFinanceAccount cur = st.financeAccounts.get(accountId);
            if (cur == null) {
                throw new SandboxNotFoundException("finance account " + accountId + " not found");
            }
            return Json.toMap(ScoroChartService.writeAccount(st, cur, in, now()).toJson());
        });
    }

    /** A user deletes an unused finance account. */
    public void deleteFinanceAccount(String companyAccountId, long accountId) {
        with(companyAccountId, st -> {
            ScoroChartService.deleteAccount(st, accountId);
            return null;
        });
    }

    /** The seeded finance accounts (id, account_symbol, name, ...). */
    public List<Map<String, Object>> financeAccounts(String companyAccountId) {
        return with(companyAccountId, st -> st.financeAccounts.values().stream().map(a -> Json.toMap(a.toJson())).toList());
    }

    ScoroCompanyState state(String companyAccountId) {
        ScoroCompanyState st = companyAccountId == null ? null : companies.get(companyAccountId);
        if (st == null) {
            throw new SandboxNotFoundException("company " + companyAccountId + " not found");
        }
        return st;
    }

    <T> T with(String companyAccountId, Function<ScoroCompanyState, T> action) {
        ScoroCompanyState st = state(companyAccountId);
        synchronized (st) {
            return action.apply(st);
        }
    }

    @Override
    public void close() {
        webhooks.close();
        server.close();
    }
}
