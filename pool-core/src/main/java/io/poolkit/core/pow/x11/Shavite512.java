package io.poolkit.core.pow.x11;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * SHAvite-3-512 as specified for round 2 of the SHA-3 competition (the tweaked version), with an
 * all-zero salt: the variant X11 uses. Like sphlib 3.0 it follows the specification's
 * little-endian AES convention, not the November 2009 reference code that disagreed with it.
 *
 * <p>The compression function C-512 is a 14-round generalised Feistel network over four 128-bit
 * quarters; each round function is four keyless AES rounds interleaved with 128-bit subkeys from a
 * message expansion that mixes AES rounds, linear steps and the bit counter.
 *
 * <p>Instances keep their scratch state between calls and are not thread safe.
 */
public final class Shavite512 implements Hash512 {

    private static final VarHandle INT_LE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final int BLOCK = 128;
    private static final int ROUNDS = 14;
    /** 14 rounds x 2 round functions x 4 AES rounds x 4 words. */
    private static final int RK_WORDS = ROUNDS * 2 * 4 * 4;
    /** Padding must leave the last 18 bytes for the bit counter and the output size. */
    private static final int TRAILER = 18;

    /** Initial value of SHAvite-3-512 (from the specification, as 32-bit little-endian words). */
    private static final int[] IV = {
        0x72FCCDD8, 0x79CA4727, 0x128A077B, 0x40D55AEC,
        0xD1901A06, 0x430AE307, 0xB29F5CD1, 0xDF07FBFC,
        0x8E45D73D, 0x681AB538, 0xBDE86578, 0xDD577E47,
        0xE275EADE, 0x502D9FCD, 0xB9357178, 0x022A4B9A,
    };

    private final int[] h = new int[16];
    /** Expanded message: 448 subkey words. */
    private final int[] rk = new int[RK_WORDS];
    /** Feistel state, four 128-bit quarters. */
    private final int[] p = new int[16];
    private final byte[] pad = new byte[BLOCK];

    /** Creates a hasher; it keeps its scratch state, so give each thread its own. */
    public Shavite512() {
    }

    @Override
    public String name() {
        return "shavite512";
    }

    @Override
    public void hash(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        Objects.checkFromIndexSize(offset, length, input.length);
        Objects.checkFromIndexSize(outputOffset, DIGEST_BYTES, output.length);

        System.arraycopy(IV, 0, h, 0, 16);
        long bits = 0;
        int full = length / BLOCK;
        int pos = offset;
        for (int i = 0; i < full; i++, pos += BLOCK) {
            bits += BLOCK * 8;
            compress(input, pos, bits);
        }

        int rem = length - full * BLOCK;
        bits += rem * 8L;
        // The counter fed to a block that holds no message bit is zero.
        long counter = rem == 0 ? 0 : bits;
        System.arraycopy(input, pos, pad, 0, rem);
        pad[rem] = (byte) 0x80;
        Arrays.fill(pad, rem + 1, BLOCK, (byte) 0);
        if (rem >= BLOCK - TRAILER) {
            // The tail leaves no room for the trailer: it goes alone into one more block.
            compress(pad, 0, counter);
            counter = 0;
            Arrays.fill(pad, (byte) 0);
        }
        LONG_LE.set(pad, BLOCK - 18, bits);     // 128-bit little-endian bit length
        LONG_LE.set(pad, BLOCK - 10, 0L);
        pad[BLOCK - 2] = (byte) 512;             // output size in bits, 16-bit little-endian
        pad[BLOCK - 1] = (byte) (512 >>> 8);
        compress(pad, 0, counter);

        for (int i = 0; i < 16; i++) {
            INT_LE.set(output, outputOffset + 4 * i, h[i]);
        }
    }

