package io.sxs.sandbox.scoro;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A receipt group (payment) whose receipts settle invoices; replaced, never mutated. */
record ScoroReceiptGroup(long id, LocalDate date, Long contactId, String currency, String salesDocType,
                         long receiptAccountId, List<Receipt> receipts, Instant created, Instant modified, Instant deleted) implements java.io.Serializable {

    /** One receipt: a sum paid against one document (an invoice or bill, or a prepayment via prepayment_id). */
    record Receipt(long receiptId, LocalDate date, ScoroDocKind kind, long docId, BigDecimal sum, Long contactId) implements java.io.Serializable { }

    boolean isDeleted() {
        return deleted != null;
    }

    BigDecimal sum() {
        return receipts.stream().map(Receipt::sum).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
