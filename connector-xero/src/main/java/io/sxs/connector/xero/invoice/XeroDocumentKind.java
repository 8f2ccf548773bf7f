package io.sxs.connector.xero.invoice;

import io.sxs.schemas.common.EntityType;

/**
 * The three kinds of Xero document the pipeline syncs, which share one shape (header, lines, totals, statuses) and
 * differ in endpoint, id and number fields (API notes: Invoices ACCREC / ACCPAY, CreditNotes ACCRECCREDIT).
 */
public enum XeroDocumentKind {
    SALES_INVOICE("ACCREC", "Invoices", "InvoiceID", "InvoiceNumber", "invoice", EntityType.INVOICE, true),
    BILL("ACCPAY", "Invoices", "InvoiceID", "InvoiceNumber", "bill", EntityType.BILL, false),
    SALES_CREDIT_NOTE("ACCRECCREDIT", "CreditNotes", "CreditNoteID", "CreditNoteNumber", "credit note",
            EntityType.CREDIT_NOTE, false);

    public final String type;
    public final String collection;
    public final String idField;
    public final String numberField;
    public final String noun;
    public final EntityType entity;
    /** Xero supports line discounts only on ACCREC invoices (OpenAPI: LineItem.DiscountRate). */
    public final boolean lineDiscounts;

    XeroDocumentKind(String type, String collection, String idField, String numberField, String noun, EntityType entity,
                     boolean lineDiscounts) {
        this.type = type;
        this.collection = collection;
        this.idField = idField;
        this.numberField = numberField;
        this.noun = noun;
        this.entity = entity;
        this.lineDiscounts = lineDiscounts;
    }
}
