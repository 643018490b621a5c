package io.poolkit.core.pow.x11;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * Grøstl-512, the final (round 3, "tweaked") version that sphlib 3.0 implements: the 1024-bit
 * permutations P and Q with 14 rounds, compression {@code f(h, m) = P(h ^ m) ^ Q(m) ^ h} and output
 * transformation {@code trunc512(P(h) ^ h)}.
 *
 * <p>The 8x16 byte state is held as sixteen {@code long} columns read big-endian, so row 0 is the
 * most significant byte. A round is eight table lookups per column: tables {@code T0..T7} fuse
 * SubBytes and MixBytes for each row, and ShiftBytes becomes a per-row column offset.
 *
 * <p>Instances keep their scratch state between calls and are not thread safe.
 */
public final class Groestl512 implements Hash512 {

    private static final VarHandle LONG_BE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private static final int BLOCK = 128;
    private static final int COLUMNS = 16;
    private static final int ROUNDS = 14;

    /** {@code Ti[x]}: the MixBytes column a row-{@code i} byte {@code x} yields after SubBytes. */
    private static final long[] T0 = new long[256];
    private static final long[] T1 = new long[256];
    private static final long[] T2 = new long[256];
    private static final long[] T3 = new long[256];
    private static final long[] T4 = new long[256];
    private static final long[] T5 = new long[256];
    private static final long[] T6 = new long[256];
    private static final long[] T7 = new long[256];

    static {
        // MixBytes is the circulant matrix circ(2, 2, 3, 4, 5, 3, 5, 7): a row-0 byte s reaches
        // rows 0..7 multiplied by 2, 7, 5, 3, 5, 4, 3, 2. Other rows are byte rotations of that.
        for (int x = 0; x < 256; x++) {
            int s = AesRound.SBOX[x];
            int s2 = AesRound.xtime(s);
            int s4 = AesRound.xtime(s2);
            int s3 = s2 ^ s;
            int s5 = s4 ^ s;
            int s7 = s4 ^ s3;
            long t = ((long) s2 << 56) | ((long) s7 << 48) | ((long) s5 << 40) | ((long) s3 << 32)
                    | ((long) s5 << 24) | ((long) s4 << 16) | ((long) s3 << 8) | s2;
            T0[x] = t;
            T1[x] = Long.rotateRight(t, 8);
            T2[x] = Long.rotateRight(t, 16);
            T3[x] = Long.rotateRight(t, 24);
            T4[x] = Long.rotateRight(t, 32);
            T5[x] = Long.rotateRight(t, 40);
            T6[x] = Long.rotateRight(t, 48);
            T7[x] = Long.rotateRight(t, 56);
        }
    }

    /** Chaining value. */
    private final long[] h = new long[COLUMNS];
    /** P state (h ^ m) and its double buffer. */
    private final long[] p = new long[COLUMNS];
    private final long[] p2 = new long[COLUMNS];
    /** Q state (the message block) and its double buffer. */
    private final long[] q = new long[COLUMNS];
    private final long[] q2 = new long[COLUMNS];
    /** Message tail plus padding; up to two blocks. */
    private final byte[] pad = new byte[2 * BLOCK];

    /** Creates a hasher; it keeps its scratch state, so give each thread its own. */
    public Groestl512() {
    }

    @Override
    public String name() {
        return "groestl512";
    }

    @Override
    public void hash(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        Objects.checkFromIndexSize(offset, length, input.length);
        Objects.checkFromIndexSize(outputOffset, DIGEST_BYTES, output.length);

        // IV: zero except the output length in bits, big-endian in the last column.
        Arrays.fill(h, 0L);
        h[COLUMNS - 1] = 512;

        int full = length / BLOCK;
        int pos = offset;
        for (int i = 0; i < full; i++, pos += BLOCK) {
            compress(input, pos);
        }

        // Padding: a 1 bit, zeros, and the 64-bit big-endian count of blocks including padding.
        int rem = length - full * BLOCK;
        int padLen = rem < BLOCK - 8 ? BLOCK : 2 * BLOCK;
        System.arraycopy(input, pos, pad, 0, rem);
        pad[rem] = (byte) 0x80;
        Arrays.fill(pad, rem + 1, padLen - 8, (byte) 0);
        LONG_BE.set(pad, padLen - 8, (long) full + padLen / BLOCK);
        for (int b = 0; b < padLen; b += BLOCK) {
            compress(pad, b);
        }

        // Output transformation: P(h) ^ h, keeping the last 512 bits (columns 8..15).
        long[] x = p;
        System.arraycopy(h, 0, x, 0, COLUMNS);
        permutationP(x, p2);
        for (int j = 8; j < COLUMNS; j++) {
            LONG_BE.set(output, outputOffset + 8 * (j - 8), x[j] ^ h[j]);
        }
    }

