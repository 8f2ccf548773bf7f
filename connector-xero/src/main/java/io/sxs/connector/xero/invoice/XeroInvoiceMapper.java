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
import io.sxs.connector.xero.mapping.XeroFields;
import io.sxs.schemas.common.Allocation;
import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.LineAmountType;
import io.sxs.schemas.common.LineTracking;
import io.sxs.schemas.document.Documents;
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


    private XeroInvoiceMapper() {
    }

    public static Invoice toCanonical(JsonNode i) throws MappingException {
        return toDocument(i, XeroDocumentKind.SALES_INVOICE);
    }

    /** The document as its kind's entity: a {@link Bill} for a bill, else an {@link Invoice}. */
    public static org.apache.avro.specific.SpecificRecordBase toEntity(JsonNode i, XeroDocumentKind kind) throws MappingException {
        Invoice doc = toDocument(i, kind);
        return kind == XeroDocumentKind.BILL ? Documents.asBill(doc) : doc;
    }

    /**
     * Any of the three document kinds in the invoice shape. A credit note names the invoices it is allocated to
     * ({@code creditedInvoiceRefs}, from its live allocations), and what is allocated is its amount credited.
     */
    static Invoice toDocument(JsonNode i, XeroDocumentKind kind) throws MappingException {
        if (i == null || !i.isObject()) {
            throw new MappingException(kind.noun + " is not a JSON object");
        }
        String id = requiredText(i, kind.idField);
        String type = text(i, "Type");
        if (type != null && !kind.type.equals(type)) {
            throw new MappingException(kind.noun + " " + id + " is of Type " + type + ", not " + kind.type);
        }
        boolean credit = kind == XeroDocumentKind.SALES_CREDIT_NOTE;
        try {
            List<Allocation> allocations = credit ? allocations(i.get("Allocations")) : List.of();
            BigDecimal total = money(i, "Total");
            BigDecimal remaining = credit ? money(i, "RemainingCredit") : null;
            return Invoice.newBuilder()
                    .setId(id)
                    .setDocumentType(credit ? DocumentType.CREDIT_NOTE : DocumentType.INVOICE)
                    .setCreditedInvoiceRefs(allocations.stream().filter(a -> !a.getIsDeleted()).map(Allocation::getInvoiceRef)
                            .distinct().toList())
                    .setAllocations(allocations)
                    .setNumber(text(i, kind.numberField))
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
                    .setAmountDue(credit ? remaining : money(i, "AmountDue"))
                    .setAmountCredited(credit ? (total == null || remaining == null ? null : total.subtract(remaining))
                            : money(i, "AmountCredited"))
                    .setUpdatedAt(updatedAt(i))
                    .build();
        } catch (MappingException e) {
            throw new MappingException(kind.noun + " " + id + ": " + e.getMessage());
        }
    }

    /** A credit note's allocations (deleted ones flagged, as Xero keeps them). */
    private static List<Allocation> allocations(JsonNode array) throws MappingException {
        List<Allocation> out = new ArrayList<>();
        if (array == null || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            throw new MappingException("Allocations is not an array");
        }
        for (JsonNode a : array) {
            String invoice = guid(a.path("Invoice"), "InvoiceID");
            if (invoice == null) {
                throw new MappingException("an allocation has no Invoice.InvoiceID");
            }
            out.add(Allocation.newBuilder().setAllocationId(text(a, "AllocationID")).setInvoiceRef(invoice)
                    .setAmount(money(a, "Amount")).setDate(date(a, "Date")).setIsDeleted(XeroFields.bool(a, "IsDeleted"))
                    .build());
        }
        return out;
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
