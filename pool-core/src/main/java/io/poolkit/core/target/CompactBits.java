package io.poolkit.core.target;

import java.math.BigInteger;

/**
 * Bitcoin's compact target encoding ("nBits"): an exponent byte and a 23-bit mantissa with a sign
 * bit, target = mantissa * 256^(exponent - 3). Encoding truncates to three significant bytes, as
 * Bitcoin Core's GetCompact does.
 */
public final class CompactBits {

    private static final int SIGN_BIT = 0x00800000;

    private CompactBits() {
    }

    /**
     * Decodes nBits. Rejects what Bitcoin Core treats as invalid: a negative value (sign bit with a
     * non-zero mantissa) and a value that overflows 256 bits.
     */
    public static Target toTarget(int bits) {
        int exponent = bits >>> 24;
        int mantissa = bits & 0x007fffff;
        if ((bits & SIGN_BIT) != 0 && mantissa != 0) {
            throw new IllegalArgumentException(String.format("nBits %08x is negative (sign bit set)", bits));
        }
        BigInteger value = exponent <= 3
                ? BigInteger.valueOf(mantissa >>> (8 * (3 - exponent)))
                : BigInteger.valueOf(mantissa).shiftLeft(8 * (exponent - 3));
        if (value.bitLength() > 256) {
            throw new IllegalArgumentException(String.format("nBits %08x overflows 256 bits", bits));
        }
        return Target.of(value);
    }

    /** Encodes a target as nBits (lossy beyond three significant bytes; rounds down). */
    public static int fromTarget(Target target) {
        BigInteger value = target.value();
        int size = (value.bitLength() + 7) / 8;
        int mantissa = size <= 3
                ? value.intValue() << (8 * (3 - size))
                : value.shiftRight(8 * (size - 3)).intValue();
        // A set top bit would read as the sign: move one byte into the exponent instead.
        if ((mantissa & SIGN_BIT) != 0) {
            mantissa >>>= 8;
            size++;
        }
        return (size << 24) | mantissa;
    }

    /** Parses 8 hex digits, as nBits appear in getblocktemplate and stratum. */
    public static int parseHex(String hex8) {
        String s = hex8.strip();
        if (s.length() != 8) {
            throw new IllegalArgumentException("nBits must be 8 hex digits, got '" + s + "'");
        }
        try {
            return Integer.parseUnsignedInt(s, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("nBits must be 8 hex digits, got '" + s + "'");
        }
    }

    public static String toHex(int bits) {
        return String.format("%08x", bits);
    }
}
