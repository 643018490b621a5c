package io.poolkit.core.pow.x11;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * BLAKE-512, the SHA-3 round-3 (final) version with 16 rounds, zero salt, as in sphlib.
 *
 * <p>128-byte blocks read as big-endian 64-bit words. Padding is a 1 bit, zeros, a final 1 bit
 * (marking the 512-bit digest) and the 128-bit message length in bits. The counter fed to each
 * compression is the number of message bits hashed up to and including that block, or zero for
 * a block holding padding only.
 *
 * <p>Not thread safe: the message words and padding buffer are reused between calls.
 */
public final class Blake512 implements Hash512 {

    private static final int BLOCK = 128;
    private static final int ROUNDS = 16;

    private static final VarHandle BE64 =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** Initial chaining value (same as SHA-512). */
    private static final long[] IV = {
        0x6A09E667F3BCC908L, 0xBB67AE8584CAA73BL, 0x3C6EF372FE94F82BL, 0xA54FF53A5F1D36F1L,
        0x510E527FADE682D1L, 0x9B05688C2B3E6C1FL, 0x1F83D9ABFB41BD6BL, 0x5BE0CD19137E2179L,
    };

    /** The constants c0..c15: leading fractional digits of pi. */
    private static final long[] C = {
        0x243F6A8885A308D3L, 0x13198A2E03707344L, 0xA4093822299F31D0L, 0x082EFA98EC4E6C89L,
        0x452821E638D01377L, 0xBE5466CF34E90C6CL, 0xC0AC29B7C97C50DDL, 0x3F84D5B5B5470917L,
        0x9216D5D98979FB1BL, 0xD1310BA698DFB5ACL, 0x2FFD72DBD01ADFB7L, 0xB8E1AFED6A267E96L,
        0xBA7C9045F12C7F99L, 0x24A19947B3916CF7L, 0x0801F2E2858EFC16L, 0x636920D871574E69L,
    };

    /** The ten message permutations sigma_0..sigma_9, row after row; round r uses r mod 10. */
    private static final byte[] SIGMA = {
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
    };

    private final long[] h = new long[8];
    private final long[] m = new long[16];
    /** Per round: m[sigma(2i)] ^ c[sigma(2i+1)] and m[sigma(2i+1)] ^ c[sigma(2i)], in G order. */
    private final long[] mc = new long[16];
    private final byte[] block = new byte[BLOCK];

    /** Creates a hasher; keep one per thread. */
    public Blake512() {
    }

    @Override
    public String name() {
        return "blake512";
    }

    @Override
    public void hash(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        Objects.checkFromIndexSize(offset, length, input.length);
        Objects.checkFromIndexSize(outputOffset, DIGEST_BYTES, output.length);
        System.arraycopy(IV, 0, h, 0, 8);

        int pos = offset;
        long bits = 0;
        // Every full block is compressed as soon as it is seen (as sphlib does), so a message
        // whose length is a multiple of 128 still gets a separate, padding-only last block.
        for (int n = length / BLOCK; n > 0; n--) {
            bits += BLOCK * 8;
            compress(input, pos, bits);
            pos += BLOCK;
        }

        int rem = length % BLOCK;
        long totalBits = (long) length << 3;
        byte[] b = block;
        System.arraycopy(input, pos, b, 0, rem);
        Arrays.fill(b, rem, BLOCK, (byte) 0);
        b[rem] = (byte) 0x80;
        if (rem < 112) {
            // The padding and length fit in this block.
            b[111] |= 0x01;
            BE64.set(b, 120, totalBits); // bytes 112..119 hold the (zero) high length word
            compress(b, 0, rem == 0 ? 0 : totalBits);
        } else {
            // Not enough room for the length: finish this block, then a padding-only one.
            compress(b, 0, totalBits);
            Arrays.fill(b, (byte) 0);
            b[111] = 0x01;
            BE64.set(b, 120, totalBits);
            compress(b, 0, 0);
        }

        for (int i = 0; i < 8; i++) {
            BE64.set(output, outputOffset + 8 * i, h[i]);
        }
    }

