package io.poolkit.pegnet.opr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Decimal views of the doubles OPRs and the accountant carry. */
public final class OprPrices {

    private OprPrices() {
    }

    /**
     * The shortest decimal that reads back as {@code x} (the closest one when several have that length;
     * JDK 17's {@code Double.toString} is not always shortest).
     */
    public static BigDecimal shortestDecimal(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("not a finite number: " + x);
        }
        if (x == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(x);
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == x) {
                return r.stripTrailingZeros();
            }
        }
        return exact;
    }
}
