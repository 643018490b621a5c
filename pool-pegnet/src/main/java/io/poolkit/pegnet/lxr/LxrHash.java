package io.poolkit.pegnet.lxr;

import java.nio.ByteBuffer;

/**
 * LXRHash with PegNet's parameters: seed {@link #SEED}, {@link #PASSES} passes, a {@link #HASH_SIZE}-byte output,
 * over a {@link ByteMap} of any size from 8 to 30 bits (PegNet's consensus uses 30).
 *
 * <p>All arithmetic is unsigned 64-bit with wrap-around; every right shift is logical. The hash is a fast pass that
 * folds every input byte into 32 accumulators, a main pass of 27 table-mixing assignments per input byte, and a
 * reduction that runs the same step over the accumulators to produce one output byte each. Instances are immutable
 * and thread-safe.
 */
public final class LxrHash {

    /** PegNet's seed. */
    public static final long SEED = 0xFAFAECECFAFAECECL;
    /** Shuffle passes of the byte-map generator. */
    public static final int PASSES = 5;
    /** Output length in bytes (256 bits). */
    public static final int HASH_SIZE = 32;

    private final ByteMap map;
    private final ByteBuffer table;
    private final long mask;

    /** A hasher over the given table. */
    public LxrHash(ByteMap map) {
        this.map = map;
        this.table = map.buffer();
        this.mask = map.length() - 1L;
    }

    /** The table this hasher uses. */
    public ByteMap map() {
        return map;
    }

    /** Map size in bits. */
    public int bits() {
        return map.bits();
    }

    /** LXRHash of {@code src} (any length, including empty): 32 bytes. */
    public byte[] hash(byte[] src) {
        return hash(src, 0, src.length, null);
    }

    /** LXRHash of {@code base || suffix} without building the concatenation (PegNet: oprhash || nonce). */
    public byte[] hash(byte[] base, byte[] suffix) {
        return hash(base, 0, base.length, suffix);
    }

    /**
     * The first 8 bytes of {@code LXRHash(base || suffix)} as an unsigned big-endian 64-bit value: PegNet's
     * "difficulty" (higher is better; compare with {@link Long#compareUnsigned}).
     */
    public long difficulty(byte[] base, byte[] suffix) {
        byte[] h = hash(base, suffix);
        long d = 0;
        for (int i = 0; i < 8; i++) {
            d = (d << 8) | (h[i] & 0xFFL);
        }
        return d;
    }

    /**
     * Early-abort settings for a miner hunting {@code target}: the index of the first byte of the big-endian
     * target that is not {@code 0xff} and its value. A hash whose byte at that index is below the value (with all
     * earlier bytes {@code 0xff}) cannot reach the target.
     */
    public record AbortSettings(int byteIndex, int value) {
    }

    /** {@link AbortSettings} for {@code target} (upstream {@code AbortSettings}). */
    public static AbortSettings abortSettings(long target) {
        for (int i = 0; i < 8; i++) {
            int b = (int) (target >>> (56 - 8 * i)) & 0xFF;
            if (b != 0xFF) {
                return new AbortSettings(i, b);
            }
        }
        return new AbortSettings(7, 0xFF);
    }

    private int b(long x) {
        return table.get((int) (x & mask)) & 0xFF;
    }

