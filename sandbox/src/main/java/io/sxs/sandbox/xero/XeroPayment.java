package io.sxs.sandbox.xero;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A payment against an invoice or bill, or a refund of credit (a credit note, prepayment or overpayment: {@code target}
 * names the kind, null for an invoice; {@code invoiceId} is then the credit document's id). Only deletion is allowed
 * afterwards.
 */
record XeroPayment(String paymentId, String invoiceId, String accountCode, LocalDate date, BigDecimal amount,
                   BigDecimal currencyRate, String reference, String status, String paymentType, boolean reconciled,
                   Instant updated, XeroCreditSource target) implements java.io.Serializable {

    boolean isActive() {
        return "AUTHORISED".equals(status);
    }

    /** The map holding the paid document: invoices, credit notes, prepayments or overpayments. */
    Map<String, XeroInvoice> documents(XeroTenantState st) {
        return target == null ? st.invoices : target.docs(st);
    }

    XeroPayment deleted(Instant now) {
        return new XeroPayment(paymentId, invoiceId, accountCode, date, amount, currencyRate, reference, "DELETED",
                paymentType, reconciled, now, target);
    }
}