    /**
     * Compresses one block into {@link #h}. {@code t} is the bit counter; its high 64 bits are
     * always zero here because Java arrays are far shorter than 2^61 bytes.
     */
    private void compress(byte[] src, int off, long t) {
        long[] m = this.m;
        long[] mc = this.mc;
        long[] h = this.h;
        for (int i = 0; i < 16; i++) {
            m[i] = (long) BE64.get(src, off + 8 * i);
        }

        long v0 = h[0], v1 = h[1], v2 = h[2], v3 = h[3];
        long v4 = h[4], v5 = h[5], v6 = h[6], v7 = h[7];
        long v8 = C[0], v9 = C[1], v10 = C[2], v11 = C[3];
        long v12 = t ^ C[4], v13 = t ^ C[5], v14 = C[6], v15 = C[7];

        for (int r = 0; r < ROUNDS; r++) {
            int s = (r % 10) * 16;
            for (int k = 0; k < 16; k += 2) {
                int x = SIGMA[s + k];
                int y = SIGMA[s + k + 1];
                mc[k] = m[x] ^ C[y];
                mc[k + 1] = m[y] ^ C[x];
            }

            // Columns.
            v0 += v4 + mc[0];  v12 = Long.rotateRight(v12 ^ v0, 32);
            v8 += v12;         v4 = Long.rotateRight(v4 ^ v8, 25);
            v0 += v4 + mc[1];  v12 = Long.rotateRight(v12 ^ v0, 16);
            v8 += v12;         v4 = Long.rotateRight(v4 ^ v8, 11);

            v1 += v5 + mc[2];  v13 = Long.rotateRight(v13 ^ v1, 32);
            v9 += v13;         v5 = Long.rotateRight(v5 ^ v9, 25);
            v1 += v5 + mc[3];  v13 = Long.rotateRight(v13 ^ v1, 16);
            v9 += v13;         v5 = Long.rotateRight(v5 ^ v9, 11);

            v2 += v6 + mc[4];  v14 = Long.rotateRight(v14 ^ v2, 32);
            v10 += v14;        v6 = Long.rotateRight(v6 ^ v10, 25);
            v2 += v6 + mc[5];  v14 = Long.rotateRight(v14 ^ v2, 16);
            v10 += v14;        v6 = Long.rotateRight(v6 ^ v10, 11);

            v3 += v7 + mc[6];  v15 = Long.rotateRight(v15 ^ v3, 32);
            v11 += v15;        v7 = Long.rotateRight(v7 ^ v11, 25);
            v3 += v7 + mc[7];  v15 = Long.rotateRight(v15 ^ v3, 16);
            v11 += v15;        v7 = Long.rotateRight(v7 ^ v11, 11);

            // Diagonals.
            v0 += v5 + mc[8];  v15 = Long.rotateRight(v15 ^ v0, 32);
            v10 += v15;        v5 = Long.rotateRight(v5 ^ v10, 25);
            v0 += v5 + mc[9];  v15 = Long.rotateRight(v15 ^ v0, 16);
            v10 += v15;        v5 = Long.rotateRight(v5 ^ v10, 11);

            v1 += v6 + mc[10]; v12 = Long.rotateRight(v12 ^ v1, 32);
            v11 += v12;        v6 = Long.rotateRight(v6 ^ v11, 25);
            v1 += v6 + mc[11]; v12 = Long.rotateRight(v12 ^ v1, 16);
            v11 += v12;        v6 = Long.rotateRight(v6 ^ v11, 11);

            v2 += v7 + mc[12]; v13 = Long.rotateRight(v13 ^ v2, 32);
            v8 += v13;         v7 = Long.rotateRight(v7 ^ v8, 25);
            v2 += v7 + mc[13]; v13 = Long.rotateRight(v13 ^ v2, 16);
            v8 += v13;         v7 = Long.rotateRight(v7 ^ v8, 11);

            v3 += v4 + mc[14]; v14 = Long.rotateRight(v14 ^ v3, 32);
            v9 += v14;         v4 = Long.rotateRight(v4 ^ v9, 25);
            v3 += v4 + mc[15]; v14 = Long.rotateRight(v14 ^ v3, 16);
            v9 += v14;         v4 = Long.rotateRight(v4 ^ v9, 11);
        }

        // Finalization with a zero salt: h ^= v[i] ^ v[i + 8].
        h[0] ^= v0 ^ v8;
        h[1] ^= v1 ^ v9;
        h[2] ^= v2 ^ v10;
        h[3] ^= v3 ^ v11;
        h[4] ^= v4 ^ v12;
        h[5] ^= v5 ^ v13;
        h[6] ^= v6 ^ v14;
        h[7] ^= v7 ^ v15;
    }
}
