package io.poolkit.core.pow.x11;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * Luffa-512 as submitted to the SHA-3 second round and implemented by sphlib, as X11 uses it.
 *
 * <p>A sponge-like chain of five 256-bit sub-permutations Q0..Q4 (8 steps each) over a 1280-bit
 * state, absorbing 256-bit message blocks through the w = 5 message injection MI. After the
 * padded message, two blank rounds (zero message) each squeeze 256 bits of output, the XOR of the
 * five sub-states. Words are big-endian 32-bit.
 *
 * <p>Not thread safe: the instance reuses its state and scratch buffers on every call. Use one
 * instance per thread.
 */
public final class Luffa512 implements Hash512 {

    private static final VarHandle BE32 =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private static final int BLOCK_BYTES = 32;
    private static final int WIDTH = 5;
    private static final int STEPS = 8;

    /** Starting values V0..V4, eight words each. */
    private static final int[] IV = {
        0x6d251e69, 0x44b051e0, 0x4eaa6fb4, 0xdbf78465, 0x6e292011, 0x90152df4, 0xee058139, 0xdef610bb,
        0xc3b44b95, 0xd9d2f256, 0x70eee9a0, 0xde099fa3, 0x5d9b0557, 0x8fc944b3, 0xcf1ccf0e, 0x746cd581,
        0xf7efc89d, 0x5dba5781, 0x04016ce5, 0xad659c05, 0x0306194f, 0x666d1836, 0x24aa230a, 0x8b264ae7,
        0x858075d5, 0x36d79cce, 0xe571f7d7, 0x204b1f67, 0x35870c6a, 0x57e9e923, 0x14bcb808, 0x7cde72ce,
        0x6c68e9be, 0x5ec41e22, 0xc825b7c7, 0xaffb4363, 0xf5df3999, 0x0fc688f1, 0xb07224cc, 0x03e86cea,
    };

    /** Step constants added to word 0 of Qj: row j holds steps 0..7. */
    private static final int[] RC0 = {
        0x303994a6, 0xc0e65299, 0x6cc33a12, 0xdc56983e, 0x1e00108f, 0x7800423d, 0x8f5b7882, 0x96e1db12,
        0xb6de10ed, 0x70f47aae, 0x0707a3d4, 0x1c1e8f51, 0x707a3d45, 0xaeb28562, 0xbaca1589, 0x40a46f3e,
        0xfc20d9d2, 0x34552e25, 0x7ad8818f, 0x8438764a, 0xbb6de032, 0xedb780c8, 0xd9847356, 0xa2c78434,
        0xb213afa5, 0xc84ebe95, 0x4e608a22, 0x56d858fe, 0x343b138f, 0xd0ec4e3d, 0x2ceb4882, 0xb3ad2208,
        0xf0d2e9e3, 0xac11d7fa, 0x1bcb66f2, 0x6f2d9bc9, 0x78602649, 0x8edae952, 0x3b6ba548, 0xedae9520,
    };

    /** Step constants added to word 4 of Qj: row j holds steps 0..7. */
    private static final int[] RC4 = {
        0xe0337818, 0x441ba90d, 0x7f34d442, 0x9389217f, 0xe5a8bce6, 0x5274baf4, 0x26889ba7, 0x9a226e9d,
        0x01685f3d, 0x05a17cf4, 0xbd09caca, 0xf4272b28, 0x144ae5cc, 0xfaa7ae2b, 0x2e48f1c1, 0xb923c704,
        0xe25e72c1, 0xe623bb72, 0x5c58a4a4, 0x1e38e2e7, 0x78e38b9d, 0x27586719, 0x36eda57f, 0x703aace7,
        0xe028c9bf, 0x44756f91, 0x7e8fce32, 0x956548be, 0xfe191be2, 0x3cb226e5, 0x5944a28e, 0xa1c4c355,
        0x5090d577, 0x2d1925ab, 0xb46496ac, 0xd1925ab0, 0x29131ab6, 0x0fc053c3, 0x3f014f0c, 0xfc053c31,
    };

    /** Chaining state: sub-state Vj is words 8j .. 8j+7. */
    private final int[] v = new int[WIDTH * 8];
    /** Current message block as words; MI consumes (overwrites) it. */
    private final int[] msg = new int[8];
    /** MI scratch: the doubled sum of the sub-states, and the saved 2*V0 ^ V1. */
    private final int[] sum = new int[8];
    private final int[] tmp = new int[8];
    /** Last partial block plus padding. */
    private final byte[] tail = new byte[BLOCK_BYTES];

