package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A stored invoice or bill ({@code extra}: the bill-only header fields). Replaced, never mutated, on modify. */
record ScoroInvoice(long id, String no, Long companyId, Long personId, Long projectId, Long ownerId, LocalDate date,
                    LocalDate deadline, String currency, BigDecimal currencyRate, Long vatCodeId, boolean sent,
                    String paymentType, String referenceNo, String description, List<Long> creditedInvoices,
                    List<ScoroInvoiceLine> lines, BigDecimal sum, BigDecimal vatSum, BigDecimal paidSum,
                    Instant created, Instant modified, Instant deleted, ObjectNode extra) implements java.io.Serializable {

    boolean isDeleted() {
        return deleted != null;
    }

    ScoroInvoice withPaidSum(BigDecimal paid, Instant now) {
        return new ScoroInvoice(id, no, companyId, personId, projectId, ownerId, date, deadline, currency, currencyRate,
                vatCodeId, sent, paymentType, referenceNo, description, creditedInvoices, lines, sum, vatSum, paid,
                created, now, deleted, extra);
    }

    BigDecimal total() {
        return sum.add(vatSum);
    }

    BigDecimal receivableSum() {
        return total().subtract(paidSum);
    }
}
