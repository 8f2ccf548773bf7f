package io.sxs.connector.scoro.prepayment;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.scoro.mapping.ScoroMappingException;
import io.sxs.connector.scoro.mapping.ScoroTimestamps;
import io.sxs.connector.scoro.mapping.ScoroValues;
import io.sxs.schemas.entity.CreditStatus;
import io.sxs.schemas.entity.Prepayment;
import io.sxs.schemas.money.Decimals;
import java.math.BigDecimal;

/**
 * A Scoro prepayment invoice as the canonical prepayment (pure), from its list row: what a Xero prepayment is matched
 * against (number, client, currency, total). Its lines are not carried: Scoro prepayment invoices are never sent to
 * Xero (SPEC), they only receive the payment of the Xero prepayment they match.
 */
public final class ScoroPrepaymentMapper {

    private ScoroPrepaymentMapper() {
    }

    public static Prepayment toCanonical(JsonNode row) {
        String id = ScoroValues.id(row, ScoroPrepaymentReader.ID_FIELD);
        try {
            BigDecimal sum = ScoroValues.decimal(row, "sum", Decimals.MONEY_SCALE);
            BigDecimal vat = ScoroValues.decimal(row, "vat_sum", Decimals.MONEY_SCALE);
            return Prepayment.newBuilder()
                    .setId(id)
                    .setContactRef(ScoroValues.id(row, "company_id"))
                    .setDate(ScoroTimestamps.date("date", ScoroValues.text(row, "date")))
                    .setReference(ScoroValues.text(row, "no"))
                    .setCurrency(ScoroValues.text(row, "currency"))
                    .setCurrencyRate(ScoroValues.decimal(row, "currency_rate", Decimals.RATE_SCALE))
                    .setStatus("paid".equalsIgnoreCase(ScoroValues.text(row, "status")) ? CreditStatus.PAID : CreditStatus.AUTHORISED)
                    .setSubTotal(sum)
                    .setTotalTax(vat)
                    .setTotal(sum == null || vat == null ? null : sum.add(vat))
                    .setRemainingCredit(ScoroValues.decimal(row, "receivable_sum", Decimals.MONEY_SCALE))
                    .setUpdatedAt(ScoroTimestamps.instant("modified_date", ScoroValues.text(row, "modified_date")))
                    .build();
        } catch (ScoroMappingException e) {
            throw new ScoroMappingException("prepayment invoice " + id + ": " + e.getMessage(), e);
        }
    }
}