    /** Creates a hasher; cheap, but reuse it (one per thread). */
    public Luffa512() {
    }

    @Override
    public String name() {
        return "luffa512";
    }

    @Override
    public void hash(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        Objects.checkFromIndexSize(offset, length, input.length);
        Objects.checkFromIndexSize(outputOffset, DIGEST_BYTES, output.length);
        System.arraycopy(IV, 0, v, 0, v.length);

        int pos = 0;
        while (length - pos >= BLOCK_BYTES) {
            loadMessage(input, offset + pos);
            round();
            pos += BLOCK_BYTES;
        }

        // Padding: a 1 bit then zeros up to the block boundary (always at least one byte, so a
        // block-aligned message gets a whole extra block).
        int rest = length - pos;
        System.arraycopy(input, offset + pos, tail, 0, rest);
        tail[rest] = (byte) 0x80;
        Arrays.fill(tail, rest + 1, BLOCK_BYTES, (byte) 0);
        loadMessage(tail, 0);
        round();

        // Finalization: two blank rounds, each giving 256 bits of digest.
        for (int half = 0; half < 2; half++) {
            Arrays.fill(msg, 0);
            round();
            int o = outputOffset + 32 * half;
            for (int i = 0; i < 8; i++) {
                BE32.set(output, o + 4 * i, v[i] ^ v[8 + i] ^ v[16 + i] ^ v[24 + i] ^ v[32 + i]);
            }
        }
    }

    private void loadMessage(byte[] buf, int off) {
        for (int i = 0; i < 8; i++) {
            msg[i] = (int) BE32.get(buf, off + 4 * i);
        }
    }

    /** One round: message injection MI (w = 5) then the permutation P (tweak, then Q0..Q4). */
    private void round() {
        inject();
        for (int j = 0; j < WIDTH; j++) {
            permute(v, 8 * j, j);
        }
    }

    /**
     * Message injection for w = 5. The eight words of a sub-state hold 32 bit-sliced elements of
     * GF(2^8) (word i carries coefficient i) and "2 *" multiplies them all by x, which is a word
     * shuffle plus three XORs. The sequence below is the MI5 matrix product, written as a forward
     * and a backward chain of "Vj = 2 * Vj ^ neighbour" steps.
     */
    private void inject() {
        int[] v = this.v;
        int[] a = sum;
        int[] b = tmp;
        int[] m = msg;

        // Vj ^= 2 * (V0 ^ V1 ^ V2 ^ V3 ^ V4)
        for (int i = 0; i < 8; i++) {
            a[i] = v[i] ^ v[8 + i] ^ v[16 + i] ^ v[24 + i] ^ v[32 + i];
        }
        times2(a);
        for (int i = 0; i < v.length; i++) {
            v[i] ^= a[i & 7];
        }

        // Forward: b = 2*V0 ^ V1, V1 = 2*V1 ^ V2, ..., V3 = 2*V3 ^ V4, V4 = 2*V4 ^ V0.
        times2Xor(v, 0, v, 8, b, 0);
        times2Xor(v, 8, v, 16, v, 8);
        times2Xor(v, 16, v, 24, v, 16);
        times2Xor(v, 24, v, 32, v, 24);
        times2Xor(v, 32, v, 0, v, 32);

        // Backward: V0 = 2*b ^ V4, V4 = 2*V4 ^ V3, ..., V2 = 2*V2 ^ V1, V1 = 2*V1 ^ b.
        times2Xor(b, 0, v, 32, v, 0);
        times2Xor(v, 32, v, 24, v, 32);
        times2Xor(v, 24, v, 16, v, 24);
        times2Xor(v, 16, v, 8, v, 16);
        times2Xor(v, 8, b, 0, v, 8);

        // Vj ^= 2^j * M
        for (int j = 0; j < WIDTH; j++) {
            if (j > 0) {
                times2(m);
            }
            for (int i = 0; i < 8; i++) {
                v[8 * j + i] ^= m[i];
            }
        }
    }

    /** In-place x[0..7] = 2 * x[0..7], that is, times x modulo x^8 + x^4 + x^3 + x + 1. */
    private static void times2(int[] x) {
        int top = x[7];
        x[7] = x[6];
        x[6] = x[5];
        x[5] = x[4];
        x[4] = x[3] ^ top;
        x[3] = x[2] ^ top;
        x[2] = x[1];
        x[1] = x[0] ^ top;
        x[0] = top;
    }

