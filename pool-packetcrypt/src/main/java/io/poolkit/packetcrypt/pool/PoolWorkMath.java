package io.poolkit.packetcrypt.pool;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The node.js pool's work arithmetic in IEEE doubles, reproduced operation for operation so that
 * targets and credits agree with the pool that miners and operators already run. These values
 * are for configuration and payout shares only; acceptance of work goes through the exact
 * integer rules of {@link io.poolkit.packetcrypt.difficulty.PcDifficulty}.
 */
public final class PoolWorkMath {

    /** The pool's value of 2^256 (as written in its source). */
    static final double TWO_TO_THE_256 = 1.157920892373162e+77;

    private PoolWorkMath() {
    }

    /** {@code compactToDbl}: the mantissa times {@code 256^(exponent - 3)}, 0 for values below 1. */
    public static double compactToDouble(int compact) {
        if (compact < 1) {
            return 0;
        }
        return (compact & 0x007fffff) * Math.pow(256, (compact >> 24) - 3);
    }

    /** {@code dblToCompact}: divides by 256 until the mantissa fits, clamping to 0x207fffff. */
    public static int doubleToCompact(double d) {
        int exp = 3;
        while (d > 0x007fffff) {
            d /= 256;
            exp++;
        }
        if (exp > 0x20) {
            return 0x207fffff;
        }
        return (exp << 24) | (int) d;
    }

    /** {@code workForTar}: 2^256 / (target + 1). */
    public static double workForTarget(double target) {
        return TWO_TO_THE_256 / (target + 1);
    }

    /** {@code tarForWork}: (2^256 - work) / work, or 2^256 for no work. */
    public static double targetForWork(double work) {
        if (work <= 0) {
            return TWO_TO_THE_256;
        }
        return (TWO_TO_THE_256 - work) / work;
    }

    /** {@code annWorkToTarget}: the compact announcement target for a work multiple. */
    public static int annWorkToTarget(double work) {
        return doubleToCompact(targetForWork(work));
    }

    /** {@code computeShareTar}: the share target for a block target and a share work divisor. */
    public static int shareTarget(int blockTarget, double divisor) {
        return doubleToCompact(targetForWork(workForTarget(compactToDouble(blockTarget)) / divisor));
    }

    /** {@code getWorkMultiple}: the work of a target in units of 4096 hashes. */
    public static double workMultiple(int target) {
        return workForTarget(compactToDouble(target)) / 4096;
    }

    /**
     * {@code getEffectiveWork}: block and announcement work floored from doubles, then
     * {@code blockWork^3 >> 10 / annWork / count^2} in exact integers.
     */
    public static BigInteger effectiveWork(int blockTarget, int annTarget, long annCount) {
        BigInteger blockWork = floor(workForTarget(compactToDouble(blockTarget)));
        BigInteger annWork = floor(workForTarget(compactToDouble(annTarget)));
        BigInteger count = BigInteger.valueOf(annCount);
        return blockWork.pow(3).shiftRight(10).divide(annWork).divide(count.multiply(count));
    }

    private static BigInteger floor(double d) {
        return new BigDecimal(Math.floor(d)).toBigIntegerExact();
    }
}