    /** h = P(h ^ m) ^ Q(m) ^ h for the block at {@code buf[off]}. */
    private void compress(byte[] buf, int off) {
        long[] xp = p;
        long[] xq = q;
        for (int j = 0; j < COLUMNS; j++) {
            long m = (long) LONG_BE.get(buf, off + 8 * j);
            xq[j] = m;
            xp[j] = h[j] ^ m;
        }
        permutationP(xp, p2);
        permutationQ(xq, q2);
        for (int j = 0; j < COLUMNS; j++) {
            h[j] ^= xp[j] ^ xq[j];
        }
    }

    /** P-1024 in place on {@code x}, using {@code t} as the other half of a double buffer. */
    private static void permutationP(long[] x, long[] t) {
        for (int r = 0; r < ROUNDS; r += 2) {
            roundP(x, t, r);
            roundP(t, x, r + 1);
        }
    }

    /** Q-1024 in place on {@code x}, using {@code t} as the other half of a double buffer. */
    private static void permutationQ(long[] x, long[] t) {
        for (int r = 0; r < ROUNDS; r += 2) {
            roundQ(x, t, r);
            roundQ(t, x, r + 1);
        }
    }

    /**
     * One round of P from {@code a} (clobbered) into {@code b}. The round constant only touches
     * row 0, adding {@code (j << 4) ^ r} to column j; ShiftBytes shifts the rows left by 0, 1, 2,
     * 3, 4, 5, 6, 11.
     */
    private static void roundP(long[] a, long[] b, int r) {
        for (int j = 0; j < COLUMNS; j++) {
            a[j] ^= (long) ((j << 4) ^ r) << 56;
        }
        for (int j = 0; j < COLUMNS; j++) {
            b[j] = T0[(int) (a[j] >>> 56)]
                    ^ T1[(int) (a[(j + 1) & 15] >>> 48) & 0xFF]
                    ^ T2[(int) (a[(j + 2) & 15] >>> 40) & 0xFF]
                    ^ T3[(int) (a[(j + 3) & 15] >>> 32) & 0xFF]
                    ^ T4[(int) (a[(j + 4) & 15] >>> 24) & 0xFF]
                    ^ T5[(int) (a[(j + 5) & 15] >>> 16) & 0xFF]
                    ^ T6[(int) (a[(j + 6) & 15] >>> 8) & 0xFF]
                    ^ T7[(int) a[(j + 11) & 15] & 0xFF];
        }
    }

    /**
     * One round of Q from {@code a} (clobbered) into {@code b}. The round constant complements
     * every byte and also adds {@code (j << 4) ^ r} to row 7 of column j; ShiftBytes shifts the
     * rows left by 1, 3, 5, 11, 0, 2, 4, 6.
     */
    private static void roundQ(long[] a, long[] b, int r) {
        for (int j = 0; j < COLUMNS; j++) {
            a[j] ^= ~(long) ((j << 4) ^ r);
        }
        for (int j = 0; j < COLUMNS; j++) {
            b[j] = T0[(int) (a[(j + 1) & 15] >>> 56)]
                    ^ T1[(int) (a[(j + 3) & 15] >>> 48) & 0xFF]
                    ^ T2[(int) (a[(j + 5) & 15] >>> 40) & 0xFF]
                    ^ T3[(int) (a[(j + 11) & 15] >>> 32) & 0xFF]
                    ^ T4[(int) (a[j] >>> 24) & 0xFF]
                    ^ T5[(int) (a[(j + 2) & 15] >>> 16) & 0xFF]
                    ^ T6[(int) (a[(j + 4) & 15] >>> 8) & 0xFF]
                    ^ T7[(int) a[(j + 6) & 15] & 0xFF];
        }
    }
}
