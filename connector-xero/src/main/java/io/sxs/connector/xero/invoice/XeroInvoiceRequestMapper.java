package io.sxs.connector.xero.invoice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.xero.client.XeroDates;
import io.sxs.connector.xero.client.XeroJson;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.LineTracking;
import io.sxs.schemas.entity.DocumentType;
import io.sxs.schemas.entity.Invoice;
import java.math.BigDecimal;

/**
 * Canonical {@link Invoice} to a Xero Invoices request element (Type ACCREC). Totals, amounts paid/due/credited and
 * line/tax amounts are Xero's to compute and are never sent; Status is sent only when it is one a client may set
 * (DRAFT, SUBMITTED, AUTHORISED); lines go without LineItemID, so Xero re-creates them.
 */
public final class XeroInvoiceRequestMapper {

    private XeroInvoiceRequestMapper() {
    }

    /** @param invoiceId the Xero InvoiceID for an update, null for a create */
    public static ObjectNode toRequest(Invoice inv, String invoiceId) throws MappingException {
        return toRequest(inv, invoiceId, null);
    }

    /**
     * @param trackingCategory the name of the tracking category the connection syncs: a line's option from the other
     *                         system carries only the option's Xero id, and Xero identifies line tracking by category
     */
    public static ObjectNode toRequest(Invoice inv, String invoiceId, String trackingCategory) throws MappingException {
        return toRequest(inv, XeroDocumentKind.SALES_INVOICE, invoiceId, trackingCategory);
    }

    /**
     * @param kind a sales invoice, a bill or a sales credit note (the last two have no line discounts in Xero)
     * @param invoiceId the document's Xero id for an update, null for a create
     */
    public static ObjectNode toRequest(Invoice inv, XeroDocumentKind kind, String invoiceId, String trackingCategory)
            throws MappingException {
        DocumentType expected = kind == XeroDocumentKind.SALES_CREDIT_NOTE ? DocumentType.CREDIT_NOTE : DocumentType.INVOICE;
        if (inv.getDocumentType() != expected) {
            throw new MappingException("a " + inv.getDocumentType() + " is not written as a Xero " + kind.noun);
        }
        if (!kind.lineDiscounts) {
            int n = 0;
            for (DocumentLine l : inv.getLines()) {
                n++;
                if (l.getDiscountRate() != null && l.getDiscountRate().signum() != 0) {
                    throw new MappingException("line " + n + ": a " + l.getDiscountRate().stripTrailingZeros().toPlainString()
                            + "% discount cannot be written, Xero " + kind.noun + "s have no line discounts");
                }
            }
        }
        if (inv.getContactRef() == null || inv.getContactRef().isBlank()) {
            throw new MappingException("invoice has no contact");
        }
        boolean update = invoiceId != null;
        ObjectNode o = XeroJson.NODES.objectNode();
        o.put("Type", kind.type);
        if (update) {
            o.put(kind.idField, invoiceId);
        }
        o.putObject("Contact").put("ContactID", inv.getContactRef());
        if (inv.getNumber() != null) {
            o.put(kind.numberField, inv.getNumber());
        }
        if (inv.getReference() != null) {
            o.put("Reference", inv.getReference());
        } else if (update) {
            o.put("Reference", "");
        }
        if (inv.getDate() != null) {
            o.put("Date", XeroDates.formatDate(inv.getDate()));
        }
        if (inv.getDueDate() != null) {
            o.put("DueDate", XeroDates.formatDate(inv.getDueDate()));
        }
        if (inv.getCurrency() != null) {
            o.put("CurrencyCode", inv.getCurrency());
        }
        if (inv.getCurrencyRate() != null) {
            o.put("CurrencyRate", inv.getCurrencyRate());
        }
        if (writableStatus(inv.getStatus())) {
            o.put("Status", inv.getStatus().name());
        }
        o.put("LineAmountTypes", switch (inv.getLineAmountType()) {
            case EXCLUSIVE -> "Exclusive";
            case INCLUSIVE -> "Inclusive";
            case NO_TAX -> "NoTax";
        });
        ArrayNode lines = o.putArray("LineItems");
        for (DocumentLine l : inv.getLines()) {
            lines.add(line(l, trackingCategory));
        }
        return o;
    }

    /** The element that moves an invoice to DELETED or VOIDED (Xero has no invoice delete). */
    public static ObjectNode statusChange(String invoiceId, DocumentStatus status) {
        return statusChange(XeroDocumentKind.SALES_INVOICE, invoiceId, status);
    }

    public static ObjectNode statusChange(XeroDocumentKind kind, String invoiceId, DocumentStatus status) {
        ObjectNode o = XeroJson.NODES.objectNode();
        o.put(kind.idField, invoiceId);
        o.put("Status", status.name());
        return o;
    }

    static boolean writableStatus(DocumentStatus s) {
        return s == DocumentStatus.DRAFT || s == DocumentStatus.SUBMITTED || s == DocumentStatus.AUTHORISED;
    }

    private static ObjectNode line(DocumentLine l, String trackingCategory) {
        ObjectNode x = XeroJson.NODES.objectNode();
        if (l.getDescription() != null) {
            x.put("Description", l.getDescription());
        }
        x.put("Quantity", l.getQuantity());
        x.put("UnitAmount", l.getUnitAmount());
        if (l.getItemCode() != null) {
            x.put("ItemCode", l.getItemCode());
        }
        // The translated id (the ID map's counterpart) names the account; a line read before references existed
        // has only the shared code. A line read from Xero has both, so it compares equal to either request.
        if (l.getAccountCode() != null) {
            x.put("AccountCode", l.getAccountCode());
        }
        if (l.getAccountRef() != null) {
            x.put("AccountID", l.getAccountRef());
        }
        if (l.getTaxRateRef() != null) {
            x.put("TaxType", l.getTaxRateRef());
        } else if (l.getTaxType() != null) {
            x.put("TaxType", l.getTaxType());
        }
        BigDecimal discount = l.getDiscountRate();
        if (discount != null && discount.signum() != 0) {
            x.put("DiscountRate", discount);
        }
        ArrayNode tracking = x.putArray("Tracking");
        for (LineTracking t : l.getTracking()) {
            if (t.getOptionRef() == null && t.getOptionName() == null) {
                continue; // an option that is not synced (the other category) cannot be named to Xero
            }
            ObjectNode y = tracking.addObject();
            if (t.getCategoryRef() != null) {
                y.put("TrackingCategoryID", t.getCategoryRef());
            } else if (t.getCategoryName() == null && trackingCategory != null) {
                y.put("Name", trackingCategory);
            }
            if (t.getOptionRef() != null) {
                y.put("TrackingOptionID", t.getOptionRef());
            }
            if (t.getCategoryName() != null) {
                y.put("Name", t.getCategoryName());
            }
            if (t.getOptionName() != null) {
                y.put("Option", t.getOptionName());
            }
        }
        return x;
    }
}
