package io.sxs.sandbox.xero;

import java.util.Map;

/** The documents whose credit can be allocated to invoices. */
enum XeroCreditSource {
    CREDIT_NOTE("CreditNote", "CreditNoteID", "CreditNotes"),
    PREPAYMENT("Prepayment", "PrepaymentID", "Prepayments"),
    OVERPAYMENT("Overpayment", "OverpaymentID", "Overpayments");

    final String label;
    final String idField;
    final String plural;

    XeroCreditSource(String label, String idField, String plural) {
        this.label = label;
        this.idField = idField;
        this.plural = plural;
    }

    /** The document's name in messages, as Xero writes it ("credit note", "prepayment", "overpayment"). */
    String noun() {
        return this == CREDIT_NOTE ? "credit note" : label.toLowerCase(java.util.Locale.ROOT);
    }

    Map<String, XeroInvoice> docs(XeroTenantState st) {
        return switch (this) {
            case CREDIT_NOTE -> st.creditNotes;
            case PREPAYMENT -> st.prepayments;
            case OVERPAYMENT -> st.overpayments;
        };
    }

    /** The invoice type this credit may settle: ACCRECCREDIT/RECEIVE-* → ACCREC, ACCPAYCREDIT/SPEND-* → ACCPAY. */
    static String invoiceTypeFor(String creditType) {
        return creditType.startsWith("ACCREC") || creditType.startsWith("RECEIVE") ? "ACCREC" : "ACCPAY";
    }
}
