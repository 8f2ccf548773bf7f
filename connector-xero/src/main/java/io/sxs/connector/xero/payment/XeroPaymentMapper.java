package io.sxs.connector.xero.payment;

import static io.sxs.connector.xero.mapping.XeroFields.date;
import static io.sxs.connector.xero.mapping.XeroFields.decimal;
import static io.sxs.connector.xero.mapping.XeroFields.guid;
import static io.sxs.connector.xero.mapping.XeroFields.money;
import static io.sxs.connector.xero.mapping.XeroFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.mapping.XeroFields;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.BankAccount;
import io.sxs.schemas.entity.Payment;
import io.sxs.schemas.entity.PaymentKind;
import io.sxs.schemas.entity.PaymentStatus;
import io.sxs.schemas.money.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Xero Payments and credit allocations in the canonical model (pure). A payment names the document it pays in its
 * own system (an invoice, a bill, or for a refund a credit note) and the bank account it went through; an allocation
 * of a credit note or overpayment is a payment of the invoice it settles, through its kind's stand-in account
 * ({@link Credit}), since Xero names no bank for it.
 */
public final class XeroPaymentMapper {

    /**
     * What credit is allocated from: a credit note or an overpayment. Allocations go through a stand-in bank account
     * per kind (a receipt needs an account, and Xero's allocation names no bank), with a fixed id, created in Scoro
     * with the first allocation like any bank account.
     */
    public enum Credit {
        CREDIT_NOTE(EntityType.CREDIT_NOTE, "CreditNoteID", "CreditNoteNumber", "sxs-credit-allocations", "Credit notes (Xero)"),
        OVERPAYMENT(EntityType.OVERPAYMENT, "OverpaymentID", "Reference", "sxs-overpayment-allocations", "Overpayments (Xero)"),
        /** A prepayment's own payment and its allocations go through this one. */
        PREPAYMENT(EntityType.PREPAYMENT, "PrepaymentID", "Reference", "sxs-prepayments", "Prepayments (Xero)");

        public final EntityType entity;
        final String idField;
        final String referenceField;
        public final String accountId;
        public final String accountName;

        Credit(EntityType entity, String idField, String referenceField, String accountId, String accountName) {
            this.entity = entity;
            this.idField = idField;
            this.referenceField = referenceField;
            this.accountId = accountId;
            this.accountName = accountName;
        }

        /** The stand-in bank account that this kind's allocations go through. */
        public BankAccount account() {
            return BankAccount.newBuilder().setId(accountId).setName(accountName).setStatus(RecordStatus.ACTIVE).build();
        }
    }

    private XeroPaymentMapper() {
    }

    /** What a payment row pays, or null for a target the sync does not carry (purchase credit notes, prepayments, overpayments). */
    public static EntityType paidEntity(JsonNode row) {
        JsonNode invoice = row.path("Invoice");
        if (!invoice.isObject()) {
            return null; // a refund of a prepayment or overpayment: read with that row instead
        }
        return switch (invoice.path("Type").asText("")) {
            case "ACCREC" -> EntityType.INVOICE;
            case "ACCPAY" -> EntityType.BILL;
            case "ACCRECCREDIT" -> EntityType.CREDIT_NOTE;
            default -> null;
        };
    }

    public static Payment toPayment(JsonNode row) throws MappingException {
        String id = XeroFields.requiredText(row, "PaymentID");
        try {
            EntityType paid = paidEntity(row);
            if (paid == null) {
                throw new MappingException("pays a document the sync does not carry (Invoice.Type "
                        + row.path("Invoice").path("Type").asText("none") + ")");
            }
            JsonNode invoice = row.path("Invoice");
            String document = guid(invoice, "InvoiceID");
            if (document == null) {
                throw new MappingException("no Invoice.InvoiceID");
            }
            String account = guid(row.path("Account"), "AccountID");
            if (account == null) {
                throw new MappingException("no Account.AccountID");
            }
            LocalDate date = date(row, "Date");
            if (date == null) {
                throw new MappingException("no Date");
            }
            BigDecimal amount = money(row, "Amount");
            if (amount == null || amount.signum() <= 0) {
                throw new MappingException("Amount must be greater than zero, was " + amount);
            }
            String type = text(row, "PaymentType");
            boolean refund = paid == EntityType.CREDIT_NOTE || type != null && type.contains("CREDIT");
            return Payment.newBuilder()
                    .setId(id)
                    .setKind(refund ? PaymentKind.REFUND : PaymentKind.PAYMENT)
                    .setDocumentEntity(paid)
                    .setDocumentRef(document)
                    .setBankAccountRef(account)
                    .setContactRef(guid(invoice.path("Contact"), "ContactID"))
                    .setDate(date)
                    .setAmount(amount)
                    .setBankAmount(money(row, "BankAmount"))
                    .setCurrency(text(invoice, "CurrencyCode"))
                    .setCurrencyRate(rate(row))
                    .setReference(text(row, "Reference"))
                    .setStatus(status(row))
                    .setIsReconciled(XeroFields.bool(row, "IsReconciled"))
                    .setUpdatedAt(updatedAt(row))
                    .build();
        } catch (MappingException e) {
            throw new MappingException("payment " + id + ": " + e.getMessage());
        }
    }

