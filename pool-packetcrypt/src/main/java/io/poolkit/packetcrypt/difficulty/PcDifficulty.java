package io.poolkit.packetcrypt.difficulty;

import io.poolkit.core.target.CompactBits;
import io.poolkit.core.target.Target;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The PacketCrypt difficulty rules, as pktd and the reference C compute them with big integers.
 * Targets are compact nBits values; {@code work(T) = floor(2^256 / (T + 1))} and
 * {@code target(W) = floor((2^256 - W) / W)} (2^256 when W is 0). Rules differ by PacketCrypt
 * version: version 2 is the current chain, versions 0 and 1 the historical rules before it.
 *
 * <p>Where the references leave a case undefined (a negative compact target, or one above 2^256),
 * these methods treat the target as unusable instead of crashing: such an announcement ages to
 * {@link #UNUSABLE}, and such a block target is met by no hash.
 */
public final class PcDifficulty {

    /** The easiest target any PacketCrypt rule accepts. */
    public static final int MAX_TARGET = 0x207fffff;
    /** The aged target of an announcement that cannot be used in a block. */
    public static final int UNUSABLE = 0xffffffff;
    /** Blocks an announcement must wait after its parent before it can be used. */
    public static final int ANN_WAIT_PERIOD = 3;

    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    private PcDifficulty() {
    }

    /** The value of compact {@code bits}, or empty when it is negative or above 256 bits. */
    public static Optional<BigInteger> decode(int bits) {
        try {
            return Optional.of(CompactBits.toTarget(bits).value());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code floor(2^256 / (target + 1))}. */
    public static BigInteger work(BigInteger target) {
        return TWO_256.divide(target.add(BigInteger.ONE));
    }

    /** Work for compact {@code bits}; fails for a negative or oversized compact value. */
    public static BigInteger workForBits(int bits) {
        return work(decode(bits).orElseThrow(() -> new IllegalArgumentException(
                String.format("nBits %08x is not a usable target", bits))));
    }

    /** {@code floor((2^256 - work) / work)}, or 2^256 for zero work. */
    public static BigInteger targetForWork(BigInteger work) {
        if (work.signum() == 0) {
            return TWO_256;
        }
        return TWO_256.subtract(work).divide(work);
    }

    /**
     * Compact encoding of a non-negative value as Bitcoin's GetCompact does, with every value of
     * 2^255 or more (whose encoding exceeds {@link #MAX_TARGET}) returned as {@code 0xffffffff}.
     */
    static int encodeOrUnusable(BigInteger value) {
        if (value.bitLength() > 255) {
            return UNUSABLE;
        }
        return CompactBits.fromTarget(Target.of(value));
    }

    /**
     * The effective target a block's work hash must meet, given the header target, the least work
     * (highest) aged announcement target committed in the coinbase and the announcement count
     * (unsigned). Version 2: {@code W = floor(floor(floor(Wblk^3 / 1024) / Wann) / count^2)};
     * versions 0 and 1: {@code Wblk^3 / Wann / count}. Zero announcement work or count means
     * infinite required work (target 0). The result is clamped to {@link #MAX_TARGET}.
     */
    public static int effectiveTarget(int blockBits, int annMinBits, long annCount, int pcVersion) {
        Optional<BigInteger> blockTarget = decode(blockBits);
        Optional<BigInteger> annTarget = decode(annMinBits);
        if (blockTarget.isEmpty() || annTarget.isEmpty()) {
            return 0;
        }
        BigInteger blockWork = work(blockTarget.get());
        BigInteger annWork = work(annTarget.get());
        BigInteger count = new BigInteger(Long.toUnsignedString(annCount));
        BigInteger effectiveWork;
        if (annWork.signum() == 0 || count.signum() == 0) {
            effectiveWork = TWO_256;
        } else {
            effectiveWork = blockWork.pow(3);
            if (pcVersion >= 2) {
                effectiveWork = effectiveWork.shiftRight(10).divide(annWork).divide(count.multiply(count));
            } else {
                effectiveWork = effectiveWork.divide(annWork).divide(count);
            }
        }
        BigInteger target = targetForWork(effectiveWork);
        if (target.bitLength() > 255) {
            return MAX_TARGET;
        }
        int bits = CompactBits.fromTarget(Target.of(target));
        return Integer.compareUnsigned(bits, MAX_TARGET) > 0 ? MAX_TARGET : bits;
    }

    /**
     * The target an announcement is valued at in a block {@code age} blocks (unsigned) after its
     * parent: {@link #UNUSABLE} before {@link #ANN_WAIT_PERIOD}, its own bits at exactly that age,
     * then version 2 doubles the target every block ({@code T << (age - 3)}, unusable past 255
     * bits) while versions 0 and 1 divide its work by {@code age - 3}.
     */
    public static int agedAnnTarget(int annBits, long age, int pcVersion) {
        long a = age & 0xffffffffL;
        if (a < ANN_WAIT_PERIOD) {
            return UNUSABLE;
        }
        Optional<BigInteger> decoded = decode(annBits);
        if (pcVersion >= 2) {
            if (a == ANN_WAIT_PERIOD) {
                return annBits;
            }
            if (decoded.isEmpty()) {
                return UNUSABLE;
            }
            BigInteger target = decoded.get();
            long shift = a - ANN_WAIT_PERIOD;
            if (target.signum() != 0 && shift > 256) {
                return UNUSABLE;
            }
            int out = encodeOrUnusable(target.shiftLeft((int) Math.min(shift, 256)));
            return Integer.compareUnsigned(out, MAX_TARGET) > 0 ? UNUSABLE : out;
        }
        if (decoded.isEmpty()) {
            return UNUSABLE;
        }
        BigInteger target = decoded.get();
        if (a == ANN_WAIT_PERIOD) {
            return encodeOrUnusable(target);
        }
        BigInteger agedWork = work(target).divide(BigInteger.valueOf(a - ANN_WAIT_PERIOD));
        int out = encodeOrUnusable(targetForWork(agedWork));
        return Integer.compareUnsigned(out, MAX_TARGET) > 0 ? UNUSABLE : out;
    }

    /**
     * The sanity check on the coinbase's committed announcement target: version 2 needs
     * {@code 0 < bits <= 0x207fffff} with a positive target; earlier versions allow up to
     * {@code 0x20ffffff}. In both, the work must be positive and below 2^256.
     */
    public static boolean isMinAnnDiffOk(int bits, int pcVersion) {
        int limit = pcVersion >= 2 ? MAX_TARGET : 0x20ffffff;
        if (bits == 0 || Integer.compareUnsigned(bits, limit) > 0) {
            return false;
        }
        Optional<BigInteger> target = decode(bits);
        if (target.isEmpty() || target.get().signum() <= 0) {
            return false;
        }
        BigInteger w = work(target.get());
        return w.signum() > 0 && w.compareTo(TWO_256) < 0;
    }

    /**
     * The highest soft nonce a v1 announcement mined at {@code workBits} may use:
     * {@code bits = 22 - floor(log2(mantissa)) + 8 * (0x20 - exponent) + 10}, then
     * {@code 0xffffff >> (24 - bits)}, or all 24 bits when {@code bits >= 24}. A zero mantissa
     * (which the references leave undefined) allows all 24 bits.
     */
    public static int softNonceMax(int workBits) {
        int mantissa = workBits & 0x007fffff;
        int log2 = 31 - Integer.numberOfLeadingZeros(mantissa);
        long bits = 22L - log2 + 8L * (0x20 - (workBits >>> 24)) + 10;
        if (bits >= 24) {
            return 0x00ffffff;
        }
        long shift = 24 - bits;
        return shift >= 24 ? 0 : 0x00ffffff >>> shift;
    }

    /**
     * True if {@code hash} (32 bytes as produced, a little-endian number) is at or below the
     * compact target. Like the reference C, a target above {@link #MAX_TARGET} or with the sign
     * bit is met by nothing; the comparison itself is exact, as pktd's.
     */
    public static boolean meets(byte[] hash, int bits) {
        if (Integer.compareUnsigned(bits, MAX_TARGET) > 0 || (bits & 0x00800000) != 0) {
            return false;
        }
        return CompactBits.toTarget(bits).isMetBy(hash);
    }
}
