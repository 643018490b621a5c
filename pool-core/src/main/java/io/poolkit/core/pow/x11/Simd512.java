package io.poolkit.core.pow.x11;

import java.util.Arrays;
import java.util.Objects;

/**
 * SIMD-512, the SHA-3 round-2 submission of Leurent, Bouillaguet and Fouque (with the tweaked
 * round-2 step permutations), bit-exact with the sphlib 3.0 {@code sph_simd512} that Dash's X11
 * chains.
 *
 * <p>Each 128-byte block is expanded by a 256-point number-theoretic transform over Z/257 (root 41)
 * into 256 small words, packed two by two into 32-bit message words for four Feistel-like rounds of
 * eight steps on a 4x8 word state, followed by four feed-forward steps that mix in the chaining
 * value. The message is zero-padded to a block boundary, then a last block carrying the bit length
 * is compressed with the "final" transform offsets.
 *
 * <p>All scratch space lives in the instance, so hashing allocates nothing, but an instance is not
 * thread safe: use one per thread.
 */
public final class Simd512 implements Hash512 {

    private static final int BLOCK_BYTES = 128;

    /** Transform size: the 128 message bytes are zero-extended to 256 coefficients. */
    private static final int N = 256;

    private static final int[] IV = {
        0x0BA16B95, 0x72F999AD, 0x9FECC2AE, 0xBA3264FC, 0x5E894929, 0x8E9F30E5, 0x2F1DAA37, 0xF0F2C558,
        0xAC506643, 0xA90635A5, 0xE25B878B, 0xAAB7878F, 0x88817F7A, 0x0A02892B, 0x559A7550, 0x598F657E,
        0x7EEF60A1, 0x6B70E3E8, 0x9C1714D1, 0xB958E2A8, 0xAB02675E, 0xED1C014F, 0xCD8D65BB, 0xFDB7A257,
        0x09254899, 0xD699C7BC, 0x9019B6DC, 0x2B9022E4, 0x8FA14956, 0x21BF9BD3, 0xB94D0943, 0x6FFDDC22,
    };

    /** 41^k mod 257 for k = 0..255 (41 has order 256 mod 257, and 41^16 = 2). */
    private static final int[] POW41 = new int[N];

    /**
     * Twiddles of the 16x16 split of the transform: entry {@code 16*i1 + j2} is 41^(i1*j2) mod 257
     * as a signed value in [-128, 128], which keeps the products small.
     */
    private static final int[] TWIDDLE = new int[N];

    /** Added to the transform output: 41^(-i) for ordinary blocks, 41^(-i) + 41^(-3i) for the last. */
    private static final int[] OFFSET_NORMAL = new int[N];
    private static final int[] OFFSET_FINAL = new int[N];

    /**
     * For message word {@code 8*t + k} of step t: indices of the two expanded values packed into it.
     * Rounds 0-1 pair neighbours (2m, 2m+1); rounds 2-3 pair m with m+128.
     */
    private static final int[] W_LO = new int[N];
    private static final int[] W_HI = new int[N];

    /** Order in which the 32 groups of expanded values feed the 32 round steps. */
    private static final int[] GROUP_ORDER = {
        4, 6, 0, 2, 7, 5, 3, 1,
        15, 11, 12, 8, 9, 13, 10, 14,
        17, 18, 23, 20, 22, 21, 16, 19,
        30, 24, 25, 31, 27, 29, 28, 26,
    };

    /** Rotation amounts (p0..p3) of each round; the feed-forward steps reuse the last round's. */
    private static final int[][] ROUND_ROT = {
        {3, 23, 17, 27}, {28, 19, 22, 7}, {29, 9, 15, 5}, {4, 13, 10, 25},
    };

    /** XOR masks of the lane permutation; step t uses {@code PERM_MASK[t % 7]}. */
    private static final int[] PERM_MASK = {1, 6, 2, 3, 5, 7, 4};

    private static final int STEPS = 36;
    private static final int[] STEP_R = new int[STEPS];
    private static final int[] STEP_S = new int[STEPS];
    private static final int[] STEP_MASK = new int[STEPS];
    private static final boolean[] STEP_IF = new boolean[STEPS];

