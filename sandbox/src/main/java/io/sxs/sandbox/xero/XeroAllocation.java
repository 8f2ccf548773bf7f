package io.sxs.sandbox.xero;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Credit (credit note, prepayment or overpayment) applied to an invoice; deleting it keeps it with IsDeleted = true. */
record XeroAllocation(String allocationId, XeroCreditSource source, String creditId, String invoiceId, BigDecimal amount,
                      LocalDate date, boolean deleted, Instant updated) implements java.io.Serializable {
}