    /** C-512 on the block at {@code buf[off]} with bit counter {@code counter} (salt zero). */
    private void compress(byte[] buf, int off, long counter) {
        expandMessage(buf, off, (int) counter, (int) (counter >>> 32), 0, 0);

        int[] x = p;
        System.arraycopy(h, 0, x, 0, 16);
        // Quarters rotate one place per round; q is the array quarter now playing the first one.
        int q = 0;
        int u = 0;
        for (int r = 0; r < ROUNDS; r++) {
            roundFunction(x, 4 * q, 4 * ((q + 1) & 3), u);
            roundFunction(x, 4 * ((q + 2) & 3), 4 * ((q + 3) & 3), u + 16);
            u += 32;
            q = (q + 3) & 3;
        }
        for (int k = 0; k < 4; k++) {
            int s = 4 * ((q + k) & 3);
            h[4 * k] ^= x[s];
            h[4 * k + 1] ^= x[s + 1];
            h[4 * k + 2] ^= x[s + 2];
            h[4 * k + 3] ^= x[s + 3];
        }
    }

    /**
     * x[dst..dst+3] ^= F(x[src..src+3]): four keyless AES rounds, each preceded by the XOR of the
     * next 128-bit subkey from {@code rk[u]}.
     */
    private void roundFunction(int[] x, int dst, int src, int u) {
        int[] k = rk;
        int x0 = x[src];
        int x1 = x[src + 1];
        int x2 = x[src + 2];
        int x3 = x[src + 3];
        for (int i = u; i < u + 16; i += 4) {
            x0 ^= k[i];
            x1 ^= k[i + 1];
            x2 ^= k[i + 2];
            x3 ^= k[i + 3];
            int y0 = AesRound.column(x0, x1, x2, x3);
            int y1 = AesRound.column(x1, x2, x3, x0);
            int y2 = AesRound.column(x2, x3, x0, x1);
            x3 = AesRound.column(x3, x0, x1, x2);
            x0 = y0;
            x1 = y1;
            x2 = y2;
        }
        x[dst] ^= x0;
        x[dst + 1] ^= x1;
        x[dst + 2] ^= x2;
        x[dst + 3] ^= x3;
    }

    /**
     * Message expansion of C-512: the 32 message words followed by alternating groups of 32
     * nonlinear words (an AES round on a rotated 128-bit word, XOR a later word) and 32 linear
     * words; the counter words c0..c3 are folded in at four fixed places.
     */
    private void expandMessage(byte[] buf, int off, int c0, int c1, int c2, int c3) {
        int[] k = rk;
        for (int i = 0; i < 32; i++) {
            k[i] = (int) INT_LE.get(buf, off + 4 * i);
        }
        int u = 32;
        while (true) {
            for (int s = 0; s < 8; s++, u += 4) {
                int x0 = k[u - 31];
                int x1 = k[u - 30];
                int x2 = k[u - 29];
                int x3 = k[u - 32];
                k[u] = AesRound.column(x0, x1, x2, x3) ^ k[u - 4];
                k[u + 1] = AesRound.column(x1, x2, x3, x0) ^ k[u - 3];
                k[u + 2] = AesRound.column(x2, x3, x0, x1) ^ k[u - 2];
                k[u + 3] = AesRound.column(x3, x0, x1, x2) ^ k[u - 1];
                switch (u) {
                    case 32 -> {
                        k[32] ^= c0;
                        k[33] ^= c1;
                        k[34] ^= c2;
                        k[35] ^= ~c3;
                    }
                    case 164 -> {
                        k[164] ^= c3;
                        k[165] ^= c2;
                        k[166] ^= c1;
                        k[167] ^= ~c0;
                    }
                    case 316 -> {
                        k[316] ^= c2;
                        k[317] ^= c3;
                        k[318] ^= c0;
                        k[319] ^= ~c1;
                    }
                    case 440 -> {
                        k[440] ^= c1;
                        k[441] ^= c0;
                        k[442] ^= c3;
                        k[443] ^= ~c2;
                    }
                    default -> {
                    }
                }
            }
            if (u == RK_WORDS) {
                return;
            }
            for (int s = 0; s < 8; s++, u += 4) {
                k[u] = k[u - 32] ^ k[u - 7];
                k[u + 1] = k[u - 31] ^ k[u - 6];
                k[u + 2] = k[u - 30] ^ k[u - 5];
                k[u + 3] = k[u - 29] ^ k[u - 4];
            }
        }
    }
}