    static {
        int p = 1;
        for (int k = 0; k < N; k++) {
            POW41[k] = p;
            p = p * 41 % 257;
        }
        for (int i1 = 0; i1 < 16; i1++) {
            for (int j2 = 0; j2 < 16; j2++) {
                int v = POW41[(i1 * j2) & 0xFF];
                TWIDDLE[16 * i1 + j2] = v > 128 ? v - 257 : v;
            }
        }
        for (int i = 0; i < N; i++) {
            int inv1 = POW41[(-i) & 0xFF];
            int inv3 = POW41[(-3 * i) & 0xFF];
            OFFSET_NORMAL[i] = inv1;
            OFFSET_FINAL[i] = (inv1 + inv3) % 257;
        }
        for (int t = 0; t < 32; t++) {
            int g = GROUP_ORDER[t];
            for (int k = 0; k < 8; k++) {
                int lo;
                int hi;
                if (t < 16) {
                    lo = 16 * g + 2 * k;
                    hi = lo + 1;
                } else if (t < 24) {
                    lo = 16 * (g - 16) + 2 * k;
                    hi = lo + 128;
                } else {
                    lo = 16 * (g - 24) + 2 * k + 1;
                    hi = lo + 128;
                }
                W_LO[8 * t + k] = lo;
                W_HI[8 * t + k] = hi;
            }
        }
        for (int t = 0; t < STEPS; t++) {
            int[] rot = ROUND_ROT[Math.min(t >> 3, 3)];
            int i = t & 7;
            STEP_R[t] = rot[i & 3];
            STEP_S[t] = rot[(i + 1) & 3];
            STEP_MASK[t] = PERM_MASK[t % 7];
            // The first half of each round uses IF, the second MAJ; feed-forward steps use IF.
            STEP_IF[t] = t >= 32 || i < 4;
        }
    }

    /** Chaining value: A0..A7, B0..B7, C0..C7, D0..D7. */
    private final int[] state = new int[32];
    /** Input of the step rounds: the chaining value XOR the message block. */
    private final int[] x = new int[32];
    /** Zero-padded copy of a trailing partial block. */
    private final byte[] buf = new byte[BLOCK_BYTES];
    /** Intermediate of the 16x16 transform, laid out as [i1][j2]. */
    private final int[] mid = new int[N];
    /** Expanded message: the transform output reduced to [-128, 128]. */
    private final int[] q = new int[N];
    /** 256 round message words followed by 32 feed-forward words (the incoming chaining value). */
    private final int[] w = new int[N + 32];
    /**
     * Round words of the length block for {@link #finalBits}. Mining hashes messages of one fixed
     * length (64 or 80 bytes), so the length block's expansion is computed once and reused.
     */
    private final int[] finalW = new int[N + 32];
    private long finalBits = -1;
    /** rotl(A, r) of the current step, indexed by lane for the XOR permutation. */
    private final int[] rotA = new int[8];

    public Simd512() {
    }

    @Override
    public String name() {
        return "simd512";
    }

    @Override
    public void hash(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        Objects.checkFromIndexSize(offset, length, input.length);
        Objects.checkFromIndexSize(outputOffset, DIGEST_BYTES, output.length);

        System.arraycopy(IV, 0, state, 0, 32);
        int end = offset + length;
        int pos = offset;
        for (; end - pos >= BLOCK_BYTES; pos += BLOCK_BYTES) {
            compress(input, pos);
        }
        int rem = end - pos;
        if (rem > 0) {
            System.arraycopy(input, pos, buf, 0, rem);
            Arrays.fill(buf, rem, BLOCK_BYTES, (byte) 0);
            compress(buf, 0);
        }
        compressLength((long) length << 3);

        for (int i = 0; i < 16; i++) {
            int v = state[i];
            int o = outputOffset + 4 * i;
            output[o] = (byte) v;
            output[o + 1] = (byte) (v >>> 8);
            output[o + 2] = (byte) (v >>> 16);
            output[o + 3] = (byte) (v >>> 24);
        }
    }

