package io.poolkit.hn.consensus;

/**
 * The consensus percentage: {@code round(nb * 100 / total)} with Python's {@code round}, which
 * rounds halves to the even neighbour (12.5 gives 12, 37.5 gives 38; {@code Math.round} would
 * not). {@code total} is the number of all registered hypernodes, not of the connected ones.
 * Computed with integers, which gives Python's result for every count.
 */
public final class ConsensusPercent {

    private ConsensusPercent() {
    }

    /** The percentage of {@code total} that {@code agreeing} is, rounded half to even. */
    public static long of(long agreeing, long total) {
        if (total <= 0) {
            throw new IllegalArgumentException("the number of hypernodes must be positive, got " + total);
        }
        if (agreeing < 0) {
            throw new IllegalArgumentException("the number of agreeing peers must not be negative, got " + agreeing);
        }
        long numerator = Math.multiplyExact(agreeing, 100L);
        long quotient = numerator / total;
        long twiceRemainder = 2 * (numerator % total);
        if (twiceRemainder > total || (twiceRemainder == total && (quotient & 1) == 1)) {
            quotient++;
        }
        return quotient;
    }
}
