package io.sxs.reporting;

import java.math.BigDecimal;

/**
 * Receivables of one customer of one connection in one currency, by how many days past due as of the report's date;
 * a total row (per currency, all connections and customers) has null connection and customer. Amounts are exact.
 */
record AgeingRow(String connectionId, String customer, String currency, BigDecimal current, BigDecimal days1To30,
                 BigDecimal days31To60, BigDecimal days61To90, BigDecimal over90, BigDecimal total) {

    boolean isTotal() {
        return connectionId == null;
    }
}