    /** Compresses one ordinary 128-byte block read from {@code blk} at {@code off}. */
    private void compress(byte[] blk, int off) {
        expand(blk, off);
        buildWords(w);
        int[] st = state;
        int[] in = x;
        for (int i = 0; i < 32; i++) {
            in[i] = st[i] ^ le32(blk, off + 4 * i);
        }
        rounds(w);
    }

    /**
     * Compresses the last block, which holds only the message length in bits (little-endian, first
     * eight bytes), with the final-block transform offsets.
     */
    private void compressLength(long bitLength) {
        if (bitLength != finalBits) {
            expandLength(bitLength);
            buildWords(finalW);
            finalBits = bitLength;
        }
        int[] in = x;
        System.arraycopy(state, 0, in, 0, 32);
        in[0] ^= (int) bitLength;
        in[1] ^= (int) (bitLength >>> 32);
        rounds(finalW);
    }

    /**
     * Expansion of the length block. With at most eight non-zero bytes the transform is cheaper
     * evaluated directly: q[i] = sum_j x_j 41^(ij) + 41^(-i) + 41^(-3i) mod 257.
     */
    private void expandLength(long bitLength) {
        int[] qq = q;
        System.arraycopy(OFFSET_FINAL, 0, qq, 0, N);
        for (int j = 0; j < 8; j++) {
            int b = (int) (bitLength >>> (8 * j)) & 0xFF;
            if (b != 0) {
                // Sum stays below 256 + 8 * 255 * 256, far from overflow.
                for (int i = 0; i < N; i++) {
                    qq[i] += b * POW41[(i * j) & 0xFF];
                }
            }
        }
        for (int i = 0; i < N; i++) {
            qq[i] = centered(qq[i]);
        }
    }

    /**
     * Message expansion of an ordinary block: q[i] = sum_{j<128} x_j 41^(ij) + 41^(-i) mod 257.
     *
     * <p>With i = i1 + 16*i2 and j = 16*j1 + j2, and 41^16 = 2, the transform factors into sixteen
     * 16-point transforms of root 2 over j1 (only 8 non-zero inputs), a twiddle by 41^(i1*j2), then
     * sixteen 16-point transforms of root 2 over j2. Root-2 transforms need only shifts and adds.
     */
    private void expand(byte[] blk, int off) {
        int[] m = mid;
        for (int j2 = 0; j2 < 16; j2++) {
            rowTransform(blk, off + j2, m, j2);
        }
        // Row outputs are below 2^26; fold them to |v| <= 258 before the twiddle, then fold the
        // product back to |v| <= 384 so the column transforms stay below 2^27.
        for (int k = 0; k < N; k++) {
            m[k] = reds1(reds1(reds2(m[k])) * TWIDDLE[k]);
        }
        int[] qq = q;
        for (int i1 = 0; i1 < 16; i1++) {
            columnTransform(m, 16 * i1, qq, i1);
        }
        for (int i = 0; i < N; i++) {
            qq[i] = centered(qq[i] + OFFSET_NORMAL[i]);
        }
    }

    /**
     * 16-point transform of root 2 of the 8 bytes src[s], src[s+16], ..., src[s+112] (the upper 8
     * inputs are the zero extension), written to dst[d + 16*k] for k = 0..15. Decimation in time:
     * two 8-point transforms of root 4, each from two 4-point transforms of root 16; since
     * 2^8 = -1 mod 257 every twiddle is a shift.
     */
    private static void rowTransform(byte[] src, int s, int[] dst, int d) {
        int x0 = src[s] & 0xFF;
        int x1 = src[s + 16] & 0xFF;
        int x2 = src[s + 32] & 0xFF;
        int x3 = src[s + 48] & 0xFF;
        int x4 = src[s + 64] & 0xFF;
        int x5 = src[s + 80] & 0xFF;
        int x6 = src[s + 96] & 0xFF;
        int x7 = src[s + 112] & 0xFF;

        // 4-point transforms of (x0, x4, 0, 0), (x2, x6, 0, 0), (x1, x5, 0, 0), (x3, x7, 0, 0).
        int ee0 = x0 + x4;
        int ee2 = x0 - x4;
        int ee1 = x0 + (x4 << 4);
        int ee3 = x0 - (x4 << 4);
        int eo0 = x2 + x6;
        int eo2 = x2 - x6;
        int eo1 = x2 + (x6 << 4);
        int eo3 = x2 - (x6 << 4);
        int oe0 = x1 + x5;
        int oe2 = x1 - x5;
        int oe1 = x1 + (x5 << 4);
        int oe3 = x1 - (x5 << 4);
        int oo0 = x3 + x7;
        int oo2 = x3 - x7;
        int oo1 = x3 + (x7 << 4);
        int oo3 = x3 - (x7 << 4);

        combine16(ee0, ee1, ee2, ee3, eo0, eo1, eo2, eo3, oe0, oe1, oe2, oe3, oo0, oo1, oo2, oo3, dst, d);
    }

