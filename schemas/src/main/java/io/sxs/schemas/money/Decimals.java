package io.sxs.schemas.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The scales of the canonical model (SPEC section 2). Avro decimals have a fixed scale, so every amount is brought to
 * its scale here; a value that would lose digits is an error, not a silent rounding.
 */
public final class Decimals {

    public static final int MONEY_SCALE = 2;
    public static final int QUANTITY_SCALE = 4;
    public static final int UNIT_AMOUNT_SCALE = 4;
    public static final int RATE_SCALE = 6;
    public static final int PERCENT_SCALE = 4;

    private Decimals() {
    }

    public static BigDecimal money(BigDecimal value) {
        return exact(value, MONEY_SCALE);
    }

    public static BigDecimal quantity(BigDecimal value) {
        return exact(value, QUANTITY_SCALE);
    }

    public static BigDecimal unitAmount(BigDecimal value) {
        return exact(value, UNIT_AMOUNT_SCALE);
    }

    public static BigDecimal rate(BigDecimal value) {
        return exact(value, RATE_SCALE);
    }

    public static BigDecimal percent(BigDecimal value) {
        return exact(value, PERCENT_SCALE);
    }

    /** Rounds half away from zero to 2 decimals, as both APIs round line tax and line amounts. */
    public static BigDecimal roundMoney(BigDecimal value) {
        return value == null ? null : value.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    /** Brings a value to the given scale; throws {@link ArithmeticException} if that would drop non-zero digits. */
    public static BigDecimal exact(BigDecimal value, int scale) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > scale) {
            throw new ArithmeticException("Value " + value.toPlainString() + " has more than " + scale + " decimals");
        }
        return value.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** Parses a decimal given as a JSON number or string (Scoro sometimes quotes numbers); null and "" give null. */
    public static BigDecimal parse(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal bd) {
            return bd;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : new BigDecimal(text);
    }
}
