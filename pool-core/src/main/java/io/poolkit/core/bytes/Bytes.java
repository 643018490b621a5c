package io.poolkit.core.bytes;

import java.util.Arrays;

/** Small operations on byte arrays that the wire formats need again and again. */
public final class Bytes {

    private Bytes() {
    }

    /** A reversed copy: turns an internal-order hash into display order and back. */
    public static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }

    /** The concatenation of the given arrays, in order. */
    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** A copy of {@code length} bytes from {@code offset}. */
    public static byte[] slice(byte[] bytes, int offset, int length) {
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }
}
