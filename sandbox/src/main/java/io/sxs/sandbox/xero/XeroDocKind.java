package io.sxs.sandbox.xero;

import java.util.Map;
import java.util.Set;

/** Invoices and credit notes share one document model; these are their differences. */
enum XeroDocKind {
    INVOICE(Set.of("ACCREC", "ACCPAY"), "ACCREC", "InvoiceID", "InvoiceNumber", "INV-", "Invoice", "Invoices"),
    CREDIT_NOTE(Set.of("ACCRECCREDIT", "ACCPAYCREDIT"), "ACCRECCREDIT", "CreditNoteID", "CreditNoteNumber", "CN-",
            "Credit Note", "CreditNotes");

    final Set<String> types;
    /** The sales type, whose numbers are unique and generated. */
    final String salesType;
    final String idField;
    final String numberField;
    final String numberPrefix;
    final String label;
    final String plural;

    XeroDocKind(Set<String> types, String salesType, String idField, String numberField, String numberPrefix, String label,
                String plural) {
        this.types = types;
        this.salesType = salesType;
        this.idField = idField;
        this.numberField = numberField;
        this.numberPrefix = numberPrefix;
        this.label = label;
        this.plural = plural;
    }

    Map<String, XeroInvoice> docs(XeroTenantState st) {
        return this == INVOICE ? st.invoices : st.creditNotes;
    }

    String notValidStatus() {
        return label + " not of valid status for modification";
    }
}
