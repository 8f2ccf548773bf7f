package io.sxs.sandbox.scoro;

import java.util.TreeMap;

/** Sales invoices, prepayment invoices and purchase bills share one document model; these are their differences. */
enum ScoroDocKind {
    INVOICE("invoices", "Invoice"),
    BILL("bills", "Bill"),
    PREPAYMENT("prepayments", "Prepayment");

    final String module;
    final String label;

    ScoroDocKind(String module, String label) {
        this.module = module;
        this.label = label;
    }

    TreeMap<Long, ScoroInvoice> docs(ScoroCompanyState st) {
        return switch (this) {
            case INVOICE -> st.invoices;
            case BILL -> st.bills;
            case PREPAYMENT -> st.prepayments;
        };
    }

    static ScoroDocKind ofModule(String module) {
        for (ScoroDocKind k : values()) {
            if (k.module.equals(module)) {
                return k;
            }
        }
        return null;
    }
}