    private byte[] hash(byte[] src, int off, int len, byte[] suffix) {
        long[] hs = new long[HASH_SIZE];
        long as = SEED;
        long s1 = 0;
        long s2 = 0;
        long s3 = 0;
        int total = len + (suffix == null ? 0 : suffix.length);

        // Phase A: fast pass, one table lookup per byte.
        int idx = 0;
        for (int k = 0; k < total; k++) {
            long c = inputByte(src, off, len, suffix, k);
            long t = b(as ^ c);
            as = (as << 7) ^ (as >>> 5) ^ (c << 20) ^ (c << 16) ^ c ^ (t << 20) ^ (t << 12) ^ (t << 4);
            s1 = (s1 << 9) ^ (s1 >>> 3) ^ hs[idx];
            hs[idx] = s1 ^ as;
            long r = s3;
            s3 = s2;
            s2 = s1;
            s1 = r;
            idx = (idx + 1) & (HASH_SIZE - 1);
        }

        // Phase B: the main pass (STEP per input byte) and phase C: the reduction (STEP per accumulator).
        byte[] out = new byte[HASH_SIZE];
        idx = 0;
        for (int k = -total; k < HASH_SIZE; k++) {
            long v2;
            int at;
            if (k < 0) {
                v2 = inputByte(src, off, len, suffix, k + total);
                at = idx;
                idx = (idx + 1) & (HASH_SIZE - 1);
            } else {
                at = HASH_SIZE - 1 - k;
                v2 = hs[at];
            }
            // STEP(v2, at): 27 assignments, in order, each seeing the previous ones.
            s1 = (s1 << 9) ^ (s1 >>> 1) ^ as ^ ((long) b((as >>> 5) ^ v2) << 3);
            s1 = (s1 << 5) ^ (s1 >>> 3) ^ ((long) b(s1 ^ v2) << 7);
            s1 = (s1 << 7) ^ (s1 >>> 7) ^ ((long) b(as ^ (s1 >>> 7)) << 5);
            s1 = (s1 << 11) ^ (s1 >>> 5) ^ ((long) b(v2 ^ (as >>> 11) ^ s1) << 27);
            hs[at] = s1 ^ as ^ (hs[at] << 7) ^ (hs[at] >>> 13);
            as = (as << 17) ^ (as >>> 5) ^ s1 ^ ((long) b(as ^ (s1 >>> 27) ^ v2) << 3);
            as = (as << 13) ^ (as >>> 3) ^ ((long) b(as ^ s1) << 7);
            as = (as << 15) ^ (as >>> 7) ^ ((long) b((as >>> 7) ^ s1) << 11);
            as = (as << 9) ^ (as >>> 11) ^ ((long) b(v2 ^ as ^ s1) << 3);
            s1 = (s1 << 7) ^ (s1 >>> 27) ^ as ^ ((long) b(as >>> 3) << 13);
            s1 = (s1 << 3) ^ (s1 >>> 13) ^ ((long) b(s1 ^ v2) << 11);
            s1 = (s1 << 8) ^ (s1 >>> 11) ^ ((long) b(as ^ (s1 >>> 11)) << 9);
            s1 = (s1 << 6) ^ (s1 >>> 9) ^ ((long) b(v2 ^ as ^ s1) << 3);
            as = (as << 23) ^ (as >>> 3) ^ s1 ^ ((long) b(as ^ v2 ^ (s1 >>> 3)) << 7);
            as = (as << 17) ^ (as >>> 7) ^ ((long) b(as ^ (s1 >>> 3)) << 5);
            as = (as << 13) ^ (as >>> 5) ^ ((long) b((as >>> 5) ^ s1) << 1);
            as = (as << 11) ^ (as >>> 1) ^ ((long) b(v2 ^ as ^ s1) << 7);
            s1 = (s1 << 5) ^ (s1 >>> 3) ^ as ^ ((long) b((as >>> 7) ^ (s1 >>> 3)) << 6);
            s1 = (s1 << 8) ^ (s1 >>> 6) ^ ((long) b(s1 ^ v2) << 11);
            s1 = (s1 << 11) ^ (s1 >>> 11) ^ ((long) b(as ^ (s1 >>> 11)) << 5);
            s1 = (s1 << 7) ^ (s1 >>> 5) ^ ((long) b(v2 ^ (as >>> 7) ^ as ^ s1) << 17);
            s2 = (s2 << 3) ^ (s2 >>> 17) ^ s1 ^ ((long) b(as ^ (s2 >>> 5) ^ v2) << 13);
            s2 = (s2 << 6) ^ (s2 >>> 13) ^ ((long) b(s2) << 11);
            s2 = (s2 << 11) ^ (s2 >>> 11) ^ ((long) b(as ^ s1 ^ (s2 >>> 11)) << 23);
            s2 = (s2 << 4) ^ (s2 >>> 23) ^ ((long) b(v2 ^ (as >>> 8) ^ as ^ (s2 >>> 10)) << 1);
            s1 = (s2 << 3) ^ (s2 >>> 1) ^ hs[at] ^ v2;
            as = (as << 9) ^ (as >>> 7) ^ (s1 >>> 1) ^ ((long) b((s2 >>> 1) ^ hs[at]) << 5);
            long r = s3;
            s3 = s2;
            s2 = s1;
            s1 = r;
            if (k >= 0) {
                out[at] = (byte) (b(as) ^ b(hs[at]));
            }
        }
        return out;
    }

    private static long inputByte(byte[] src, int off, int len, byte[] suffix, int k) {
        return (k < len ? src[off + k] : suffix[k - len]) & 0xFFL;
    }
}
