package io.poolkit.core.pow;

/**
 * Vertcoin's scrypt-N schedule: the cost N of the scrypt PoW grows with the block header time
 * (nTime, header bytes 68..71 little-endian), as in Vertcoin's {@code GetNfactor}. The PoW is then
 * {@code scrypt(header, header, N, 1, 1, 32)}, see {@link ScryptPow}.
 *
 * <p>Past the chain start, the elapsed seconds s are reduced to a coarse logarithm: l counts the halvings
 * of s while {@code (s >> 1) > 3}, the two bits below the leading one give a fraction, and
 * {@code nFactor = (l * 158 + (s & 3) * 28 - 2670) / 100} with C integer division, floored at 0 and
 * clamped to [{@value #MIN_NFACTOR}, {@value #MAX_NFACTOR}]. N = 2^(nFactor + 1), so N = 2048 at the start
 * and 4096 from 1456415081 (2016-02-25).
 */
public final class ScryptNFactor {

    /** Vertcoin chain start time (nChainStartTime), Unix seconds. */
    public static final long CHAIN_START_TIME = 1389306217L;

    /** Smallest N-factor (N = 2048). */
    public static final int MIN_NFACTOR = 10;

    /** Largest N-factor. */
    public static final int MAX_NFACTOR = 30;

    private ScryptNFactor() {
    }

    /** The N-factor for a header time in Unix seconds (any value; times up to the start give the minimum). */
    public static int nFactor(long unixTime) {
        if (unixTime <= CHAIN_START_TIME) {
            return MIN_NFACTOR;
        }
        long s = unixTime - CHAIN_START_TIME;
        int l = 0;
        while ((s >> 1) > 3) {
            l++;
            s >>= 1;
        }
        s &= 3;
        // Java int division truncates toward zero like C's, which the reference relies on for negatives.
        int n = (int) ((l * 158L + s * 28L - 2670L) / 100L);
        if (n < 0) {
            n = 0;
        }
        return Math.min(Math.max(n, MIN_NFACTOR), MAX_NFACTOR);
    }

    /**
     * The scrypt cost N = 2^(nFactor + 1) for a header time in Unix seconds.
     *
     * @throws IllegalArgumentException if N would not fit an int (N-factor 30, reached only some thousands
     *     of years after the chain start)
     */
    public static int n(long unixTime) {
        int f = nFactor(unixTime);
        if (f + 1 >= Integer.SIZE - 1) {
            throw new IllegalArgumentException("scrypt-N N-factor " + f + " at time " + unixTime
                    + " gives N = 2^" + (f + 1) + ", beyond int range");
        }
        return 1 << (f + 1);
    }
}
