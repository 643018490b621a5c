package io.poolkit.core.pow.x11;

import java.util.List;
import java.util.Objects;

/**
 * X11 (Dash): the eleven 512-bit functions chained, each hashing the previous one's 64-byte output
 * (the first hashes the whole input); the result is the first 32 bytes of the last. Owns one
 * instance of each primitive and two buffers, so an instance is not thread safe: one per thread.
 */
public final class X11 {

    /** Output length in bytes. */
    public static final int DIGEST_BYTES = 32;

    private final Hash512[] chain;
    private final byte[] a = new byte[Hash512.DIGEST_BYTES];
    private final byte[] b = new byte[Hash512.DIGEST_BYTES];

    public X11() {
        this.chain = X11Primitives.chain().toArray(new Hash512[0]);
    }

    /** Hashes {@code length} bytes at {@code offset}; writes 32 bytes to {@code output} at {@code outputOffset}. */
    public void hash(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        Objects.checkFromIndexSize(offset, length, input.length);
        Objects.checkFromIndexSize(outputOffset, DIGEST_BYTES, output.length);
        chain[0].hash(input, offset, length, a, 0);
        byte[] in = a;
        byte[] out = b;
        for (int i = 1; i < chain.length; i++) {
            chain[i].hash(in, 0, Hash512.DIGEST_BYTES, out, 0);
            byte[] t = in;
            in = out;
            out = t;
        }
        System.arraycopy(in, 0, output, outputOffset, DIGEST_BYTES);
    }

    /** Hashes the whole array into a new 32-byte array. */
    public byte[] hash(byte[] input) {
        byte[] out = new byte[DIGEST_BYTES];
        hash(input, 0, input.length, out, 0);
        return out;
    }

    /** The names of the chained functions, in order. */
    public static List<String> order() {
        return X11Primitives.names();
    }
}
