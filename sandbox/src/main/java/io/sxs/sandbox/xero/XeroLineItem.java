package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/** One invoice line with its computed amounts (LineAmount and TaxAmount are always computed here). */
record XeroLineItem(String lineItemId, String description, BigDecimal quantity, BigDecimal unitAmount,
                    String itemCode, String accountCode, String taxType, BigDecimal discountRate,
                    JsonNode tracking, BigDecimal lineAmount, BigDecimal taxAmount) implements java.io.Serializable {
}
