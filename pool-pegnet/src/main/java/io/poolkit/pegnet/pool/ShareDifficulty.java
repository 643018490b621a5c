package io.poolkit.pegnet.pool;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * PegNet share targets and difficulties. A target is the 8-byte big-endian prefix of the LXRHash (higher is
 * harder). The pool accepts shares at or above {@link #PDIFF}; a share's difficulty relative to a base target is
 * {@code (NOT base) / (NOT target)} (bitwise NOT on 64 bits).
 *
 * <p>Upstream computes these with Go's {@code big.Float} at 64-bit precision and then converts to {@code float64}
 * (two roundings, both to nearest-even). The accountant adds these doubles up, so we reproduce that deliberately:
 * an exact rational, rounded to 64 significant bits, then to a double.
 */
public final class ShareDifficulty {

    /** The pool's share target since 2019-10-30 (the docs still say 0xfffe000000000000). */
    public static final long PDIFF = 0xffff000000000000L;

    private static final BigInteger TWO_64_MINUS_1 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private ShareDifficulty() {
    }

    /** Difficulty of {@code target} relative to {@code base}: {@code (NOT base) / (NOT target)}, as upstream rounds it. */
    public static double difficultyFromTarget(long target, long base) {
        return quotientRounded64(unsigned(~base), unsigned(~target)).doubleValue();
    }

    /** Difficulty of {@code target} relative to {@link #PDIFF}. */
    public static double difficulty(long target) {
        return difficultyFromTarget(target, PDIFF);
    }

    /**
     * Expected hashes to find a share at {@code target}: {@code trunc((2^64-1) / ((2^64-1) - target))} with the
     * quotient first rounded to 64 significant bits (as upstream).
     */
    public static long expectedHashes(long target) {
        BigDecimal q = quotientRounded64(TWO_64_MINUS_1, TWO_64_MINUS_1.subtract(unsigned(target)));
        return q.setScale(0, RoundingMode.DOWN).toBigIntegerExact().longValue();
    }

    /** The target whose difficulty relative to {@code base} is {@code difficulty}: {@code NOT((NOT base) / difficulty)}. */
    public static long targetFromDifficulty(double difficulty, long base) {
        if (!(difficulty > 0) || Double.isInfinite(difficulty)) {
            throw new IllegalArgumentException("difficulty must be a positive finite number, got " + difficulty);
        }
        BigDecimal q = new BigDecimal(unsigned(~base)).divide(new BigDecimal(difficulty), new MathContext(40));
        BigInteger u = q.round(new MathContext(20, RoundingMode.HALF_EVEN)).setScale(0, RoundingMode.DOWN)
                .toBigInteger();
        if (u.bitLength() > 64) {
            u = TWO_64_MINUS_1;
        }
        return ~u.longValue();
    }

    static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }

    /**
     * {@code num / den} rounded to nearest-even at 64 significant bits, returned exactly (as a BigDecimal with a
     * power-of-two scale folded in). {@code den} must be positive.
     */
    static BigDecimal quotientRounded64(BigInteger num, BigInteger den) {
        if (den.signum() <= 0) {
            throw new ArithmeticException("division by zero");
        }
        if (num.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // Choose k so that 2^63 <= num * 2^k / den < 2^64.
        int k = 63 - (num.bitLength() - den.bitLength());
        BigInteger m;
        while (true) {
            BigInteger scaledNum = k >= 0 ? num.shiftLeft(k) : num;
            BigInteger scaledDen = k >= 0 ? den : den.shiftLeft(-k);
            BigInteger[] qr = scaledNum.divideAndRemainder(scaledDen);
            if (qr[0].bitLength() < 64) {
                k++;
                continue;
            }
            if (qr[0].bitLength() > 64) {
                k--;
                continue;
            }
            m = qr[0];
            int cmp = qr[1].shiftLeft(1).compareTo(scaledDen);
            if (cmp > 0 || (cmp == 0 && m.testBit(0))) {
                m = m.add(BigInteger.ONE);
            }
            break;
        }
        BigDecimal value = new BigDecimal(m);
        return k >= 0 ? value.divide(new BigDecimal(BigInteger.ONE.shiftLeft(k)))
                : value.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(-k)));
    }
}
