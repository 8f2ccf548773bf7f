package io.sxs.sandbox.xero;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A credit note amount applied to an invoice; deleting it keeps it with IsDeleted = true. */
record XeroAllocation(String allocationId, String creditNoteId, String invoiceId, BigDecimal amount, LocalDate date,
                      boolean deleted, Instant updated) {
}
