package io.sxs.connector.xero.invoice;

import static io.sxs.connector.xero.mapping.XeroFields.date;
import static io.sxs.connector.xero.mapping.XeroFields.decimal;
import static io.sxs.connector.xero.mapping.XeroFields.decimalOrZero;
import static io.sxs.connector.xero.mapping.XeroFields.guid;
import static io.sxs.connector.xero.mapping.XeroFields.money;
import static io.sxs.connector.xero.mapping.XeroFields.requiredText;
import static io.sxs.connector.xero.mapping.XeroFields.text;
import static io.sxs.connector.xero.mapping.XeroFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.LineAmountType;
import io.sxs.schemas.common.LineTracking;
import io.sxs.schemas.document.Documents;
import io.sxs.schemas.entity.Bill;
import io.sxs.schemas.entity.DocumentType;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.money.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Xero Invoice JSON (Type ACCREC) to the canonical {@link Invoice}. Amounts must fit their canonical scales exactly
 * (read with {@code unitdp=4} so unit amounts are not rounded to 2 dp); anything that does not is a
 * {@link MappingException} naming the field.
 */
public final class XeroInvoiceMapper {

    public static final String SALES_TYPE = "ACCREC";
    public static final String PURCHASE_TYPE = "ACCPAY";

    private XeroInvoiceMapper() {
    }

    public static Invoice toCanonical(JsonNode i) throws MappingException {
        return toDocument(i, SALES_TYPE);
    }

    /** A bill (Type ACCPAY): the same document shape, as a {@link Bill}. */
    public static Bill toBill(JsonNode i) throws MappingException {
        return Documents.asBill(toDocument(i, PURCHASE_TYPE));
    }

    /** Sales invoices and bills share the endpoint and the shape; {@code expectedType} says which this must be. */
    static Invoice toDocument(JsonNode i, String expectedType) throws MappingException {
        if (i == null || !i.isObject()) {
            throw new MappingException("invoice is not a JSON object");
        }
        String id = requiredText(i, "InvoiceID");
        String type = text(i, "Type");
        if (type != null && !expectedType.equals(type)) {
            throw new MappingException("invoice " + id + " is of Type " + type + ", not " + expectedType);
        }
        try {
            return Invoice.newBuilder()
                    .setId(id)
                    .setDocumentType(DocumentType.INVOICE)
                    .setNumber(text(i, "InvoiceNumber"))
                    .setReference(text(i, "Reference"))
                    .setContactRef(guid(i.path("Contact"), "ContactID"))
                    .setDate(date(i, "Date"))
                    .setDueDate(date(i, "DueDate"))
                    .setCurrency(text(i, "CurrencyCode"))
                    .setCurrencyRate(decimal(i, "CurrencyRate", Decimals.RATE_SCALE))
                    .setStatus(status(text(i, "Status")))
                    .setLineAmountType(lineAmountType(text(i, "LineAmountTypes")))
                    .setLines(lines(i.get("LineItems")))
                    .setSubTotal(money(i, "SubTotal"))
                    .setTotalTax(money(i, "TotalTax"))
                    .setTotal(money(i, "Total"))
                    .setAmountPaid(money(i, "AmountPaid"))
                    .setAmountDue(money(i, "AmountDue"))
                    .setAmountCredited(money(i, "AmountCredited"))
                    .setUpdatedAt(updatedAt(i))
                    .build();
        } catch (MappingException e) {
            throw new MappingException("invoice " + id + ": " + e.getMessage());
        }
    }

    /** UpdatedDateUTC, or the ISO twin newer Xero versions add. */
    static Instant updatedAt(JsonNode i) throws MappingException {
        Instant t = timestamp(i, "UpdatedDateUTC");
        return t != null ? t : timestamp(i, "UpdatedDateUTCString");
    }

    static DocumentStatus status(String xero) throws MappingException {
        if (xero == null) {
            throw new MappingException("missing Status");
        }
        try {
            return DocumentStatus.valueOf(xero.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MappingException("unknown Status '" + xero + "'");
        }
    }

    static LineAmountType lineAmountType(String xero) throws MappingException {
        if (xero == null) {
            return LineAmountType.EXCLUSIVE;
        }
        return switch (xero.toUpperCase(Locale.ROOT)) {
            case "EXCLUSIVE" -> LineAmountType.EXCLUSIVE;
            case "INCLUSIVE" -> LineAmountType.INCLUSIVE;
            case "NOTAX", "NONE" -> LineAmountType.NO_TAX;
            default -> throw new MappingException("unknown LineAmountTypes '" + xero + "'");
        };
    }

    private static List<DocumentLine> lines(JsonNode arr) throws MappingException {
        List<DocumentLine> out = new ArrayList<>();
        if (arr == null || arr.isNull()) {
            return out;
        }
        if (!arr.isArray()) {
            throw new MappingException("LineItems is not an array");
        }
        int n = 0;
        for (JsonNode l : arr) {
            n++;
            try {
                out.add(line(l));
            } catch (MappingException e) {
                throw new MappingException("line " + n + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static DocumentLine line(JsonNode l) throws MappingException {
        BigDecimal discount = decimal(l, "DiscountRate", Decimals.PERCENT_SCALE);
        return DocumentLine.newBuilder()
                .setLineId(text(l, "LineItemID"))
                .setItemRef(guid(l.path("Item"), "ItemID"))
                .setItemCode(text(l, "ItemCode"))
                .setDescription(text(l, "Description"))
                .setQuantity(decimalOrZero(l, "Quantity", Decimals.QUANTITY_SCALE))
                .setUnitAmount(decimalOrZero(l, "UnitAmount", Decimals.UNIT_AMOUNT_SCALE))
                // Xero returns 0 or nothing for "no discount"; both mean none.
                .setDiscountRate(discount == null || discount.signum() == 0 ? null : discount)
                .setLineAmount(decimalOrZero(l, "LineAmount", Decimals.MONEY_SCALE))
                .setAccountCode(text(l, "AccountCode"))
                .setAccountRef(guid(l, "AccountID"))
                .setTaxType(text(l, "TaxType"))
                // A tax rate's Xero id is its TaxType.
                .setTaxRateRef(text(l, "TaxType"))
                .setTaxAmount(money(l, "TaxAmount"))
                .setTracking(tracking(l.get("Tracking")))
                .build();
    }

    private static List<LineTracking> tracking(JsonNode arr) throws MappingException {
        List<LineTracking> out = new ArrayList<>();
        if (arr == null || arr.isNull()) {
            return out;
        }
        if (!arr.isArray()) {
            throw new MappingException("Tracking is not an array");
        }
        for (JsonNode t : arr) {
            out.add(new LineTracking(guid(t, "TrackingCategoryID"), guid(t, "TrackingOptionID"), text(t, "Name"),
                    text(t, "Option")));
        }
        return out;
    }
}
