package io.sxs.sandbox.generator;

import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What {@link DataGenerator#generate} created: one {@link Pair} per tenant pair, in creation order. */
public record GeneratedData(GeneratorSpec spec, List<Pair> pairs) {

    public GeneratedData {
        pairs = List.copyOf(pairs);
    }

    /** Kinds of Scoro records, with their ids (Scoro's integer ids). */
    public enum ScoroKind {
        CONTACT_COMPANY, CONTACT_PERSON, PRODUCT, PREPAYMENT, INVOICE, CREDIT_INVOICE, BILL
    }

    /** Kinds of Xero records, with their ids (GUIDs; currency codes for CURRENCY). */
    public enum XeroKind {
        CURRENCY, TRACKING_CATEGORY, TRACKING_OPTION, ITEM, CONTACT, INVOICE, BILL, PAYMENT, CREDIT_NOTE,
        CREDIT_NOTE_ALLOCATION, PREPAYMENT, PREPAYMENT_ALLOCATION, OVERPAYMENT, OVERPAYMENT_ALLOCATION,
        BANK_TRANSACTION
    }

    /**
     * One Scoro company and one Xero organisation with the ids created on each side.
     *
     * @param xeroApiCalls the Xero API calls the generator had to make for this tenant (items, tracking, currencies and
     *                     prepayment/overpayment allocations have no Java helper), as {@code XeroSandbox.callCounts}
     *                     reported them right after generation; subtract them when counting a pipeline's calls
     */
    public record Pair(int index, ScoroCompany scoroCompany, XeroTenant xeroTenant, Map<ScoroKind, List<Long>> scoroIds,
                       Map<XeroKind, List<String>> xeroIds, Map<String, Long> xeroApiCalls) {

        public Pair {
            EnumMap<ScoroKind, List<Long>> s = new EnumMap<>(ScoroKind.class);
            for (ScoroKind k : ScoroKind.values()) {
                s.put(k, List.copyOf(scoroIds.getOrDefault(k, List.of())));
            }
            EnumMap<XeroKind, List<String>> x = new EnumMap<>(XeroKind.class);
            for (XeroKind k : XeroKind.values()) {
                x.put(k, List.copyOf(xeroIds.getOrDefault(k, List.of())));
            }
            scoroIds = Collections.unmodifiableMap(s);
            xeroIds = Collections.unmodifiableMap(x);
            xeroApiCalls = Map.copyOf(xeroApiCalls);
        }

        public List<Long> scoro(ScoroKind kind) {
            return scoroIds.get(kind);
        }

        public List<String> xero(XeroKind kind) {
            return xeroIds.get(kind);
        }

        public String companyAccountId() {
            return scoroCompany.companyAccountId();
        }

        public String tenantId() {
            return xeroTenant.tenantId();
        }
    }
}