    /** 16-point transform of root 2 of src[s..s+15], written to dst[d + 16*k] for k = 0..15. */
    private static void columnTransform(int[] src, int s, int[] dst, int d) {
        int x0 = src[s];
        int x1 = src[s + 1];
        int x2 = src[s + 2];
        int x3 = src[s + 3];
        int x4 = src[s + 4];
        int x5 = src[s + 5];
        int x6 = src[s + 6];
        int x7 = src[s + 7];
        int x8 = src[s + 8];
        int x9 = src[s + 9];
        int x10 = src[s + 10];
        int x11 = src[s + 11];
        int x12 = src[s + 12];
        int x13 = src[s + 13];
        int x14 = src[s + 14];
        int x15 = src[s + 15];

        // 4-point transforms (root 16, 16^2 = -1) of inputs n = r, r+4, r+8, r+12 for r = 0, 2, 1, 3.
        int a = x0 + x8;
        int b = x0 - x8;
        int c = x4 + x12;
        int e = (x4 - x12) << 4;
        int ee0 = a + c;
        int ee2 = a - c;
        int ee1 = b + e;
        int ee3 = b - e;
        a = x2 + x10;
        b = x2 - x10;
        c = x6 + x14;
        e = (x6 - x14) << 4;
        int eo0 = a + c;
        int eo2 = a - c;
        int eo1 = b + e;
        int eo3 = b - e;
        a = x1 + x9;
        b = x1 - x9;
        c = x5 + x13;
        e = (x5 - x13) << 4;
        int oe0 = a + c;
        int oe2 = a - c;
        int oe1 = b + e;
        int oe3 = b - e;
        a = x3 + x11;
        b = x3 - x11;
        c = x7 + x15;
        e = (x7 - x15) << 4;
        int oo0 = a + c;
        int oo2 = a - c;
        int oo1 = b + e;
        int oo3 = b - e;

        combine16(ee0, ee1, ee2, ee3, eo0, eo1, eo2, eo3, oe0, oe1, oe2, oe3, oo0, oo1, oo2, oo3, dst, d);
    }

    /**
     * Last two butterfly layers of a 16-point root-2 transform, from the four 4-point transforms of
     * the inputs congruent to 0, 2, 1, 3 mod 4: twiddles 4^k (8-point), then 2^k (16-point).
     */
    private static void combine16(
            int ee0, int ee1, int ee2, int ee3, int eo0, int eo1, int eo2, int eo3,
            int oe0, int oe1, int oe2, int oe3, int oo0, int oo1, int oo2, int oo3,
            int[] dst, int d) {
        int e0 = ee0 + eo0;
        int e4 = ee0 - eo0;
        int e1 = ee1 + (eo1 << 2);
        int e5 = ee1 - (eo1 << 2);
        int e2 = ee2 + (eo2 << 4);
        int e6 = ee2 - (eo2 << 4);
        int e3 = ee3 + (eo3 << 6);
        int e7 = ee3 - (eo3 << 6);

        int o0 = oe0 + oo0;
        int o4 = oe0 - oo0;
        int o1 = oe1 + (oo1 << 2);
        int o5 = oe1 - (oo1 << 2);
        int o2 = oe2 + (oo2 << 4);
        int o6 = oe2 - (oo2 << 4);
        int o3 = oe3 + (oo3 << 6);
        int o7 = oe3 - (oo3 << 6);

        dst[d] = e0 + o0;
        dst[d + 128] = e0 - o0;
        dst[d + 16] = e1 + (o1 << 1);
        dst[d + 144] = e1 - (o1 << 1);
        dst[d + 32] = e2 + (o2 << 2);
        dst[d + 160] = e2 - (o2 << 2);
        dst[d + 48] = e3 + (o3 << 3);
        dst[d + 176] = e3 - (o3 << 3);
        dst[d + 64] = e4 + (o4 << 4);
        dst[d + 192] = e4 - (o4 << 4);
        dst[d + 80] = e5 + (o5 << 5);
        dst[d + 208] = e5 - (o5 << 5);
        dst[d + 96] = e6 + (o6 << 6);
        dst[d + 224] = e6 - (o6 << 6);
        dst[d + 112] = e7 + (o7 << 7);
        dst[d + 240] = e7 - (o7 << 7);
    }

