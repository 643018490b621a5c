package io.poolkit.core.target;

import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A 256-bit proof-of-work target: a hash meets it when the hash, read as a little-endian number, is
 * less than or equal to it. Immutable; exact integer arithmetic only.
 */
public final class Target implements Comparable<Target> {

    /** 2^256 - 1, the easiest possible target. */
    public static final BigInteger MAX_VALUE = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    public static final Target MAX = new Target(MAX_VALUE);

    private final BigInteger value;

    private Target(BigInteger value) {
        this.value = value;
    }

    /** A target of the given value, which must be in [0, 2^256). */
    public static Target of(BigInteger value) {
        Objects.requireNonNull(value);
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException("a target is a 256-bit unsigned number, got " + value.toString(16));
        }
        return new Target(value);
    }

    /** Parses 64 hex digits, big-endian (most significant first, as targets are printed). */
    public static Target fromHex(String hex64) {
        return of(new BigInteger(1, Hex.decode(hex64.strip(), 32, "target")));
    }

    /** From 32 bytes in big-endian order. */
    public static Target fromBytesBigEndian(byte[] bytes32) {
        requireLength(bytes32);
        return new Target(new BigInteger(1, bytes32));
    }

    public BigInteger value() {
        return value;
    }

    /** 64 lowercase hex digits, big-endian. */
    public String toHex() {
        return Hex.encode(toBytesBigEndian());
    }

    /** 32 bytes, big-endian. */
    public byte[] toBytesBigEndian() {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    /**
     * True if {@code hashLe} (32 bytes exactly as the hash function produced them, i.e. a
     * little-endian number) is at or below this target.
     */
    public boolean isMetBy(byte[] hashLe) {
        requireLength(hashLe);
        // Compare from the most significant byte (the last one) down, without allocating.
        byte[] target = toBytesBigEndian();
        for (int i = 0; i < 32; i++) {
            int h = hashLe[31 - i] & 0xff;
            int t = target[i] & 0xff;
            if (h != t) {
                return h < t;
            }
        }
        return true;
    }

    /** The hash {@code hashLe} (little-endian bytes) as a number, for reporting. */
    public static BigInteger hashValue(byte[] hashLe) {
        requireLength(hashLe);
        return new BigInteger(1, Bytes.reversed(hashLe));
    }

    @Override
    public int compareTo(Target other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && t.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return toHex();
    }

    private static void requireLength(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("expected 32 bytes, got " + bytes.length);
        }
    }
}
