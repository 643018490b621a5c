package io.poolkit.core.target;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How an algorithm family turns a difficulty into a target: the difficulty-1 target and the
 * expected number of hashes per difficulty-1 share. Share target = floor(diff1 / difficulty),
 * computed exactly from the decimal difficulty (never through a double).
 *
 * @param name           for messages, for example {@code sha256}
 * @param diff1          the target of a difficulty-1 share
 * @param hashesPerShare expected hashes for one difficulty-1 share (2^32 for sha256d/x11, 2^16 for scrypt)
 */
public record DifficultyScale(String name, BigInteger diff1, BigInteger hashesPerShare) {

    /** Bitcoin's bdiff: diff1 = {@code 0x00000000FFFF << 208}. Used by sha256d and X11, and for network difficulty of every coin. */
    public static final DifficultyScale BITCOIN =
            new DifficultyScale("sha256", BigInteger.valueOf(0xffffL).shiftLeft(208), BigInteger.ONE.shiftLeft(32));

    /** Scrypt pools: diff1 = {@code 0x0000FFFF << 224}, 65536 times Bitcoin's (what cpuminer and the big pools use). */
    public static final DifficultyScale SCRYPT =
            new DifficultyScale("scrypt", BigInteger.valueOf(0xffffL).shiftLeft(224), BigInteger.ONE.shiftLeft(16));

    /** Significant digits of difficulties computed from targets (more than a double holds). */
    private static final MathContext DIFFICULTY_PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);

    public DifficultyScale {
        Objects.requireNonNull(name);
        if (diff1.signum() <= 0 || diff1.bitLength() > 256) {
            throw new IllegalArgumentException("diff1 must be a positive 256-bit number");
        }
        if (hashesPerShare.signum() <= 0) {
            throw new IllegalArgumentException("hashesPerShare must be positive");
        }
    }

    /**
     * The share target for a difficulty: floor(diff1 / difficulty), exactly. A difficulty so low that
     * the target would exceed 2^256 - 1 gives the maximum target (every hash meets it).
     */
    public Target shareTarget(BigDecimal difficulty) {
        if (difficulty.signum() <= 0) {
            throw new IllegalArgumentException("difficulty must be positive, got " + difficulty.toPlainString());
        }
        BigInteger unscaled = difficulty.unscaledValue();
        int scale = difficulty.scale();
        // diff1 / (unscaled * 10^-scale) = diff1 * 10^scale / unscaled
        BigInteger numerator = scale >= 0 ? diff1.multiply(BigInteger.TEN.pow(scale)) : diff1;
        BigInteger denominator = scale >= 0 ? unscaled : unscaled.multiply(BigInteger.TEN.pow(-scale));
        BigInteger target = numerator.divide(denominator);
        return target.compareTo(Target.MAX_VALUE) > 0 ? Target.MAX : Target.of(target);
    }

    /** Same as {@link #shareTarget(BigDecimal)} for a difficulty given as text, e.g. {@code "0.001"}. */
    public Target shareTarget(String difficulty) {
        BigDecimal d;
        try {
            d = new BigDecimal(difficulty.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("difficulty must be a decimal number, got '" + difficulty + "'");
        }
        return shareTarget(d);
    }

    /** diff1 / target, to 20 significant digits; the target must not be zero. */
    public BigDecimal difficultyOf(Target target) {
        if (target.value().signum() == 0) {
            throw new IllegalArgumentException("a zero target has no finite difficulty");
        }
        return new BigDecimal(diff1).divide(new BigDecimal(target.value()), DIFFICULTY_PRECISION);
    }

    /** Expected hashes behind shares whose difficulties add up to {@code difficultySum}. */
    public BigDecimal expectedHashes(BigDecimal difficultySum) {
        return difficultySum.multiply(new BigDecimal(hashesPerShare));
    }
}