    /**
     * Packs the expanded message {@link #q} two by two into the 256 round words: step t gets words
     * 8t..8t+7, multiplied by 185 in rounds 0-1 and by 233 in rounds 2-3.
     */
    private void buildWords(int[] words) {
        int[] qq = q;
        for (int k = 0; k < 128; k++) {
            words[k] = ((qq[W_LO[k]] * 185) & 0xFFFF) | (qq[W_HI[k]] * 185 << 16);
        }
        for (int k = 128; k < N; k++) {
            words[k] = ((qq[W_LO[k]] * 233) & 0xFFFF) | (qq[W_HI[k]] * 233 << 16);
        }
    }

    /**
     * Runs the 32 round steps and the 4 feed-forward steps on {@link #x} with the given round words
     * and stores the new chaining value. The state is kept in locals (lane j of A is {@code aj}):
     * this is the inner loop of the hash.
     */
    private void rounds(int[] words) {
        // Feed-forward steps use the incoming chaining value as their words.
        System.arraycopy(state, 0, words, N, 32);
        int[] in = x;
        int a0 = in[0], a1 = in[1], a2 = in[2], a3 = in[3], a4 = in[4], a5 = in[5], a6 = in[6], a7 = in[7];
        int b0 = in[8], b1 = in[9], b2 = in[10], b3 = in[11], b4 = in[12], b5 = in[13], b6 = in[14], b7 = in[15];
        int c0 = in[16], c1 = in[17], c2 = in[18], c3 = in[19], c4 = in[20], c5 = in[21], c6 = in[22], c7 = in[23];
        int d0 = in[24], d1 = in[25], d2 = in[26], d3 = in[27], d4 = in[28], d5 = in[29], d6 = in[30], d7 = in[31];
        int[] ra = rotA;
        for (int t = 0; t < STEPS; t++) {
            int r = STEP_R[t];
            int s = STEP_S[t];
            int m = STEP_MASK[t];
            int wo = t << 3;
            int t0 = Integer.rotateLeft(a0, r);
            int t1 = Integer.rotateLeft(a1, r);
            int t2 = Integer.rotateLeft(a2, r);
            int t3 = Integer.rotateLeft(a3, r);
            int t4 = Integer.rotateLeft(a4, r);
            int t5 = Integer.rotateLeft(a5, r);
            int t6 = Integer.rotateLeft(a6, r);
            int t7 = Integer.rotateLeft(a7, r);
            ra[0] = t0;
            ra[1] = t1;
            ra[2] = t2;
            ra[3] = t3;
            ra[4] = t4;
            ra[5] = t5;
            ra[6] = t6;
            ra[7] = t7;
            // Boolean function: IF(a, b, c) = a ? b : c, or MAJ(a, b, c), bitwise.
            int f0, f1, f2, f3, f4, f5, f6, f7;
            if (STEP_IF[t]) {
                f0 = ((b0 ^ c0) & a0) ^ c0;
                f1 = ((b1 ^ c1) & a1) ^ c1;
                f2 = ((b2 ^ c2) & a2) ^ c2;
                f3 = ((b3 ^ c3) & a3) ^ c3;
                f4 = ((b4 ^ c4) & a4) ^ c4;
                f5 = ((b5 ^ c5) & a5) ^ c5;
                f6 = ((b6 ^ c6) & a6) ^ c6;
                f7 = ((b7 ^ c7) & a7) ^ c7;
            } else {
                f0 = (a0 & b0) | ((a0 | b0) & c0);
                f1 = (a1 & b1) | ((a1 | b1) & c1);
                f2 = (a2 & b2) | ((a2 | b2) & c2);
                f3 = (a3 & b3) | ((a3 | b3) & c3);
                f4 = (a4 & b4) | ((a4 | b4) & c4);
                f5 = (a5 & b5) | ((a5 | b5) & c5);
                f6 = (a6 & b6) | ((a6 | b6) & c6);
                f7 = (a7 & b7) | ((a7 | b7) & c7);
            }
            // (A, B, C, D) <- (rotl(D + W + f, s) + rotl(A, r)[lane ^ m], rotl(A, r), B, C)
            int n0 = Integer.rotateLeft(d0 + words[wo] + f0, s) + ra[m];
            int n1 = Integer.rotateLeft(d1 + words[wo + 1] + f1, s) + ra[1 ^ m];
            int n2 = Integer.rotateLeft(d2 + words[wo + 2] + f2, s) + ra[2 ^ m];
            int n3 = Integer.rotateLeft(d3 + words[wo + 3] + f3, s) + ra[3 ^ m];
            int n4 = Integer.rotateLeft(d4 + words[wo + 4] + f4, s) + ra[4 ^ m];
            int n5 = Integer.rotateLeft(d5 + words[wo + 5] + f5, s) + ra[5 ^ m];
            int n6 = Integer.rotateLeft(d6 + words[wo + 6] + f6, s) + ra[6 ^ m];
            int n7 = Integer.rotateLeft(d7 + words[wo + 7] + f7, s) + ra[7 ^ m];
            d0 = c0; d1 = c1; d2 = c2; d3 = c3; d4 = c4; d5 = c5; d6 = c6; d7 = c7;
            c0 = b0; c1 = b1; c2 = b2; c3 = b3; c4 = b4; c5 = b5; c6 = b6; c7 = b7;
            b0 = t0; b1 = t1; b2 = t2; b3 = t3; b4 = t4; b5 = t5; b6 = t6; b7 = t7;
            a0 = n0; a1 = n1; a2 = n2; a3 = n3; a4 = n4; a5 = n5; a6 = n6; a7 = n7;
        }
        int[] st = state;
        st[0] = a0; st[1] = a1; st[2] = a2; st[3] = a3; st[4] = a4; st[5] = a5; st[6] = a6; st[7] = a7;
        st[8] = b0; st[9] = b1; st[10] = b2; st[11] = b3; st[12] = b4; st[13] = b5; st[14] = b6; st[15] = b7;
        st[16] = c0; st[17] = c1; st[18] = c2; st[19] = c3; st[20] = c4; st[21] = c5; st[22] = c6; st[23] = c7;
        st[24] = d0; st[25] = d1; st[26] = d2; st[27] = d3; st[28] = d4; st[29] = d5; st[30] = d6; st[31] = d7;
    }

    private static int le32(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | b[i + 3] << 24;
    }

    /** Partial reduction using 2^16 = 1 mod 257: any int maps into [-32768, 98302]. */
    private static int reds2(int x) {
        return (x & 0xFFFF) + (x >> 16);
    }

    /** Partial reduction using 2^8 = -1 mod 257: [-32768, 98302] maps into [-383, 383]. */
    private static int reds1(int x) {
        return (x & 0xFF) - (x >> 8);
    }

    /** The representative of x mod 257 in [-128, 128], for any int x. */
    private static int centered(int x) {
        x = reds1(reds1(reds2(x))); // now in [-1, 257]
        return x - (257 & ((128 - x) >> 31)); // branch-free, so the loops can vectorize
    }
}
