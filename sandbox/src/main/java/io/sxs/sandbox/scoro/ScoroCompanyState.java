package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One business entity's data. Callers synchronize on the instance (entities run in parallel). */
final class ScoroCompanyState extends io.sxs.sandbox.core.LiveState implements java.io.Serializable {
    /** Fixed, so a rebuild that keeps the fields can still read earlier snapshots. */
    @java.io.Serial
    private static final long serialVersionUID = 1L;


    final String companyAccountId;
    final String apiKey;
    final String name;
    /** Id order is the list order. */
    final TreeMap<Long, ScoroContact> contacts = new TreeMap<>();
    final TreeMap<Long, ScoroInvoice> invoices = new TreeMap<>();
    final TreeMap<Long, ScoroInvoice> bills = new TreeMap<>();
    final TreeMap<Long, ScoroInvoice> prepayments = new TreeMap<>();
    final TreeMap<Long, ScoroReceiptGroup> receipts = new TreeMap<>();
    final Map<Long, ScoroVatCode> vatCodes = new LinkedHashMap<>();
    /** The entity's base currency and the currencies activated in its settings (companyAccount/list). */
    String baseCurrency = "GBP";
    final java.util.Set<String> activeCurrencies = new java.util.LinkedHashSet<>(List.of("GBP", "EUR", "USD"));
    final Map<Long, ScoroFinanceAccount> financeAccounts = new LinkedHashMap<>();
    /** Records of the simple modules (products, financeObjects, receiptAccounts), by module name. */
    private final Map<String, TreeMap<Long, ScoroRecord>> records = new java.util.HashMap<>();
    private final Map<String, Long> sequences = new java.util.HashMap<>();
    private final Map<ScoroDocKind, Map<String, Long>> liveNumbers = new java.util.EnumMap<>(ScoroDocKind.class);
    private long contactSeq;
    private long invoiceSeq;
    private long lineSeq;
    private final long numberSeq = 1000;

    /** Where changes are reported (the webhooks module); set again after a restore. */
    transient ScoroWebhooks events;

    ScoroCompanyState(String companyAccountId, String apiKey, String name, Instant now, ScoroWebhooks events) {
        this.companyAccountId = companyAccountId;
        this.events = events;
        this.apiKey = apiKey;
        this.name = name;
        long id = 0;
        for (ScoroVatCode v : new ScoroVatCode[] {
            new ScoroVatCode(++id, "OUTPUT2", "20% (VAT on Income)", new BigDecimal("20.00"), true, false, false),
            new ScoroVatCode(++id, "RROUTPUT", "5% (VAT on Income)", new BigDecimal("5.00"), true, false, false),
            new ScoroVatCode(++id, "ZERORATEDOUTPUT", "Zero Rated Income", new BigDecimal("0.00"), true, false, false),
            new ScoroVatCode(++id, "NONE", "No VAT", new BigDecimal("0.00"), true, true, true),
            new ScoroVatCode(++id, "INPUT2", "20% (VAT on Expenses)", new BigDecimal("20.00"), false, true, false),
        }) {
            vatCodes.put(v.id(), v);
        }
        ObjectNode cash = io.sxs.sandbox.http.Json.object().put("name", "Cash").put("type", "cash");
        long cashId = nextId("receiptAccounts");
        records("receiptAccounts").put(cashId, new ScoroRecord(cashId, cash, now, now, null));
        id = 0;
        for (ScoroFinanceAccount a : new ScoroFinanceAccount[] {
            new ScoroFinanceAccount(++id, "200", "Sales", true, false, now),
            new ScoroFinanceAccount(++id, "260", "Other Revenue", true, false, now),
            new ScoroFinanceAccount(++id, "400", "Advertising", false, true, now),
            new ScoroFinanceAccount(++id, "310", "Cost of Goods Sold", false, true, now),
        }) {
            financeAccounts.put(a.id(), a);
        }
    }

    /** A consistent copy while the API keeps running: writes to this company wait for it. */
    @java.io.Serial
    private synchronized void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.defaultWriteObject();
    }

    TreeMap<Long, ScoroRecord> records(String module) {
        return records.computeIfAbsent(module, k -> new TreeMap<>());
    }

    long nextId(String module) {
        return sequences.merge(module, 1L, Long::sum);
    }

    /** Stores a contact and reports it under contacts and under companies or persons. */
    void saveContact(ScoroContact contact) {
        ScoroContact previous = contacts.put(contact.id(), contact);
        String action = previous == null ? "create" : contact.isDeleted() && !previous.isDeleted() ? "delete" : "modify";
        String typed = "person".equals(contact.fields().path("contact_type").asText()) ? "persons" : "companies";
        events.publish(companyAccountId, java.util.Set.of("contacts", typed), action, contact.id(),
                () -> previous == null ? null : ScoroContactService.render(previous),
                () -> ScoroContactService.render(contact));
    }

    long nextContactId() {
        return ++contactSeq;
    }

    long nextInvoiceId() {
        return ++invoiceSeq;
    }

    long nextLineId() {
        return ++lineSeq;
    }

    /** Next free number among the kind's non-deleted documents (invoices and prepayments count separately from 1001). */
    String nextNumber(ScoroDocKind kind) {
        while (true) {
            String candidate = String.valueOf(numberSeq + sequences.merge("no:" + kind.module, 1L, Long::sum));
            if (liveDocumentWithNumber(kind, candidate) == null) {
                return candidate;
            }
        }
    }

    /** The id of the non-deleted document of this kind with this number, or null (an index keeps it O(1)). */
    Long liveDocumentWithNumber(ScoroDocKind kind, String no) {
        return liveNumbers.computeIfAbsent(kind, k -> new java.util.HashMap<>()).get(no);
    }

    /** Stores a document and keeps the live-number index in step (deleted documents free their number). */
    void saveDocument(ScoroDocKind kind, ScoroInvoice doc) {
        ScoroInvoice previous = kind.docs(this).put(doc.id(), doc);
        String action = previous == null ? "create" : doc.isDeleted() && !previous.isDeleted() ? "delete" : "modify";
        events.publish(companyAccountId, java.util.Set.of(kind.module), action, doc.id(),
                () -> previous == null ? null : ScoroInvoiceService.render(this, kind, previous, true),
                () -> ScoroInvoiceService.render(this, kind, doc, true));
        Map<String, Long> index = liveNumbers.computeIfAbsent(kind, k -> new java.util.HashMap<>());
        if (previous != null && !previous.isDeleted()) {
            index.remove(previous.no(), previous.id());
        }
        if (!doc.isDeleted() && doc.no() != null && !doc.no().isEmpty()) {
            index.put(doc.no(), doc.id());
        }
    }

    ScoroVatCode vatCodeByCode(String code) {
        return vatCodes.values().stream().filter(v -> v.code().equals(code)).findFirst().orElse(null);
    }

    ScoroFinanceAccount financeAccountBySymbol(String symbol) {
        return financeAccounts.values().stream().filter(a -> a.symbol().equals(symbol)).findFirst().orElse(null);
    }
}
