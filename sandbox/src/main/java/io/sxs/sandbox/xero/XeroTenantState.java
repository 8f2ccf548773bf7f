package io.sxs.sandbox.xero;


import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one organisation holds. Callers synchronize on the instance: one tenant's calls are
 * serialized (cheap, and it makes batch writes and idempotent replays atomic), different tenants run in parallel.
 */
final class XeroTenantState extends io.sxs.sandbox.core.LiveState implements java.io.Serializable {
    /** Fixed, so a rebuild that keeps the fields can still read earlier snapshots. */
    @java.io.Serial
    private static final long serialVersionUID = 1L;


    final String tenantId;
    final String organisationName;
    final Instant createdAt;
    final Map<String, XeroAccount> accountsByCode;
    final Map<String, XeroTaxRate> taxRates;
    /** Insertion (creation) order is the default list order, which keeps paging stable. */
    final ObservedMap<XeroContact> contacts;
    /** Contact groups by id, DELETED ones kept (hidden from every read). */
    final Map<String, XeroContactGroup> contactGroups = new LinkedHashMap<>();
    final ObservedMap<XeroInvoice> invoices;
    final Map<String, XeroPayment> payments = new LinkedHashMap<>();
    final ObservedMap<XeroInvoice> creditNotes;
    /** Prepayments and overpayments share the document record (type RECEIVE-/SPEND-PREPAYMENT or -OVERPAYMENT). */
    final Map<String, XeroInvoice> prepayments = new LinkedHashMap<>();
    final Map<String, XeroInvoice> overpayments = new LinkedHashMap<>();
    final Map<String, XeroBankTransaction> bankTransactions = new LinkedHashMap<>();
    final Map<String, XeroAllocation> allocations = new LinkedHashMap<>();
    /** Document id → client id of the app that created it through the API (for createdByMyApp). */
    final Map<String, String> createdByApp = new HashMap<>();
    final Map<String, XeroItem> items = new LinkedHashMap<>();
    final Map<String, XeroTrackingCategory> tracking = new LinkedHashMap<>();
    /** Enabled currencies (code → description); the base currency first. */
    final Map<String, String> currencies = new LinkedHashMap<>(Map.of("GBP", "British Pound"));
    private final Map<String, java.util.List<String>> paymentsByInvoice = new HashMap<>();
    /** Replies kept for Idempotency-Key replays; the oldest are forgotten beyond 50,000 keys to bound memory. */
    final Map<String, StoredReply> idempotentReplies = new BoundedReplies();
    /** Documents dated on or before this date are frozen (Organisation.PeriodLockDate); null = no lock. */
    volatile java.time.LocalDate periodLockDate;
    /** Indexes that keep uniqueness checks O(1): sales-type document numbers and contact names (lower case). */
    private final Map<XeroDocKind, Map<String, String>> salesNumbers = new java.util.EnumMap<>(XeroDocKind.class);
    private final Map<String, java.util.Set<String>> contactsByName = new HashMap<>();
    private final Map<XeroDocKind, Integer> numberSequences = new java.util.EnumMap<>(XeroDocKind.class);

    /** A reply kept for an Idempotency-Key, replayed byte for byte. */
    record StoredReply(int status, byte[] body, String contentType) implements java.io.Serializable { }

    private static final class BoundedReplies extends LinkedHashMap<String, StoredReply> {
        /** Fixed, so a rebuild that keeps the fields can still read earlier snapshots. */
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StoredReply> eldest) {
            return size() > 50_000;
        }
    }

    /** Creates, updates of contacts, invoices and credit notes go to {@code events} (webhooks). */
    XeroTenantState(String tenantId, String organisationName, Instant createdAt, XeroWebhooks events) {
        this.tenantId = tenantId;
        this.contacts = new ObservedMap<>();
        this.invoices = new ObservedMap<>();
        this.creditNotes = new ObservedMap<>();
        attach(events);
        this.organisationName = organisationName;
        this.createdAt = createdAt;
        this.accountsByCode = XeroDefaults.ukAccounts(createdAt);
        this.taxRates = XeroDefaults.ukTaxRates();
    }

    /** Points the webhook sources at {@code events}: at creation and after a restore (listeners are not state). */
    void attach(XeroWebhooks events) {
        contacts.observe((id, created) -> events.publish(tenantId, "CONTACT", id, created));
        invoices.observe((id, created) -> events.publish(tenantId, "INVOICE", id, created));
        creditNotes.observe((id, created) -> events.publish(tenantId, "CREDITNOTE", id, created));
    }

    /** A consistent copy while the API keeps running: writes to this tenant wait for it. */
    @java.io.Serial
    private synchronized void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.defaultWriteObject();
    }

    /** Stores a new or changed payment and indexes it by invoice. */
    void savePayment(XeroPayment p) {
        if (payments.put(p.paymentId(), p) == null) {
            paymentsByInvoice.computeIfAbsent(p.invoiceId(), k -> new java.util.ArrayList<>()).add(p.paymentId());
        }
    }

    /** Ids of the payments (any status) applied to an invoice. */
    java.util.List<String> paymentsOf(String invoiceId) {
        return paymentsByInvoice.getOrDefault(invoiceId, java.util.List.of());
    }

    /** Next free "INV-0001" / "CN-0001" style number (Xero's default settings). */
    String nextNumber(XeroDocKind kind) {
        while (true) {
            String candidate = kind.numberPrefix + String.format("%04d", numberSequences.merge(kind, 1, Integer::sum));
            if (salesDocumentWithNumber(kind, candidate) == null) {
                return candidate;
            }
        }
    }

    /** The id of the sales-type document (ACCREC, ACCRECCREDIT) with this number, any status, or null. */
    String salesDocumentWithNumber(XeroDocKind kind, String number) {
        return salesNumbers.computeIfAbsent(kind, k -> new HashMap<>()).get(number.toLowerCase(java.util.Locale.ROOT));
    }

    /** Stores a document and keeps the number index in step. */
    void saveDocument(XeroDocKind kind, XeroInvoice doc) {
        XeroInvoice previous = kind.docs(this).put(doc.invoiceId(), doc);
        Map<String, String> index = salesNumbers.computeIfAbsent(kind, k -> new HashMap<>());
        if (previous != null && kind.salesType.equals(previous.type())) {
            index.remove(previous.invoiceNumber().toLowerCase(java.util.Locale.ROOT), previous.invoiceId());
        }
        if (kind.salesType.equals(doc.type())) {
            index.put(doc.invoiceNumber().toLowerCase(java.util.Locale.ROOT), doc.invoiceId());
        }
    }

    /** Stores a contact and keeps the name index in step. */
    void saveContact(XeroContact contact) {
        XeroContact previous = contacts.put(contact.contactId, contact);
        if (previous != null) {
            java.util.Set<String> ids = contactsByName.get(nameKey(previous.name()));
            if (ids != null) {
                ids.remove(previous.contactId);
            }
        }
        contactsByName.computeIfAbsent(nameKey(contact.name()), k -> new java.util.HashSet<>()).add(contact.contactId);
    }

    /** Contacts (any status) whose name matches ignoring case and surrounding spaces. */
    java.util.Set<String> contactsNamed(String name) {
        return contactsByName.getOrDefault(nameKey(name), java.util.Set.of());
    }

    private static String nameKey(String name) {
        return name.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
