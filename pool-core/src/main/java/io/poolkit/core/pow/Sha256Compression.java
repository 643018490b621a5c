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
     * One SHA-256 block compression for many independent messages ("lanes") at once, laid out so that
     * HotSpot's superword pass turns the loops over lanes into SIMD code (AVX2: 8 lanes per instruction).
     *
     * <p>Row-major layout: {@code schedule[i][lane]} is message word i of a lane (rows 0..15 are filled by
     * the caller, rows 16..63 are expanded here), {@code chaining[v][lane]} the input chaining value and
     * {@code state[v][lane]} the output state. The working variables live in {@code state} in rotated
     * slots (variable v at round i in slot {@code (v - i) & 7}), so each round stores two values per lane
     * instead of shifting eight; after 64 rounds they are back in slots 0..7.
     *
     * <p>The shape of {@link #compress()} is deliberate: HotSpot 17 vectorized this exact form (an instance
     * method over final fields, schedule expansion, state copy, 64 rounds from round 0, feed-forward, each a
     * plain loop over lanes, one round per loop) about four times faster than scalar code, while seemingly
     * neutral rewrites (a static method over parameters, starting at a later round, fusing rounds into one
     * lane loop, dropping the feed-forward loop) silently lost the vectorization. Check throughput before
     * restructuring it.
     */
    static final class Lanes {
        final int lanes;
        final int[][] schedule;
        final int[][] chaining;
        final int[][] state;

        Lanes(int lanes) {
            this.lanes = lanes;
            this.schedule = new int[SCHEDULE_WORDS][lanes];
            this.chaining = new int[STATE_WORDS][lanes];
            this.state = new int[STATE_WORDS][lanes];
        }

        /** {@code state = chaining + F(chaining, schedule)} for every lane. */
        void compress() {
            final int lanes = this.lanes;
            for (int i = 16; i < 64; i++) {
                int[] out = schedule[i];
                int[] w2 = schedule[i - 2];
                int[] w7 = schedule[i - 7];
                int[] w15 = schedule[i - 15];
                int[] w16 = schedule[i - 16];
                for (int j = 0; j < lanes; j++) {
                    int x = w2[j];
                    int y = w15[j];
                    out[j] = (Integer.rotateRight(x, 17) ^ Integer.rotateRight(x, 19) ^ (x >>> 10)) + w7[j]
                            + (Integer.rotateRight(y, 7) ^ Integer.rotateRight(y, 18) ^ (y >>> 3)) + w16[j];
                }
            }
            for (int v = 0; v < 8; v++) {
                System.arraycopy(chaining[v], 0, state[v], 0, lanes);
            }
            for (int i = 0; i < 64; i++) {
                int[] va = state[(0 - i) & 7];
                int[] vb = state[(1 - i) & 7];
                int[] vc = state[(2 - i) & 7];
                int[] vd = state[(3 - i) & 7];
                int[] ve = state[(4 - i) & 7];
                int[] vf = state[(5 - i) & 7];
                int[] vg = state[(6 - i) & 7];
                int[] vh = state[(7 - i) & 7];
                int[] wi = schedule[i];
                int k = K[i];
                for (int j = 0; j < lanes; j++) {
                    int e = ve[j];
                    int f = vf[j];
                    int g = vg[j];
                    int a = va[j];
                    int b = vb[j];
                    int c = vc[j];
                    int t1 = vh[j] + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                            + (g ^ (e & (f ^ g))) + k + wi[j];
                    vd[j] += t1; // new e
                    vh[j] = t1 + (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                            + ((a & b) | (c & (a | b))); // new a
                }
            }
            for (int v = 0; v < 8; v++) {
                int[] s = state[v];
                int[] h = chaining[v];
                for (int j = 0; j < lanes; j++) {
                    s[j] += h[j];
                }
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
