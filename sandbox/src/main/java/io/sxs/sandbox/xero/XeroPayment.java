package io.sxs.sandbox.xero;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A payment against an invoice or bill. Only deletion is allowed afterwards. */
record XeroPayment(String paymentId, String invoiceId, String accountCode, LocalDate date, BigDecimal amount,
                   BigDecimal currencyRate, String reference, String status, String paymentType, boolean reconciled,
                   Instant updated) {

    boolean isActive() {
        return "AUTHORISED".equals(status);
    }
}
