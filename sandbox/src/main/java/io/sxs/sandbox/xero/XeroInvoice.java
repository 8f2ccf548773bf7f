package io.sxs.sandbox.xero;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A stored invoice (ACCREC) or bill (ACCPAY). Instances are replaced, never mutated, on update. */
record XeroInvoice(String invoiceId, String type, String contactId, String invoiceNumber, String reference,
                   LocalDate date, LocalDate dueDate, String lineAmountTypes, String status, String currencyCode,
                   BigDecimal currencyRate, String url, boolean sentToContact, List<XeroLineItem> lineItems,
                   BigDecimal subTotal, BigDecimal totalTax, BigDecimal total, BigDecimal totalDiscount,
                   BigDecimal amountPaid, BigDecimal amountCredited, Instant updated, LocalDate fullyPaidOn) implements java.io.Serializable {

    /** The same invoice after a payment or allocation changed what is paid or credited (PAID when nothing is due). */
    XeroInvoice withSettlement(BigDecimal paid, BigDecimal credited, LocalDate settledOn, Instant now) {
        boolean settled = total.subtract(paid).subtract(credited).signum() <= 0;
        String newStatus = settled ? "PAID" : "PAID".equals(status) ? "AUTHORISED" : status;
        return new XeroInvoice(invoiceId, type, contactId, invoiceNumber, reference, date, dueDate, lineAmountTypes,
                newStatus, currencyCode, currencyRate, url, sentToContact, lineItems, subTotal, totalTax, total,
                totalDiscount, paid, credited, now, settled ? settledOn : null);
    }

    BigDecimal amountDue() {
        if ("VOIDED".equals(status) || "DELETED".equals(status)) {
            return BigDecimal.ZERO.setScale(2);
        }
        return total.subtract(amountPaid).subtract(amountCredited);
    }

    boolean hasPaymentsOrCredits() {
        return amountPaid.signum() != 0 || amountCredited.signum() != 0;
    }
}
