package io.sxs.connector.scoro.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.client.ScoroJson;
import io.sxs.connector.scoro.mapping.ScoroMappingException;
import io.sxs.connector.scoro.mapping.ScoroTimestamps;
import io.sxs.connector.scoro.mapping.ScoroValues;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.entity.Payment;
import io.sxs.schemas.entity.PaymentKind;
import io.sxs.schemas.entity.PaymentStatus;
import io.sxs.schemas.money.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A payment as a Scoro receipt group of one receipt (pure): paid into the receipt account its bank account maps to,
 * on the invoice, bill, credit invoice or prepayment invoice it pays, for the amount in the document's currency. References arrive
 * translated to Scoro ids.
 */
public final class ScoroReceiptMapper {

    public static final String MODULE = "receipts";
    public static final String ID_FIELD = "id";

    private ScoroReceiptMapper() {
    }

    public static ObjectNode toRequest(Payment p) {
        if (p.getDocumentEntity() != EntityType.INVOICE && p.getDocumentEntity() != EntityType.BILL
                && p.getDocumentEntity() != EntityType.CREDIT_NOTE && p.getDocumentEntity() != EntityType.PREPAYMENT) {
            throw new ScoroMappingException("payment " + p.getId() + " pays a " + p.getDocumentEntity()
                    + ", which has no receipts in Scoro");
        }
        if (p.getBankAccountRef() == null) {
            throw new ScoroMappingException("payment " + p.getId() + " has no receipt account");
        }
        ObjectNode r = ScoroJson.object();
        String date = p.getDate().toString();
        r.put("date", date);
        if (p.getContactRef() != null) {
            r.put("contact_id", ScoroValues.scoroId("contact", p.getContactRef()));
        }
        if (p.getCurrency() != null) {
            r.put("currency", p.getCurrency());
        }
        r.put("sales_doc_type", docType(p.getDocumentEntity()));
        r.put("receipt_account_id", ScoroValues.scoroId("receipt account", p.getBankAccountRef()));
        ObjectNode receipt = r.putArray("receipts").addObject();
        // A Xero prepayment is paid onto the Scoro prepayment invoice it was matched to.
        receipt.put(p.getDocumentEntity() == EntityType.PREPAYMENT ? "prepayment_id" : "invoice_id",
                ScoroValues.scoroId("document", p.getDocumentRef()));
        receipt.put("sum", p.getAmount());
        receipt.put("date", date);
        return r;
    }

    /** Scoro's document type of the paid document: credit invoices are invoices. */
    static String docType(EntityType entity) {
        return entity == EntityType.BILL ? "bills" : "invoices";
    }

    /**
     * True when {@code group} is the receipt {@code request} would make (same account, date and receipts): how a
     * create whose reply was lost is found again, since receipts carry no reference of their own.
     */
    public static boolean sameReceipt(ObjectNode request, JsonNode group) {
        if (ScoroValues.flag(group, "is_deleted")
                || !request.path("receipt_account_id").asText().equals(group.path("receipt_account_id").asText())
                || !request.path("date").asText().equals(ScoroValues.text(group, "date"))
                || !request.path("sales_doc_type").asText().equals(group.path("sales_doc_type").asText("invoices"))) {
            return false;
        }
        return lines(request.path("receipts")).equals(lines(group.path("receipts")));
    }

    private static List<String> lines(JsonNode receipts) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : receipts) {
            BigDecimal sum = ScoroValues.decimal(r, "sum");
            out.add(ScoroValues.id(r, "invoice_id") + "/" + ScoroValues.id(r, "prepayment_id") + "/"
                    + (sum == null ? "" : sum.stripTrailingZeros().toPlainString()));
        }
        out.sort(null);
        return out;
    }

    /** A receipt group as Scoro returned it, in Scoro's ids (one payment per group, as this pipeline writes them). */
    public static Payment toCanonical(JsonNode group) {
        String id = ScoroValues.id(group, ID_FIELD);
        JsonNode receipts = group.path("receipts");
        if (!receipts.isArray() || receipts.isEmpty()) {
            throw new ScoroMappingException("receipt " + id + " has no receipts");
        }
        JsonNode first = receipts.get(0);
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode r : receipts) {
            total = total.add(ScoroValues.requiredDecimal(r, "sum", Decimals.MONEY_SCALE));
        }
        LocalDate date = ScoroTimestamps.date("date", ScoroValues.text(group, "date"));
        if (date == null) {
            throw new ScoroMappingException("receipt " + id + " has no date");
        }
        boolean prepayment = ScoroValues.id(first, "prepayment_id") != null;
        return Payment.newBuilder()
                .setId(id)
                .setKind(PaymentKind.PAYMENT)
                .setDocumentEntity(prepayment ? EntityType.PREPAYMENT
                        : "bills".equals(ScoroValues.text(group, "sales_doc_type")) ? EntityType.BILL : EntityType.INVOICE)
                .setDocumentRef(prepayment ? ScoroValues.id(first, "prepayment_id") : ScoroValues.id(first, "invoice_id"))
                .setBankAccountRef(ScoroValues.id(group, "receipt_account_id"))
                .setContactRef(ScoroValues.id(group, "contact_id"))
                .setDate(date)
                .setAmount(Decimals.money(total))
                .setCurrency(ScoroValues.text(group, "currency"))
                .setStatus(ScoroValues.flag(group, "is_deleted") ? PaymentStatus.DELETED : PaymentStatus.AUTHORISED)
                .setUpdatedAt(ScoroTimestamps.instant("modified_date", ScoroValues.text(group, "modified_date")))
                .build();
    }
}