    /**
     * d[q..q+7] = 2 * x[o..o+7] ^ y[p..p+7]. The x words are all read before anything is written,
     * so d may be x itself.
     */
    private static void times2Xor(int[] x, int o, int[] y, int p, int[] d, int q) {
        int x0 = x[o];
        int x1 = x[o + 1];
        int x2 = x[o + 2];
        int x3 = x[o + 3];
        int x4 = x[o + 4];
        int x5 = x[o + 5];
        int x6 = x[o + 6];
        int x7 = x[o + 7];
        d[q] = x7 ^ y[p];
        d[q + 1] = x0 ^ x7 ^ y[p + 1];
        d[q + 2] = x1 ^ y[p + 2];
        d[q + 3] = x2 ^ x7 ^ y[p + 3];
        d[q + 4] = x3 ^ x7 ^ y[p + 4];
        d[q + 5] = x4 ^ y[p + 5];
        d[q + 6] = x5 ^ y[p + 6];
        d[q + 7] = x6 ^ y[p + 7];
    }

    /**
     * Sub-permutation Qj on v[o..o+7]: the input tweak (words 4..7 rotated left by j bits), then 8
     * steps of SubCrumb, MixWord and AddConstant.
     */
    private static void permute(int[] v, int o, int j) {
        int x0 = v[o];
        int x1 = v[o + 1];
        int x2 = v[o + 2];
        int x3 = v[o + 3];
        int x4 = Integer.rotateLeft(v[o + 4], j);
        int x5 = Integer.rotateLeft(v[o + 5], j);
        int x6 = Integer.rotateLeft(v[o + 6], j);
        int x7 = Integer.rotateLeft(v[o + 7], j);
        int t;

        int[] rc0 = RC0;
        int[] rc4 = RC4;
        for (int r = 8 * j, end = r + STEPS; r < end; r++) {
            // SubCrumb: the 4-bit S-box applied bit-sliced to (x0, x1, x2, x3) ...
            t = x0;
            x0 |= x1;
            x2 ^= x3;
            x1 = ~x1;
            x0 ^= x3;
            x3 &= t;
            x1 ^= x3;
            x3 ^= x2;
            x2 &= x0;
            x0 = ~x0;
            x2 ^= x1;
            x1 |= x3;
            t ^= x1;
            x3 ^= x2;
            x2 &= x1;
            x1 ^= x0;
            x0 = t;

            // ... and to (x5, x6, x7, x4).
            t = x5;
            x5 |= x6;
            x7 ^= x4;
            x6 = ~x6;
            x5 ^= x4;
            x4 &= t;
            x6 ^= x4;
            x4 ^= x7;
            x7 &= x5;
            x5 = ~x5;
            x7 ^= x6;
            x6 |= x4;
            t ^= x6;
            x4 ^= x7;
            x7 &= x6;
            x6 ^= x5;
            x5 = t;

            // MixWord on the column pairs (xi, xi+4).
            x4 ^= x0;
            x0 = Integer.rotateLeft(x0, 2) ^ x4;
            x4 = Integer.rotateLeft(x4, 14) ^ x0;
            x0 = Integer.rotateLeft(x0, 10) ^ x4;
            x4 = Integer.rotateLeft(x4, 1);

            x5 ^= x1;
            x1 = Integer.rotateLeft(x1, 2) ^ x5;
            x5 = Integer.rotateLeft(x5, 14) ^ x1;
            x1 = Integer.rotateLeft(x1, 10) ^ x5;
            x5 = Integer.rotateLeft(x5, 1);

            x6 ^= x2;
            x2 = Integer.rotateLeft(x2, 2) ^ x6;
            x6 = Integer.rotateLeft(x6, 14) ^ x2;
            x2 = Integer.rotateLeft(x2, 10) ^ x6;
            x6 = Integer.rotateLeft(x6, 1);

            x7 ^= x3;
            x3 = Integer.rotateLeft(x3, 2) ^ x7;
            x7 = Integer.rotateLeft(x7, 14) ^ x3;
            x3 = Integer.rotateLeft(x3, 10) ^ x7;
            x7 = Integer.rotateLeft(x7, 1);

            // AddConstant.
            x0 ^= rc0[r];
            x4 ^= rc4[r];
        }

        v[o] = x0;
        v[o + 1] = x1;
        v[o + 2] = x2;
        v[o + 3] = x3;
        v[o + 4] = x4;
        v[o + 5] = x5;
        v[o + 6] = x6;
        v[o + 7] = x7;
    }
}
