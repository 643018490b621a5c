package io.poolkit.pegnet.pool;

import java.util.List;

/**
 * Estimates of the network's hash rate and the minimum difficulty an OPR needs to be graded (WhoSoup's
 * "Mining-Probabilities", as coded in prosper {@code difficulty/difficulty.go} and pegnet {@code opr/difficulty.go}),
 * over a mining period of {@value #PERIOD_SECONDS} seconds (8 of a block's 10 minutes).
 *
 * <p>Upstream computes these with {@code big.Float} at 53-bit precision, one rounding per operation: exactly IEEE
 * double arithmetic, which is what we use, deliberately, in upstream's order of operations. These are estimates
 * that decide what to submit, never whether a share is accepted.
 */
public final class NetworkDifficulty {

    /** Seconds of a block in which records are mined. */
    public static final int PERIOD_SECONDS = 480;
    /** Records graded per block: the spot whose difficulty is read. */
    public static final int GRADED_SPOT = 50;
    /** Upstream's hard-coded submission cutoff (the spot the pool aims to beat). */
    public static final int DEFAULT_CUTOFF = 200;

    private static final double TWO_64 = 0x1p64;

    private NetworkDifficulty() {
    }

    /** Hashes per second implied by the {@code spot}-th best difficulty being {@code difficulty}. */
    public static double effectiveHashRate(long difficulty, int spot) {
        return effectiveHashRate(difficulty, spot, PERIOD_SECONDS);
    }

    /** Hashes per second implied by the {@code spot}-th best of the targets found in {@code seconds}. */
    public static double effectiveHashRate(long difficulty, int spot, double seconds) {
        return spot * TWO_64 / (TWO_64 - unsignedToDouble(difficulty)) / seconds;
    }

    /** The difficulty the {@code spot}-th best record reaches at {@code hashRate} (truncated to unsigned 64 bits). */
    public static long expectedMinimumDifficulty(double hashRate, int spot) {
        double hashes = hashRate * PERIOD_SECONDS;
        return doubleToUnsigned(TWO_64 * (hashes - spot) / hashes);
    }

    /**
     * The minimum difficulty to reach spot {@code cutoff}, from a block's graded self-reported difficulties
     * (in the order given): element 49 (spot 50), or the last one when there are fewer. Upstream passes the
     * records in grade order, so element 49 is the worst graded rather than the 50th hardest; pass them sorted
     * by difficulty (descending) for the corrected reading (pegnet PR #312).
     */
    public static long minimumDifficulty(List<Long> difficulties, int cutoff) {
        if (difficulties.isEmpty()) {
            return 0;
        }
        int spot = Math.min(GRADED_SPOT, difficulties.size());
        long d = difficulties.get(spot - 1);
        return expectedMinimumDifficulty(effectiveHashRate(d, spot), cutoff);
    }

    static double unsignedToDouble(long u) {
        return u >= 0 ? u : ((u >>> 1) | (u & 1)) * 2.0;
    }

    /** Go's float64 to uint64 conversion by truncation, for values in [0, 2^64); negatives give 0. */
    static long doubleToUnsigned(double v) {
        if (!(v > 0)) {
            return 0;
        }
        if (v >= TWO_64) {
            return -1L;
        }
        if (v < 0x1p63) {
            return (long) v;
        }
        return ((long) (v / 2)) << 1; // v >= 2^63 is an even integer in double
    }
}
