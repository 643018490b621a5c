package io.poolkit.packetcrypt.crypto;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Unkeyed BLAKE2b with a 32-byte ({@link #hash32}) or 64-byte ({@link #hash64}) digest, the
 * reference's {@code Hash_compress32} and {@code Hash_compress64}. Keeps its digests for reuse, so
 * hashing allocates nothing. Not thread safe.
 */
public final class Blake2b {

    private final Blake2bDigest d256 = new Blake2bDigest(256);
    private final Blake2bDigest d512 = new Blake2bDigest(512);

    /** BLAKE2b-256 of {@code in[off, off+len)} written to {@code out[outOff..outOff+32)}. */
    public void hash32(byte[] in, int off, int len, byte[] out, int outOff) {
        d256.update(in, off, len);
        d256.doFinal(out, outOff);
    }

    /** BLAKE2b-512 of {@code in[off, off+len)} written to {@code out[outOff..outOff+64)}. */
    public void hash64(byte[] in, int off, int len, byte[] out, int outOff) {
        d512.update(in, off, len);
        d512.doFinal(out, outOff);
    }

    /** BLAKE2b-256 of the whole array, as a new array. */
    public static byte[] hash32(byte[] in) {
        Blake2bDigest d = new Blake2bDigest(256);
        d.update(in, 0, in.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    /** BLAKE2b-512 of the whole array, as a new array. */
    public static byte[] hash64(byte[] in) {
        Blake2bDigest d = new Blake2bDigest(512);
        d.update(in, 0, in.length);
        byte[] out = new byte[64];
        d.doFinal(out, 0);
        return out;
    }
}
