package io.poolkit.core.pow.x11;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * Blue Midnight Wish BMW-512, the tweaked SHA-3 round-2 version implemented by sphlib.
 *
 * <p>128-byte blocks read as little-endian 64-bit words; padding is 0x80, zeros and the 64-bit
 * little-endian bit length. After the last block the chaining value is compressed once more as a
 * message under a constant chaining value, and the digest is the upper half (words 8..15) of
 * that result.
 *
 * <p>Not thread safe: the chaining value, message words, expanded words and padding buffer are
 * reused between calls.
 */
public final class Bmw512 implements Hash512 {

    private static final int BLOCK = 128;

    private static final VarHandle LE64 =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Initial chaining value: the bytes 0x80..0xFF in order, as big-endian words. */
    private static final long[] IV = new long[16];

    /** Chaining value of the final (blank) compression: 0xAAAAAAAAAAAAAAA0 + i. */
    private static final long[] FINAL = new long[16];

    /** The expansion constants K_j = j * 0x0555555555555555 for j = 16..31. */
    private static final long[] K = new long[16];

    static {
        for (int i = 0; i < 16; i++) {
            long w = 0;
            for (int j = 0; j < 8; j++) {
                w = (w << 8) | (0x80 + 8 * i + j);
            }
            IV[i] = w;
            FINAL[i] = 0xAAAAAAAAAAAAAAA0L + i;
            K[i] = (i + 16) * 0x0555555555555555L;
        }
    }

    private final long[] h = new long[16];
    private final long[] m = new long[16];
    private final long[] q = new long[32];
    private final byte[] block = new byte[BLOCK];

    /** Creates a hasher; keep one per thread. */
    public Bmw512() {
    }

    @Override
    public String name() {
        return "bmw512";
    }

    @Override
    public void hash(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        Objects.checkFromIndexSize(offset, length, input.length);
        Objects.checkFromIndexSize(outputOffset, DIGEST_BYTES, output.length);
        long[] h = this.h;
        long[] m = this.m;
        System.arraycopy(IV, 0, h, 0, 16);

        int pos = offset;
        for (int n = length / BLOCK; n > 0; n--) {
            load(input, pos);
            compress(m, h, h);
            pos += BLOCK;
        }

        int rem = length % BLOCK;
        byte[] b = block;
        System.arraycopy(input, pos, b, 0, rem);
        Arrays.fill(b, rem, BLOCK, (byte) 0);
        b[rem] = (byte) 0x80;
        if (rem >= BLOCK - 8) {
            // No room left for the length word: it goes into an extra block.
            load(b, 0);
            compress(m, h, h);
            Arrays.fill(b, (byte) 0);
        }
        LE64.set(b, BLOCK - 8, (long) length << 3);
        load(b, 0);
        compress(m, h, h);

        // Final blank round: the chaining value becomes the message.
        System.arraycopy(h, 0, m, 0, 16);
        compress(m, FINAL, h);

        for (int i = 0; i < 8; i++) {
            LE64.set(output, outputOffset + 8 * i, h[8 + i]);
        }
    }

    private void load(byte[] src, int off) {
        for (int i = 0; i < 16; i++) {
            m[i] = (long) LE64.get(src, off + 8 * i);
        }
    }