    /**
     * The allocations of a credit note, overpayment or prepayment as payments of the invoices (or, for purchase credit, the bills)
     * they settle; deleted ones as DELETED, which removes the Scoro receipt. A row without allocations gives none.
     */
    public static List<Payment> allocations(JsonNode creditNote, Credit kind) throws MappingException {
        String creditId = XeroFields.requiredText(creditNote, kind.idField);
        String type = text(creditNote, "Type");
        EntityType settles = type != null && (type.startsWith("SPEND") || type.startsWith("ACCPAY"))
                ? EntityType.BILL : EntityType.INVOICE;
        String what = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " ";
        JsonNode array = creditNote.get("Allocations");
        List<Payment> out = new ArrayList<>();
        if (array == null || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            throw new MappingException(what + creditId + ": Allocations is not an array");
        }
        for (JsonNode a : array) {
            String allocation = text(a, "AllocationID");
            String invoice = guid(a.path("Invoice"), "InvoiceID");
            if (allocation == null || invoice == null) {
                throw new MappingException(what + creditId + ": an allocation has no AllocationID or Invoice.InvoiceID");
            }
            LocalDate date = date(a, "Date");
            if (date == null) {
                date = date(creditNote, "Date");
            }
            if (date == null) {
                throw new MappingException(what + creditId + ": allocation " + allocation + " has no Date");
            }
            BigDecimal amount = money(a, "Amount");
            if (amount == null || amount.signum() <= 0) {
                throw new MappingException(what + creditId + ": allocation " + allocation
                        + " Amount must be greater than zero, was " + amount);
            }
            out.add(Payment.newBuilder()
                    .setId(allocation)
                    .setKind(PaymentKind.ALLOCATION)
                    .setDocumentEntity(settles)
                    .setDocumentRef(invoice)
                    .setCreditEntity(kind.entity)
                    .setCreditRef(creditId)
                    .setBankAccountRef(kind.accountId)
                    .setContactRef(guid(creditNote.path("Contact"), "ContactID"))
                    .setDate(date)
                    .setAmount(amount)
                    .setCurrency(text(creditNote, "CurrencyCode"))
                    .setCurrencyRate(rate(creditNote))
                    .setReference(text(creditNote, kind.referenceField))
                    .setStatus(XeroFields.bool(a, "IsDeleted") ? PaymentStatus.DELETED : PaymentStatus.AUTHORISED)
                    .setUpdatedAt(updatedAt(creditNote))
                    .build());
        }
        return out;
    }

    /**
     * What has been refunded from a prepayment or overpayment: the sum of the live payments its row lists (Xero lists
     * a deleted refund no more). Zero for a row without any.
     */
    public static BigDecimal refunded(JsonNode credit, Credit kind) throws MappingException {
        JsonNode array = credit.get("Payments");
        BigDecimal sum = BigDecimal.ZERO;
        if (array == null || array.isNull()) {
            return sum;
        }
        if (!array.isArray()) {
            throw new MappingException(kind.name().toLowerCase(java.util.Locale.ROOT) + " "
                    + text(credit, kind.idField) + ": Payments is not an array");
        }
        for (JsonNode p : array) {
            BigDecimal amount = money(p, "Amount");
            if (amount == null || amount.signum() <= 0) {
                throw new MappingException(kind.name().toLowerCase(java.util.Locale.ROOT) + " " + text(credit, kind.idField)
                        + ": refund " + text(p, "PaymentID") + " Amount must be greater than zero, was " + amount);
            }
            sum = sum.add(amount);
        }
        return sum;
    }

    private static BigDecimal rate(JsonNode row) throws MappingException {
        return decimal(row, "CurrencyRate", Decimals.RATE_SCALE);
    }

    private static PaymentStatus status(JsonNode row) throws MappingException {
        String status = text(row, "Status");
        if (status == null || "AUTHORISED".equals(status)) {
            return PaymentStatus.AUTHORISED;
        }
        if ("DELETED".equals(status)) {
            return PaymentStatus.DELETED;
        }
        throw new MappingException("unknown Status " + status);
    }

    private static Instant updatedAt(JsonNode row) throws MappingException {
        Instant t = XeroFields.timestamp(row, "UpdatedDateUTC");
        return t != null ? t : XeroFields.timestamp(row, "UpdatedDateUTCString");
    }
}
