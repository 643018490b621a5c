package io.poolkit.core.pow.x11;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * ECHO-512 as submitted to the SHA-3 competition and implemented by sphlib 3.0, with an all-zero
 * salt: the variant X11 uses.
 *
 * <p>The state is a 4x4 matrix of 128-bit words (column major), each word four little-endian
 * {@code int} AES columns. A 1024-bit chaining value fills the first two columns and a 1024-bit
 * message block the last two; ten "big rounds" (two AES rounds per word keyed by the bit counter,
 * then a word-level ShiftRows and MixColumns) run over it before the feed-forward.
 *
 * <p>Instances keep their scratch state between calls and are not thread safe.
 */
public final class Echo512 implements Hash512 {

    private static final VarHandle INT_LE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final int BLOCK = 128;
    private static final int ROUNDS = 10;
    /** The last 18 bytes of the final block hold the output size and the message bit length. */
    private static final int TRAILER = 18;

    /** Chaining value: eight 128-bit words as 32 ints. */
    private final int[] v = new int[32];
    /** Working state and its double buffer (the ShiftRows writes into the other one). */
    private final int[] w = new int[64];
    private final int[] w2 = new int[64];
    /** Holds the message tail and the padding. */
    private final byte[] pad = new byte[BLOCK];

    /** Creates a hasher; it keeps its scratch state, so give each thread its own. */
    public Echo512() {
    }

    @Override
    public String name() {
        return "echo512";
    }

    @Override
    public void hash(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        Objects.checkFromIndexSize(offset, length, input.length);
        Objects.checkFromIndexSize(outputOffset, DIGEST_BYTES, output.length);

        // IV: every 128-bit chaining word holds the output size in bits.
        Arrays.fill(v, 0);
        for (int i = 0; i < 32; i += 4) {
            v[i] = 512;
        }

        long bits = 0;
        int full = length / BLOCK;
        int pos = offset;
        for (int i = 0; i < full; i++, pos += BLOCK) {
            bits += BLOCK * 8;
            compress(input, pos, bits);
        }

        int rem = length - full * BLOCK;
        bits += rem * 8L;
        // A block with no message bit at all is compressed with a zero counter.
        long counter = rem == 0 ? 0 : bits;
        System.arraycopy(input, pos, pad, 0, rem);
        pad[rem] = (byte) 0x80;
        Arrays.fill(pad, rem + 1, BLOCK, (byte) 0);
        if (rem >= BLOCK - TRAILER) {
            // No room for the trailer: this block carries the tail, a further one the trailer.
            compress(pad, 0, counter);
            counter = 0;
            Arrays.fill(pad, (byte) 0);
        }
        pad[BLOCK - 18] = (byte) 512;        // output size in bits, 16-bit little-endian
        pad[BLOCK - 17] = (byte) (512 >>> 8);
        LONG_LE.set(pad, BLOCK - 16, bits);  // 128-bit little-endian bit length
        LONG_LE.set(pad, BLOCK - 8, 0L);
        compress(pad, 0, counter);

        for (int i = 0; i < 16; i++) {
            INT_LE.set(output, outputOffset + 4 * i, v[i]);
        }
    }

    /** One compression of the 128-byte block at {@code buf[off]}, keyed by {@code counter}. */
    private void compress(byte[] buf, int off, long counter) {
        int[] src = w;
        int[] dst = w2;
        System.arraycopy(v, 0, src, 0, 32);
        for (int i = 0; i < 32; i++) {
            src[32 + i] = (int) INT_LE.get(buf, off + 4 * i);
        }

        // The AES key is a 128-bit counter that starts at the bit count and steps once per word;
        // Java array lengths keep it far below 2^64, so its top half stays zero.
        long k = counter;
        for (int r = 0; r < ROUNDS; r++) {
            k = subWordsShiftRows(src, dst, k);
            mixColumns(dst);
            int[] t = src;
            src = dst;
            dst = t;
        }

        // Feed-forward: V ^= M ^ W[0..7] ^ W[8..15] (the ten rounds leave the result in w).
        for (int i = 0; i < 32; i++) {
            v[i] ^= (int) INT_LE.get(buf, off + 4 * i) ^ src[i] ^ src[32 + i];
        }
    }

    /**
     * BIG.SubWords (two AES rounds per 128-bit word, the first keyed by the counter, the second by
     * the zero salt) fused with BIG.ShiftRows: word {@code (row i, column c)} is written to column
     * {@code c - i}. Returns the counter after the sixteen words.
     */
    private static long subWordsShiftRows(int[] src, int[] dst, long k) {
        for (int n = 0; n < 16; n++) {
            int k0 = (int) k;
            int k1 = (int) (k >>> 32);
            int s = 4 * n;
            int x0 = src[s];
            int x1 = src[s + 1];
            int x2 = src[s + 2];
            int x3 = src[s + 3];
            int y0 = AesRound.column(x0, x1, x2, x3) ^ k0;
            int y1 = AesRound.column(x1, x2, x3, x0) ^ k1;
            int y2 = AesRound.column(x2, x3, x0, x1);
            int y3 = AesRound.column(x3, x0, x1, x2);
            int row = n & 3;
            int d = 4 * ((((n >>> 2) - row) & 3) * 4 + row);
            dst[d] = AesRound.column(y0, y1, y2, y3);
            dst[d + 1] = AesRound.column(y1, y2, y3, y0);
            dst[d + 2] = AesRound.column(y2, y3, y0, y1);
            dst[d + 3] = AesRound.column(y3, y0, y1, y2);
            k++;
        }
        return k;
    }

    /** BIG.MixColumns: AES MixColumns applied byte-wise across the four words of each column. */
    private static void mixColumns(int[] x) {
        for (int c = 0; c < 64; c += 16) {
            for (int j = c; j < c + 4; j++) {
                int a = x[j];
                int b = x[j + 4];
                int cc = x[j + 8];
                int d = x[j + 12];
                x[j] = AesRound.mixRow(a, b, cc, d);
                x[j + 4] = AesRound.mixRow(b, cc, d, a);
                x[j + 8] = AesRound.mixRow(cc, d, a, b);
                x[j + 12] = AesRound.mixRow(d, a, b, cc);
            }
        }
    }
}
