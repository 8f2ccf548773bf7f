package io.sxs.sandbox.xero;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Money received or spent without an invoice; the *-PREPAYMENT / *-OVERPAYMENT types also create a credit document. */
record XeroBankTransaction(String bankTransactionId, String type, String contactId, String bankAccountCode, LocalDate date,
                           String reference, String lineAmountTypes, List<XeroLineItem> lineItems, BigDecimal subTotal,
                           BigDecimal totalTax, BigDecimal total, String currencyCode, BigDecimal currencyRate,
                           String status, boolean reconciled, String creditId, Instant updated) implements java.io.Serializable {
}
