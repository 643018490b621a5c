package io.poolkit.core.target;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The share target that pooler's cpuminer computes from a stratum difficulty, with IEEE doubles
 * (util.c {@code diff_to_target}). It is reproduced on purpose: a CPU miner that behaves like
 * cpuminer needs it, and a server can check that it is never stricter than what miners submit
 * against. Exact for power-of-two difficulties; otherwise its low bits differ from the exact floor, in either direction (difficulty 100 gives a target above the exact one). Never
 * use it to accept shares: {@link DifficultyScale#shareTarget} is exact.
 */
public final class CpuminerTargets {

    private static final double TWO_POW_32 = 4294967296.0;
    private static final double DIFF1_MANTISSA = 4294901760.0; // 0xFFFF0000

    private CpuminerTargets() {
    }

    /** cpuminer's target for a sha256d (or X11) stratum difficulty. */
    public static Target sha256d(double difficulty) {
        return diffToTarget(difficulty);
    }

    /** cpuminer's target for a scrypt stratum difficulty (it divides the difficulty by 65536 first). */
    public static Target scrypt(double difficulty) {
        return diffToTarget(difficulty / 65536.0);
    }

    /** diff_to_target: a 64-bit mantissa placed at 32-bit word k, after dividing the difficulty down by 2^32 per word. */
    static Target diffToTarget(double difficulty) {
        if (!(difficulty > 0) || Double.isInfinite(difficulty)) {
            throw new IllegalArgumentException("difficulty must be a positive finite number, got " + difficulty);
        }
        double diff = difficulty;
        int k = 6;
        while (k > 0 && diff > 1.0) {
            diff /= TWO_POW_32;
            k--;
        }
        BigInteger m = new BigDecimal(DIFF1_MANTISSA / diff).toBigInteger();
        if (m.bitLength() > 64) {
            // Beyond what C's uint64 conversion defines: every hash is a share.
            return Target.MAX;
        }
        if (m.signum() == 0 && k == 6) {
            return Target.MAX;
        }
        BigInteger value = m.shiftLeft(32 * k);
        return value.bitLength() > 256 ? Target.MAX : Target.of(value);
    }
}