    /**
     * The BMW compression function: f0 (bijective transform of M xor H), f1 (message expansion
     * to 32 words) and f2 (folding back to 16 words). {@code out} may be the same array as
     * {@code hin}, since f2 no longer reads the old chaining value.
     */
    private void compress(long[] mm, long[] hin, long[] out) {
        long[] q = this.q;

        // f0: W_i is a signed sum of five words of M xor H.
        long x0 = mm[0] ^ hin[0], x1 = mm[1] ^ hin[1], x2 = mm[2] ^ hin[2], x3 = mm[3] ^ hin[3];
        long x4 = mm[4] ^ hin[4], x5 = mm[5] ^ hin[5], x6 = mm[6] ^ hin[6], x7 = mm[7] ^ hin[7];
        long x8 = mm[8] ^ hin[8], x9 = mm[9] ^ hin[9], x10 = mm[10] ^ hin[10];
        long x11 = mm[11] ^ hin[11], x12 = mm[12] ^ hin[12], x13 = mm[13] ^ hin[13];
        long x14 = mm[14] ^ hin[14], x15 = mm[15] ^ hin[15];

        q[0] = s0(x5 - x7 + x10 + x13 + x14) + hin[1];
        q[1] = s1(x6 - x8 + x11 + x14 - x15) + hin[2];
        q[2] = s2(x0 + x7 + x9 - x12 + x15) + hin[3];
        q[3] = s3(x0 - x1 + x8 - x10 + x13) + hin[4];
        q[4] = s4(x1 + x2 + x9 - x11 - x14) + hin[5];
        q[5] = s0(x3 - x2 + x10 - x12 + x15) + hin[6];
        q[6] = s1(x4 - x0 - x3 - x11 + x13) + hin[7];
        q[7] = s2(x1 - x4 - x5 - x12 - x14) + hin[8];
        q[8] = s3(x2 - x5 - x6 + x13 - x15) + hin[9];
        q[9] = s4(x0 - x3 + x6 - x7 + x14) + hin[10];
        q[10] = s0(x8 - x1 - x4 - x7 + x15) + hin[11];
        q[11] = s1(x8 - x0 - x2 - x5 + x9) + hin[12];
        q[12] = s2(x1 + x3 - x6 - x9 + x10) + hin[13];
        q[13] = s3(x2 + x4 + x7 + x10 + x11) + hin[14];
        q[14] = s4(x3 - x5 + x8 - x11 - x12) + hin[15];
        q[15] = s0(x12 - x4 - x6 - x9 + x13) + hin[0];

        // f1: two rounds of the heavy expansion, then fourteen of the light one.
        for (int j = 16; j < 18; j++) {
            long sum = addElement(mm, hin, j);
            for (int k = 0; k < 16; k += 4) {
                sum += s1(q[j - 16 + k]) + s2(q[j - 15 + k]) + s3(q[j - 14 + k]) + s0(q[j - 13 + k]);
            }
            q[j] = sum;
        }
        for (int j = 18; j < 32; j++) {
            q[j] = q[j - 16] + Long.rotateLeft(q[j - 15], 5)
                    + q[j - 14] + Long.rotateLeft(q[j - 13], 11)
                    + q[j - 12] + Long.rotateLeft(q[j - 11], 27)
                    + q[j - 10] + Long.rotateLeft(q[j - 9], 32)
                    + q[j - 8] + Long.rotateLeft(q[j - 7], 37)
                    + q[j - 6] + Long.rotateLeft(q[j - 5], 43)
                    + q[j - 4] + Long.rotateLeft(q[j - 3], 53)
                    + s4(q[j - 2]) + s5(q[j - 1])
                    + addElement(mm, hin, j);
        }

        // f2: fold the 32 expanded words back into a new chaining value.
        long xl = q[16] ^ q[17] ^ q[18] ^ q[19] ^ q[20] ^ q[21] ^ q[22] ^ q[23];
        long xh = xl ^ q[24] ^ q[25] ^ q[26] ^ q[27] ^ q[28] ^ q[29] ^ q[30] ^ q[31];

        long h0 = ((xh << 5) ^ (q[16] >>> 5) ^ mm[0]) + (xl ^ q[24] ^ q[0]);
        long h1 = ((xh >>> 7) ^ (q[17] << 8) ^ mm[1]) + (xl ^ q[25] ^ q[1]);
        long h2 = ((xh >>> 5) ^ (q[18] << 5) ^ mm[2]) + (xl ^ q[26] ^ q[2]);
        long h3 = ((xh >>> 1) ^ (q[19] << 5) ^ mm[3]) + (xl ^ q[27] ^ q[3]);
        long h4 = ((xh >>> 3) ^ q[20] ^ mm[4]) + (xl ^ q[28] ^ q[4]);
        long h5 = ((xh << 6) ^ (q[21] >>> 6) ^ mm[5]) + (xl ^ q[29] ^ q[5]);
        long h6 = ((xh >>> 4) ^ (q[22] << 6) ^ mm[6]) + (xl ^ q[30] ^ q[6]);
        long h7 = ((xh >>> 11) ^ (q[23] << 2) ^ mm[7]) + (xl ^ q[31] ^ q[7]);
        out[8] = Long.rotateLeft(h4, 9) + (xh ^ q[24] ^ mm[8]) + ((xl << 8) ^ q[23] ^ q[8]);
        out[9] = Long.rotateLeft(h5, 10) + (xh ^ q[25] ^ mm[9]) + ((xl >>> 6) ^ q[16] ^ q[9]);
        out[10] = Long.rotateLeft(h6, 11) + (xh ^ q[26] ^ mm[10]) + ((xl << 6) ^ q[17] ^ q[10]);
        out[11] = Long.rotateLeft(h7, 12) + (xh ^ q[27] ^ mm[11]) + ((xl << 4) ^ q[18] ^ q[11]);
        out[12] = Long.rotateLeft(h0, 13) + (xh ^ q[28] ^ mm[12]) + ((xl >>> 3) ^ q[19] ^ q[12]);
        out[13] = Long.rotateLeft(h1, 14) + (xh ^ q[29] ^ mm[13]) + ((xl >>> 4) ^ q[20] ^ q[13]);
        out[14] = Long.rotateLeft(h2, 15) + (xh ^ q[30] ^ mm[14]) + ((xl >>> 7) ^ q[21] ^ q[14]);
        out[15] = Long.rotateLeft(h3, 16) + (xh ^ q[31] ^ mm[15]) + ((xl >>> 2) ^ q[22] ^ q[15]);
        out[0] = h0;
        out[1] = h1;
        out[2] = h2;
        out[3] = h3;
        out[4] = h4;
        out[5] = h5;
        out[6] = h6;
        out[7] = h7;
    }

    /**
     * AddElement(j): rotated message words j-16, j-13 and j-6 (mod 16, each rotated by its
     * index + 1) plus K_j, xored with chaining word j-9 (mod 16).
     */
    private static long addElement(long[] mm, long[] hin, int j) {
        int a = j & 15;
        int b = (j + 3) & 15;
        int c = (j + 10) & 15;
        return (Long.rotateLeft(mm[a], a + 1) + Long.rotateLeft(mm[b], b + 1)
                - Long.rotateLeft(mm[c], c + 1) + K[j - 16]) ^ hin[(j + 7) & 15];
    }

    private static long s0(long x) {
        return (x >>> 1) ^ (x << 3) ^ Long.rotateLeft(x, 4) ^ Long.rotateLeft(x, 37);
    }

    private static long s1(long x) {
        return (x >>> 1) ^ (x << 2) ^ Long.rotateLeft(x, 13) ^ Long.rotateLeft(x, 43);
    }

    private static long s2(long x) {
        return (x >>> 2) ^ (x << 1) ^ Long.rotateLeft(x, 19) ^ Long.rotateLeft(x, 53);
    }

    private static long s3(long x) {
        return (x >>> 2) ^ (x << 2) ^ Long.rotateLeft(x, 28) ^ Long.rotateLeft(x, 59);
    }

    private static long s4(long x) {
        return (x >>> 1) ^ x;
    }

    private static long s5(long x) {
        return (x >>> 2) ^ x;
    }
}
