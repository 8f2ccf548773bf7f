package io.sxs.connector.scoro.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.client.ScoroJson;
import io.sxs.connector.scoro.mapping.ScoroMappingException;
import io.sxs.connector.scoro.mapping.ScoroTimestamps;
import io.sxs.connector.scoro.mapping.ScoroValues;
import io.sxs.connector.scoro.reference.ReferenceData;
import io.sxs.connector.scoro.reference.ReferenceNeeds;
import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.LineAmountType;
import io.sxs.schemas.common.LineTracking;
import io.sxs.schemas.entity.DocumentType;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.money.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Scoro {@code invoices} ⇄ canonical {@link Invoice}, as pure functions over a {@link ReferenceData} snapshot (finance
 * account ids and VAT code ids become the shared account and tax codes). A credit invoice (non-empty
 * {@code credited_invoices}) is a CREDIT_NOTE. Reader and writer both use {@link #toCanonical}, so the hash of what a
 * modify returned equals the hash of a later view of the same invoice.
 */
public final class ScoroInvoiceMapper {

    public static final String MODULE = "invoices";
    public static final String BILLS_MODULE = "bills";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ScoroInvoiceMapper() {
    }

    /**
     * What writing a canonical invoice needs of the cached lists: the percent of a VAT code when the line does not
     * carry it, and the ids of lines that still travel by shared codes (read before references existed).
     */
    public static ReferenceNeeds needsOf(Invoice invoice, ReferenceNeeds needs) {
        for (DocumentLine line : invoice.getLines()) {
            if (line.getAccountRef() == null) {
                needs.accountSymbol(line.getAccountCode());
            }
            if (line.getTaxRateRef() == null) {
                needs.vatCode(line.getTaxType());
            } else if (line.getTaxRate() == null) {
                needs.vatCodeId(line.getTaxRateRef());
            }
        }
        return needs;
    }

    /** A Scoro invoice (view or modify reply; a list row has no lines) as canonical; throws when malformed. */
    public static Invoice toCanonical(JsonNode inv) {
        return toDocument(inv, false);
    }

    /**
     * A Scoro bill (purchase invoice, the same document shape) as canonical. Bills have no sent flag: an unpaid bill
     * is an approved one ("Bills: always Awaiting payment", Scoro's Xero integration).
     */
    public static io.sxs.schemas.entity.Bill toBill(JsonNode bill) {
        return io.sxs.schemas.document.Documents.asBill(toDocument(bill, true));
    }

    private static Invoice toDocument(JsonNode inv, boolean bill) {
        String id = ScoroValues.id(inv, "id");
        if (id == null) {
            throw new ScoroMappingException("invoice id is missing");
        }
        try {
            List<String> credited = bill ? List.of() : credited(inv.get("credited_invoices"));
            BigDecimal sum = ScoroValues.decimal(inv, "sum", Decimals.MONEY_SCALE);
            BigDecimal vatSum = ScoroValues.decimal(inv, "vat_sum", Decimals.MONEY_SCALE);
            List<DocumentLine> lines = new ArrayList<>();
            BigDecimal factor = headerDiscountFactor(inv);
            int n = 0;
            for (JsonNode line : lines(inv)) {
                n++;
                try {
                    lines.add(line(line, factor));
                } catch (ScoroMappingException e) {
                    throw new ScoroMappingException("line " + n + lineIdSuffix(line) + ": " + e.getMessage(), e);
                }
            }
            return Invoice.newBuilder()
                    .setId(id)
                    .setDocumentType(credited.isEmpty() ? DocumentType.INVOICE : DocumentType.CREDIT_NOTE)
                    .setNumber(ScoroValues.text(inv, "no"))
                    .setReference(ScoroValues.text(inv, "reference_no"))
                    .setContactRef(ScoroValues.id(inv, "company_id"))
                    .setDate(ScoroTimestamps.date("date", ScoroValues.text(inv, "date")))
                    .setDueDate(ScoroTimestamps.date("deadline", ScoroValues.text(inv, "deadline")))
                    .setCurrency(ScoroValues.text(inv, "currency"))
                    .setCurrencyRate(ScoroValues.decimal(inv, "currency_rate", Decimals.RATE_SCALE))
                    .setStatus(bill ? billStatus(inv) : status(inv))
                    .setLineAmountType(LineAmountType.EXCLUSIVE)
                    .setLines(lines)
                    .setSubTotal(sum)
                    .setTotalTax(vatSum)
                    .setTotal(sum == null || vatSum == null ? null : sum.add(vatSum))
                    .setAmountPaid(ScoroValues.decimal(inv, "paid_sum", Decimals.MONEY_SCALE))
                    .setAmountDue(ScoroValues.decimal(inv, "receivable_sum", Decimals.MONEY_SCALE))
                    .setCreditedInvoiceRefs(credited)
                    .setUpdatedAt(ScoroTimestamps.instant("modified_date", ScoroValues.text(inv, "modified_date")))
                    .build();
        } catch (ScoroMappingException e) {
            throw new ScoroMappingException("invoice " + id + ": " + e.getMessage(), e);
        }
    }

    /** Deleted wins, then paid, then sent; an unsent invoice is a draft. */
    static DocumentStatus billStatus(JsonNode bill) {
        if (ScoroValues.flag(bill, "is_deleted")) {
            return DocumentStatus.DELETED;
        }
        return "paid".equalsIgnoreCase(ScoroValues.text(bill, "status")) ? DocumentStatus.PAID : DocumentStatus.AUTHORISED;
    }

    static DocumentStatus status(JsonNode inv) {
        if (ScoroValues.flag(inv, "is_deleted")) {
            return DocumentStatus.DELETED;
        }
        if ("paid".equalsIgnoreCase(ScoroValues.text(inv, "status"))) {
            return DocumentStatus.PAID;
        }
        return ScoroValues.flag(inv, "is_sent") ? DocumentStatus.AUTHORISED : DocumentStatus.DRAFT;
    }

    /**
     * The document-level discounts ({@code discount}, {@code discount2}, {@code discount3}, percent, one after the
     * other) as one factor on every line's net: they are carried as each line's discount, since Xero has no document
     * discount. 1 when there are none.
     */
    static BigDecimal headerDiscountFactor(JsonNode inv) {
        BigDecimal factor = BigDecimal.ONE;
        for (String field : List.of("discount", "discount2", "discount3")) {
            BigDecimal d = ScoroValues.decimal(inv, field, Decimals.PERCENT_SCALE);
            if (d != null && d.signum() != 0) {
                if (d.signum() < 0 || d.compareTo(HUNDRED) > 0) {
                    throw new ScoroMappingException(field + " " + d.stripTrailingZeros().toPlainString() + "% is not between 0 and 100");
                }
                factor = factor.multiply(HUNDRED.subtract(d)).divide(HUNDRED);
            }
        }
        return factor;
    }

    private static DocumentLine line(JsonNode line, BigDecimal headerFactor) {
        BigDecimal sum = ScoroValues.requiredDecimal(line, "sum", Decimals.MONEY_SCALE);
        BigDecimal vat = ScoroValues.decimal(line, "vat", Decimals.PERCENT_SCALE);
        BigDecimal discount = ScoroValues.decimal(line, "discount", Decimals.PERCENT_SCALE);
        if (headerFactor.compareTo(BigDecimal.ONE) != 0) {
            // The line's own discount and the document's, as one rate; the net as Scoro sums it (rounded per line).
            BigDecimal own = discount == null ? BigDecimal.ZERO : discount;
            BigDecimal combined = HUNDRED.subtract(HUNDRED.subtract(own).multiply(headerFactor));
            try {
                discount = Decimals.percent(combined);
            } catch (ArithmeticException e) {
                throw new ScoroMappingException("discount: the line's " + own.stripTrailingZeros().toPlainString()
                        + "% and the document's discounts make " + combined.stripTrailingZeros().toPlainString()
                        + "%, more than " + Decimals.PERCENT_SCALE + " decimals");
            }
            sum = Decimals.roundMoney(sum.multiply(headerFactor));
        }
        String accountId = ScoroValues.id(line, "finance_account_id");
        String vatCodeId = ScoroValues.id(line, "vat_code_id");
        String objectId = ScoroValues.id(line, "finance_object_id");
        List<LineTracking> tracking = objectId == null ? List.of() : List.of(LineTracking.newBuilder().setOptionRef(objectId).build());
        return DocumentLine.newBuilder()
                .setLineId(ScoroValues.id(line, "id"))
                .setItemRef(ScoroValues.id(line, "product_id"))
                .setDescription(ScoroValues.text(line, "comment"))
                .setQuantity(ScoroValues.requiredDecimal(line, "amount", Decimals.QUANTITY_SCALE))
                .setUnitAmount(ScoroValues.requiredDecimal(line, "price", Decimals.UNIT_AMOUNT_SCALE))
                .setDiscountRate(discount == null || discount.signum() == 0 ? null : discount)
                .setLineAmount(sum)
                .setAccountRef(accountId)
                .setTaxRateRef(vatCodeId)
                .setTaxRate(vat)
                .setTaxAmount(vat == null ? null : Decimals.roundMoney(sum.multiply(vat).divide(HUNDRED)))
                .setTracking(tracking)
                .build();
    }

    /**
     * The {@code request} of {@code invoices/modify}: the whole line set (Scoro replaces it on every modify).
     * {@code includeLineIds} only when the line ids are Scoro's own; otherwise Scoro re-creates the lines, which is
     * equally correct because the full set is sent. Unknown account codes or tax types are refused, naming them.
     */
    public static ObjectNode toRequest(Invoice invoice, ReferenceData refs, boolean includeLineIds) {
        return toRequest(invoice, refs, includeLineIds, false);
    }

    /** @param bill a bill's request: no sent flag, no credited invoices */
    public static ObjectNode toRequest(Invoice invoice, ReferenceData refs, boolean includeLineIds, boolean bill) {
        ObjectNode r = ScoroJson.object();
        putText(r, "no", invoice.getNumber());
        r.put("reference_no", invoice.getReference() == null ? "" : invoice.getReference());
        if (invoice.getContactRef() != null) {
            r.put("company_id", ScoroValues.scoroId("contactRef", invoice.getContactRef()));
        }
        if (invoice.getDate() != null) {
            r.put("date", invoice.getDate().toString());
        }
        if (invoice.getDueDate() != null) {
            r.put("deadline", invoice.getDueDate().toString());
        }
        putText(r, "currency", invoice.getCurrency());
        if (invoice.getCurrencyRate() != null) {
            r.put("currency_rate", invoice.getCurrencyRate());
        }
        DocumentStatus status = invoice.getStatus();
        if (!bill) {
            r.put("is_sent", status == DocumentStatus.AUTHORISED || status == DocumentStatus.PAID ? 1 : 0);
        }
        if (!bill && (invoice.getDocumentType() == DocumentType.CREDIT_NOTE || !invoice.getCreditedInvoiceRefs().isEmpty())) {
            ArrayNode credited = r.putArray("credited_invoices");
            invoice.getCreditedInvoiceRefs().forEach(ref -> credited.add(ScoroValues.scoroId("creditedInvoiceRef", ref)));
        }
        ArrayNode lines = r.putArray("lines");
        int n = 0;
        for (DocumentLine line : invoice.getLines()) {
            n++;
            lines.add(lineRequest(line, refs, includeLineIds, n));
        }
        return r;
    }

    private static ObjectNode lineRequest(DocumentLine line, ReferenceData refs, boolean includeLineIds, int n) {
        ObjectNode l = ScoroJson.object();
        if (includeLineIds && line.getLineId() != null) {
            l.put("id", ScoroValues.scoroId("line " + n + " lineId", line.getLineId()));
        }
        if (line.getItemRef() != null) {
            l.put("product_id", ScoroValues.scoroId("line " + n + " itemRef", line.getItemRef()));
        }
        l.put("comment", line.getDescription() == null ? "" : line.getDescription());
        l.put("amount", line.getQuantity());
        l.put("price", line.getUnitAmount());
        l.put("discount", line.getDiscountRate() == null ? BigDecimal.ZERO : line.getDiscountRate());
        l.put("sum", line.getLineAmount());
        if (line.getAccountRef() != null) {
            l.put("finance_account_id", ScoroValues.scoroId("line " + n + " accountRef", line.getAccountRef()));
        } else if (line.getAccountCode() != null) {
            String accountId = refs.financeAccountId(line.getAccountCode());
            if (accountId == null) {
                throw new ScoroMappingException("line " + n + ": account code '" + line.getAccountCode() + "' is not a Scoro finance account");
            }
            l.put("finance_account_id", ScoroValues.scoroId("finance account", accountId));
        }
        BigDecimal vat = line.getTaxRate();
        String vatCodeId = line.getTaxRateRef();
        if (vatCodeId == null && line.getTaxType() != null) {
            vatCodeId = refs.vatCodeId(line.getTaxType());
            if (vatCodeId == null) {
                throw new ScoroMappingException("line " + n + ": tax type '" + line.getTaxType() + "' is not a Scoro VAT code");
            }
        }
        if (vatCodeId != null) {
            l.put("vat_code_id", ScoroValues.scoroId("line " + n + " taxRateRef", vatCodeId));
            if (vat == null) {
                vat = refs.vatPercent(vatCodeId);
            }
        }
        if (vat != null) {
            l.put("vat", vat);
        }
        line.getTracking().stream().map(LineTracking::getOptionRef).filter(o -> o != null).findFirst()
                .ifPresent(o -> l.put("finance_object_id", ScoroValues.scoroId("line " + n + " tracking option", o)));
        return l;
    }

    /** Scoro validates ids as integers, so they are sent as JSON numbers. */
    private static Iterable<JsonNode> lines(JsonNode inv) {
        JsonNode lines = inv.get("lines");
        return lines != null && lines.isArray() ? lines : List.of();
    }

    /** A Scoro invoice that credits others is a credit note; anything unreadable is left to the mapper to report. */
    public static io.sxs.schemas.common.EntityType entityOf(JsonNode invoice) {
        try {
            return credited(invoice.get("credited_invoices")).isEmpty()
                    ? io.sxs.schemas.common.EntityType.INVOICE : io.sxs.schemas.common.EntityType.CREDIT_NOTE;
        } catch (RuntimeException e) {
            return io.sxs.schemas.common.EntityType.INVOICE;
        }
    }

    private static List<String> credited(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode e : node) {
                String ref;
                if (e.isObject()) {
                    ref = ScoroValues.id(e, e.has("invoice_id") ? "invoice_id" : "id");
                } else {
                    ref = ScoroValues.id(ScoroJson.object().set("v", e), "v");
                }
                if (ref != null) {
                    out.add(ref);
                }
            }
        }
        return out;
    }

    private static String lineIdSuffix(JsonNode line) {
        JsonNode id = line.get("id");
        return id == null || id.isNull() ? "" : " (id " + id.asText() + ")";
    }

    private static void putText(ObjectNode r, String field, String value) {
        if (value != null) {
            r.put(field, value);
        }
    }
}
