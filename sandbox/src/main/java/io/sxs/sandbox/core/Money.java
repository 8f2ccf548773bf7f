package io.sxs.sandbox.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Decimal rounding shared by both sandboxes; both round half away from zero, per line, to 2 dp. */
public final class Money {

    public static final BigDecimal HUNDRED = new BigDecimal("100");

    private Money() {
    }

    public static BigDecimal round2(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal scale(BigDecimal v, int dp) {
        return v.setScale(dp, RoundingMode.HALF_UP);
    }

    public static BigDecimal zero2() {
        return BigDecimal.ZERO.setScale(2);
    }

    /** price × quantity × (1 − discount%), rounded to 2 dp. */
    public static BigDecimal lineNet(BigDecimal price, BigDecimal quantity, BigDecimal discountPercent) {
        BigDecimal gross = price.multiply(quantity);
        if (discountPercent != null && discountPercent.signum() != 0) {
            gross = gross.multiply(HUNDRED.subtract(discountPercent)).divide(HUNDRED);
        }
        return round2(gross);
    }

    /** Tax on a tax-exclusive amount, rounded per line. */
    public static BigDecimal taxExclusive(BigDecimal net, BigDecimal ratePercent) {
        return round2(net.multiply(ratePercent).divide(HUNDRED));
    }

    /** Tax contained in a tax-inclusive amount, rounded per line. */
    public static BigDecimal taxInclusive(BigDecimal gross, BigDecimal ratePercent) {
        if (ratePercent.signum() == 0) {
            return zero2();
        }
        return gross.multiply(ratePercent).divide(HUNDRED.add(ratePercent), 2, RoundingMode.HALF_UP);
    }
}
