package io.poolkit.core.pow;

/**
 * The SHA-256 compression function of FIPS 180-4 (section 6.2.2) on an explicit chaining state, for code
 * that needs to stop between blocks (midstates, HMAC key states, fixed-padding blocks) which
 * {@link java.security.MessageDigest} cannot expose.
 *
 * <p>Words are the big-endian 32-bit words of the standard. A state is an {@code int[8]} (H0..H7); a
 * message schedule is a caller-owned {@code int[64]} whose first 16 entries hold the block and whose
 * other entries are scratch, so compressing allocates nothing. All methods are stateless and thread safe
 * as long as callers do not share the arrays they pass.
 */
public final class Sha256Compression {

    /** Bytes in one message block. */
    public static final int BLOCK_BYTES = 64;

    /** Words in a chaining state (and in a digest). */
    public static final int STATE_WORDS = 8;

    /** Words in a message schedule array: 16 of block, 48 expanded. */
    public static final int SCHEDULE_WORDS = 64;

    /** Initial hash value H(0): first 32 bits of the fractional parts of the square roots of the first 8 primes. */
    private static final int[] INITIAL_STATE = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };

    /** Round constants K: first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
    static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    private Sha256Compression() {
    }

    /** A fresh copy of the initial state H(0); the caller may modify it. */
    public static int[] initialState() {
        return INITIAL_STATE.clone();
    }

    /** Word {@code index} (0..7) of the initial state H(0). */
    public static int initialStateWord(int index) {
        return INITIAL_STATE[index];
    }

    /** Copies the initial state H(0) into {@code state[0..8)}. */
    public static void resetState(int[] state) {
        System.arraycopy(INITIAL_STATE, 0, state, 0, STATE_WORDS);
    }

    /**
     * Compresses the 64-byte block at {@code block[offset..offset+64)} into {@code state}.
     *
     * @param schedule caller-owned scratch of at least 64 ints (overwritten)
     */
    public static void compress(int[] state, byte[] block, int offset, int[] schedule) {
        for (int i = 0; i < 16; i++) {
            schedule[i] = readIntBe(block, offset + 4 * i);
        }
        compress(state, schedule);
    }

    /**
     * Compresses one block, given as 16 big-endian words in {@code schedule[0..16)}, into {@code state}.
     * Entries 16..63 of {@code schedule} are overwritten with the expanded message; entries 0..15 are kept.
     */
    public static void compress(int[] state, int[] schedule) {
        final int[] w = schedule;
        for (int i = 16; i < 64; i++) {
            int x = w[i - 2];
            int y = w[i - 15];
            w[i] = (Integer.rotateRight(x, 17) ^ Integer.rotateRight(x, 19) ^ (x >>> 10)) + w[i - 7]
                    + (Integer.rotateRight(y, 7) ^ Integer.rotateRight(y, 18) ^ (y >>> 3)) + w[i - 16];
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        int f = state[5];
        int g = state[6];
        int h = state[7];
        // Eight rounds per iteration with the variable roles rotated by hand, so no values are shuffled
        // between rounds; after eight rounds every variable is back in its own role.
        // Each round: h += T1; d += T1 (new e); h += T2 (new a).
        for (int i = 0; i < 64; i += 8) {
            h += sigma1(e) + (g ^ (e & (f ^ g))) + K[i] + w[i];
            d += h;
            h += sigma0(a) + ((a & b) | (c & (a | b)));
            g += sigma1(d) + (f ^ (d & (e ^ f))) + K[i + 1] + w[i + 1];
            c += g;
            g += sigma0(h) + ((h & a) | (b & (h | a)));
            f += sigma1(c) + (e ^ (c & (d ^ e))) + K[i + 2] + w[i + 2];
            b += f;
            f += sigma0(g) + ((g & h) | (a & (g | h)));
            e += sigma1(b) + (d ^ (b & (c ^ d))) + K[i + 3] + w[i + 3];
            a += e;
            e += sigma0(f) + ((f & g) | (h & (f | g)));
            d += sigma1(a) + (c ^ (a & (b ^ c))) + K[i + 4] + w[i + 4];
            h += d;
            d += sigma0(e) + ((e & f) | (g & (e | f)));
            c += sigma1(h) + (b ^ (h & (a ^ b))) + K[i + 5] + w[i + 5];
            g += c;
            c += sigma0(d) + ((d & e) | (f & (d | e)));
            b += sigma1(g) + (a ^ (g & (h ^ a))) + K[i + 6] + w[i + 6];
            f += b;
            b += sigma0(c) + ((c & d) | (e & (c | d)));
            a += sigma1(f) + (h ^ (f & (g ^ h))) + K[i + 7] + w[i + 7];
            e += a;
            a += sigma0(b) + ((b & c) | (d & (b | c)));
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    /** Upper-case Sigma0 of the standard (applied to working variable a). */
    static int sigma0(int x) {
        return Integer.rotateRight(x, 2) ^ Integer.rotateRight(x, 13) ^ Integer.rotateRight(x, 22);
    }

    /** Upper-case Sigma1 of the standard (applied to working variable e). */
    static int sigma1(int x) {
        return Integer.rotateRight(x, 6) ^ Integer.rotateRight(x, 11) ^ Integer.rotateRight(x, 25);
    }

    /**
     * Runs rounds {@code from..to-1} on working variables held in {@code work[0..8)} (a..h), without the
     * final feed-forward addition; {@code schedule[from..to)} must already be expanded. Used to precompute
     * rounds whose inputs are the same for every nonce.
     */
    static void rounds(int[] work, int[] schedule, int from, int to) {
        int a = work[0];
        int b = work[1];
        int c = work[2];
        int d = work[3];
        int e = work[4];
        int f = work[5];
        int g = work[6];
        int h = work[7];
        for (int i = from; i < to; i++) {
            int t1 = h + sigma1(e) + (g ^ (e & (f ^ g))) + K[i] + schedule[i];
            int t2 = sigma0(a) + ((a & b) | (c & (a | b)));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        work[0] = a;
        work[1] = b;
        work[2] = c;
        work[3] = d;
        work[4] = e;
        work[5] = f;
        work[6] = g;
        work[7] = h;
    }

    /**
     * Compresses one block for many independent messages at once, without the feed-forward addition:
     * expands schedule rows 16..63, then runs rounds {@code fromRound..63}.
     *
     * <p>Layout: {@code w[i][lane]} is schedule word i of message {@code lane} (rows 0..15 filled by the
     * caller). {@code work[slot][lane]} holds the working variables in rotated slots: at round i, variable
     * v (0 = a .. 7 = h) lives in slot {@code (v - i) & 7}. Starting at round 0 that is simply a..h in
     * slots 0..7, and after round 63 they are back in slots 0..7. Rotating slots instead of moving values
     * keeps each round to two stores per lane.
     *
     * <p>Every loop runs over lanes and is written in the plain form (per-round loads, {@code D[j] += t1},
     * {@code H[j] = ...}) that HotSpot's superword pass turns into SIMD code. Fusing several rounds into one
     * lane loop defeats it, and so does inlining this method into a caller with many other loops; the
     * method is deliberately kept above the JIT's inlining size (FreqInlineSize, 325 bytecodes) so that it
     * is compiled on its own.
     */
    static void compressLanes(int[][] work, int[][] w, int fromRound, int lanes) {
        for (int i = 16; i < 64; i++) {
            final int[] out = w[i];
            final int[] w2 = w[i - 2];
            final int[] w7 = w[i - 7];
            final int[] w15 = w[i - 15];
            final int[] w16 = w[i - 16];
            for (int j = 0; j < lanes; j++) {
                int x = w2[j];
                int y = w15[j];
                out[j] = (Integer.rotateRight(x, 17) ^ Integer.rotateRight(x, 19) ^ (x >>> 10)) + w7[j]
                        + (Integer.rotateRight(y, 7) ^ Integer.rotateRight(y, 18) ^ (y >>> 3)) + w16[j];
            }
        }
        for (int i = fromRound; i < 64; i++) {
            final int[] va = work[-i & 7];
            final int[] vb = work[(1 - i) & 7];
            final int[] vc = work[(2 - i) & 7];
            final int[] vd = work[(3 - i) & 7];
            final int[] ve = work[(4 - i) & 7];
            final int[] vf = work[(5 - i) & 7];
            final int[] vg = work[(6 - i) & 7];
            final int[] vh = work[(7 - i) & 7];
            final int[] wi = w[i];
            final int k = K[i];
            for (int j = 0; j < lanes; j++) {
                int e = ve[j];
                int f = vf[j];
                int g = vg[j];
                int a = va[j];
                int b = vb[j];
                int c = vc[j];
                int t1 = vh[j] + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                        + (g ^ (e & (f ^ g))) + k + wi[j];
                vd[j] += t1;
                vh[j] = t1 + (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                        + ((a & b) | (c & (a | b)));
            }
        }
    }

    /** Reads the big-endian int at {@code b[off..off+4)}. */
    static int readIntBe(byte[] b, int off) {
        return (b[off] << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    /** Writes {@code v} big-endian into {@code b[off..off+4)}. */
    static void writeIntBe(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
