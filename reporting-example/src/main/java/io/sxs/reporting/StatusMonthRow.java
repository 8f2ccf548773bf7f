package io.sxs.reporting;

import java.math.BigDecimal;
import java.time.YearMonth;

/** Invoices of one month (by invoice date; null when undated), status and currency: how many and their total. */
record StatusMonthRow(YearMonth month, String status, String currency, long count, BigDecimal total) {
}
