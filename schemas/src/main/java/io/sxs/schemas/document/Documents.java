package io.sxs.schemas.document;

import io.sxs.schemas.entity.Bill;
import io.sxs.schemas.entity.DocumentType;
import io.sxs.schemas.entity.Invoice;
import org.apache.avro.Schema;

/**
 * Sales invoices and purchase bills have one shape (header, lines, totals); {@link Bill} lacks only the credit-note
 * links. Both connectors read and write bills with their invoice mappers through these two conversions, so that the
 * rules (lines, tax, rounding, statuses) exist once.
 */
public final class Documents {

    private Documents() {
    }

    /** The bill as an invoice-shaped document: a credit bill is a credit note. */
    public static Invoice asInvoice(Bill bill) {
        Invoice invoice = new Invoice();
        for (Schema.Field field : Invoice.getClassSchema().getFields()) {
            Schema.Field same = Bill.getClassSchema().getField(field.name());
            invoice.put(field.pos(), same != null ? bill.get(same.pos()) : defaultOf(field));
        }
        invoice.setDocumentType(bill.getIsCredit() ? DocumentType.CREDIT_NOTE : DocumentType.INVOICE);
        return invoice;
    }

    /** An invoice-shaped document as a bill (its credit-note links, which bills do not have, are dropped). */
    public static Bill asBill(Invoice invoice) {
        Bill bill = new Bill();
        for (Schema.Field field : Bill.getClassSchema().getFields()) {
            Schema.Field same = Invoice.getClassSchema().getField(field.name());
            bill.put(field.pos(), same != null ? invoice.get(same.pos()) : defaultOf(field));
        }
        bill.setIsCredit(invoice.getDocumentType() == DocumentType.CREDIT_NOTE);
        return bill;
    }

    private static Object defaultOf(Schema.Field field) {
        return org.apache.avro.specific.SpecificData.get().getDefaultValue(field);
    }
}
