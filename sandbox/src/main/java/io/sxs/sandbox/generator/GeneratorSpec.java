package io.sxs.sandbox.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link DataGenerator} creates: a seed, the number of tenant pairs (one Scoro company and one Xero organisation
 * each) and the volumes per pair. Volumes count on each side where both systems have the kind (contacts, items /
 * products, invoices, bills, credit notes / credit invoices, prepayments / prepayment invoices); payments and
 * overpayments are Xero only.
 *
 * @param currencyRates foreign currencies besides the base currency GBP, with their rate as units of the currency per
 *                      1 GBP (Xero's CurrencyRate convention), at most 6 decimals; used by both sides
 * @param referenceDate every generated date lies on or before it (documents are dated up to 120 days earlier); the
 *                      generator never reads the wall clock
 */
public record GeneratorSpec(long seed, int tenants, int contacts, int items, int invoices, int bills, int creditNotes,
                            int payments, int prepayments, int overpayments, Map<String, BigDecimal> currencyRates,
                            LocalDate referenceDate) {

    public static final String BASE_CURRENCY = "GBP";
    /** The reference date of the presets. */
    public static final LocalDate PRESET_REFERENCE_DATE = LocalDate.of(2026, 3, 31);

    public GeneratorSpec {
        if (tenants < 1) {
            throw new IllegalArgumentException("tenants must be at least 1");
        }
        int[] volumes = {contacts, items, invoices, bills, creditNotes, payments, prepayments, overpayments};
        for (int v : volumes) {
            if (v < 0) {
                throw new IllegalArgumentException("volumes must not be negative");
            }
        }
        if (invoices + bills + creditNotes + prepayments + overpayments > 0 && contacts < 2) {
            throw new IllegalArgumentException("documents need at least 2 contacts (a customer and a supplier)");
        }
        if (creditNotes > 0 && invoices == 0) {
            throw new IllegalArgumentException("credit notes need invoices to credit");
        }
        if (payments > 0 && invoices + bills == 0) {
            throw new IllegalArgumentException("payments need invoices or bills to pay");
        }
        if (referenceDate == null) {
            throw new IllegalArgumentException("referenceDate is required");
        }
        TreeMap<String, BigDecimal> rates = new TreeMap<>();
        (currencyRates == null ? Map.<String, BigDecimal>of() : currencyRates).forEach((code, rate) -> {
            if (code == null || !code.matches("[A-Z]{3}") || BASE_CURRENCY.equals(code)) {
                throw new IllegalArgumentException("currency codes must be ISO 4217 codes other than GBP: " + code);
            }
            if (rate == null || rate.signum() <= 0) {
                throw new IllegalArgumentException("the rate of " + code + " must be greater than zero");
            }
            BigDecimal scaled;
            try {
                scaled = rate.setScale(6);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("the rate of " + code + " has more than 6 decimals: " + rate, e);
            }
            rates.put(code, scaled);
        });
        currencyRates = Collections.unmodifiableMap(rates);
    }

    /** 2 pairs, a few dozen documents each: EUR and USD besides GBP. */
    public static GeneratorSpec small(long seed) {
        return new GeneratorSpec(seed, 2, 12, 8, 20, 8, 4, 8, 3, 3,
                Map.of("EUR", new BigDecimal("1.171234"), "USD", new BigDecimal("1.268950")), PRESET_REFERENCE_DATE);
    }

    /** 5 pairs, a few hundred documents each: EUR, USD and SEK besides GBP. */
    public static GeneratorSpec medium(long seed) {
        return new GeneratorSpec(seed, 5, 60, 25, 200, 60, 20, 80, 12, 10,
                Map.of("EUR", new BigDecimal("1.171234"), "USD", new BigDecimal("1.268950"),
                        "SEK", new BigDecimal("13.402517")), PRESET_REFERENCE_DATE);
    }

    public GeneratorSpec withTenants(int n) {
        return new GeneratorSpec(seed, n, contacts, items, invoices, bills, creditNotes, payments, prepayments, overpayments,
                currencyRates, referenceDate);
    }

    public GeneratorSpec withSeed(long s) {
        return new GeneratorSpec(s, tenants, contacts, items, invoices, bills, creditNotes, payments, prepayments, overpayments,
                currencyRates, referenceDate);
    }

    /** GBP first, then the foreign currencies in code order. */
    public List<String> currencies() {
        List<String> out = new ArrayList<>();
        out.add(BASE_CURRENCY);
        out.addAll(currencyRates.keySet());
        return out;
    }

    /** The 6-dp rate of a currency (1.000000 for GBP). */
    public BigDecimal rate(String currency) {
        if (BASE_CURRENCY.equals(currency)) {
            return new BigDecimal("1.000000");
        }
        BigDecimal r = currencyRates.get(currency);
        if (r == null) {
            throw new IllegalArgumentException("currency " + currency + " is not in the spec");
        }
        return r;
    }
}
