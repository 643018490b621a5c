package io.poolkit.pegnet.pool;

import java.math.BigInteger;

/**
 * The submitter's exponential moving average of the network's minimum OPR difficulty, over unsigned 64-bit
 * values: {@code latest} when there is no previous value, else
 * {@code prev + floor((latest - prev) * 2 / (n + 1))} in exact integers with floor division (Go's Euclidean
 * {@code big.Int.Div}; truncation would differ by one when the difference is negative).
 */
public final class Ema {

    /** Default window: 36 blocks, about 6 hours. */
    public static final int DEFAULT_N = 36;

    private Ema() {
    }

    /** The next EMA value (all values unsigned 64-bit). */
    public static long next(long previous, long latest, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("EMA window must be at least 1, got " + n);
        }
        if (previous == 0) {
            return latest;
        }
        BigInteger prev = ShareDifficulty.unsigned(previous);
        BigInteger delta = ShareDifficulty.unsigned(latest).subtract(prev).shiftLeft(1);
        BigInteger[] qr = delta.divideAndRemainder(BigInteger.valueOf(n + 1L));
        BigInteger q = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        return prev.add(q).longValue();
    }
}
