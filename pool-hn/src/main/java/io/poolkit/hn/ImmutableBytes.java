package io.poolkit.hn;

import io.poolkit.core.bytes.Hex;
import java.util.Arrays;

/**
 * An immutable byte string with value equality, for the hashes, signatures and keys that HN
 * records carry (a {@code byte[]} field would make records compare by identity).
 */
public final class ImmutableBytes implements Comparable<ImmutableBytes> {

    private static final ImmutableBytes EMPTY = new ImmutableBytes(new byte[0]);

    private final byte[] bytes;

    private ImmutableBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}. */
    public static ImmutableBytes of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new ImmutableBytes(bytes.clone());
    }

    /** Decodes hex (either case). */
    public static ImmutableBytes fromHex(String hex) {
        return of(Hex.decode(hex));
    }

    /** Decodes hex that must hold exactly {@code length} bytes; {@code what} names the value in errors. */
    public static ImmutableBytes fromHex(String hex, int length, String what) {
        return of(Hex.decode(hex, length, what));
    }

    public static ImmutableBytes empty() {
        return EMPTY;
    }

    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** The unsigned value of byte {@code index}. */
    public int unsignedAt(int index) {
        return bytes[index] & 0xff;
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Lowercase hex. */
    public String hex() {
        return Hex.encode(bytes);
    }

    /** Unsigned lexicographic order, shorter first on a common prefix. */
    @Override
    public int compareTo(ImmutableBytes other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImmutableBytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Lowercase hex. */
    @Override
    public String toString() {
        return hex();
    }
}
