package io.sxs.connector.xero.payment;

import static io.sxs.connector.xero.mapping.XeroFields.decimal;
import static io.sxs.connector.xero.mapping.XeroFields.guid;
import static io.sxs.connector.xero.mapping.XeroFields.money;
import static io.sxs.connector.xero.mapping.XeroFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.mapping.XeroFields;
import io.sxs.schemas.entity.CreditStatus;
import io.sxs.schemas.money.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The fields a Xero prepayment and overpayment share (their rows have one shape), read once (pure). */
record XeroCreditRow(String id, String type, String contactRef, LocalDate date, String reference, String currency,
                     BigDecimal currencyRate, CreditStatus status, BigDecimal subTotal, BigDecimal totalTax, BigDecimal total,
                     BigDecimal remainingCredit, Instant updatedAt) {

    static XeroCreditRow of(JsonNode row, XeroPaymentMapper.Credit kind) throws MappingException {
        String id = XeroFields.requiredText(row, kind.idField);
        try {
            return new XeroCreditRow(id, text(row, "Type"), guid(row.path("Contact"), "ContactID"), XeroFields.date(row, "Date"),
                    text(row, "Reference"), text(row, "CurrencyCode"), decimal(row, "CurrencyRate", Decimals.RATE_SCALE),
                    status(text(row, "Status")), money(row, "SubTotal"), money(row, "TotalTax"), money(row, "Total"),
                    money(row, "RemainingCredit"), XeroFields.timestamp(row, "UpdatedDateUTC"));
        } catch (MappingException e) {
            throw new MappingException(kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id + ": " + e.getMessage());
        }
    }

    private static CreditStatus status(String status) throws MappingException {
        if (status == null) {
            throw new MappingException("missing Status");
        }
        try {
            return CreditStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new MappingException("unknown Status " + status);
        }
    }
}
