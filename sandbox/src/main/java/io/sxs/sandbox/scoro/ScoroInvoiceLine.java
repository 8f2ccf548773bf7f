package io.sxs.sandbox.scoro;

import java.math.BigDecimal;

/** One invoice line; sum and vat are computed by the sandbox. */
record ScoroInvoiceLine(long id, Long productId, String comment, String comment2, BigDecimal price, BigDecimal amount,
                        BigDecimal discount, String unit, Long vatCodeId, BigDecimal vat, Long financeAccountId,
                        Long financeObjectId, Long projectId, BigDecimal sum) implements java.io.Serializable {
}
