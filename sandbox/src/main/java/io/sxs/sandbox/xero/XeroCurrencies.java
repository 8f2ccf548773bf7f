package io.sxs.sandbox.xero;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The currencies an organisation may enable, and the fixed rates the sandbox uses when a document omits
 * CurrencyRate (Xero would use the day's XE.com rate; units of the currency per 1 GBP).
 */
final class XeroCurrencies {

    static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("GBP", "British Pound"), Map.entry("EUR", "Euro"), Map.entry("USD", "United States Dollar"),
            Map.entry("AUD", "Australian Dollar"), Map.entry("NZD", "New Zealand Dollar"), Map.entry("CAD", "Canadian Dollar"),
            Map.entry("CHF", "Swiss Franc"), Map.entry("SEK", "Swedish Krona"), Map.entry("NOK", "Norwegian Krone"),
            Map.entry("DKK", "Danish Krone"), Map.entry("PLN", "Polish Zloty"), Map.entry("JPY", "Japanese Yen"),
            Map.entry("ZAR", "South African Rand"), Map.entry("SGD", "Singapore Dollar"));

    private static final Map<String, String> RATES = Map.ofEntries(
            Map.entry("GBP", "1.000000"), Map.entry("EUR", "1.170000"), Map.entry("USD", "1.270000"),
            Map.entry("AUD", "1.930000"), Map.entry("NZD", "2.100000"), Map.entry("CAD", "1.740000"),
            Map.entry("CHF", "1.120000"), Map.entry("SEK", "13.400000"), Map.entry("NOK", "13.700000"),
            Map.entry("DKK", "8.730000"), Map.entry("PLN", "5.050000"), Map.entry("JPY", "190.000000"),
            Map.entry("ZAR", "23.500000"), Map.entry("SGD", "1.710000"));

    private XeroCurrencies() {
    }

    static BigDecimal defaultRate(String code) {
        return new BigDecimal(RATES.getOrDefault(code, "1.000000"));
    }
}
