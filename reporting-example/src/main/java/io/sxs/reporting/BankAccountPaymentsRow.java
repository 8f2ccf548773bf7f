package io.sxs.reporting;

import java.math.BigDecimal;

/** Payments into one bank account of one connection in one currency: how many, and their net amount (refunds out). */
record BankAccountPaymentsRow(String connectionId, String bankAccount, String currency, long count, BigDecimal net) {
}
