package io.poolkit.hn.random;

/**
 * The Mersenne Twister MT19937 (Matsumoto and Nishimura), 32-bit output, with the reference
 * {@code init_genrand} and {@code init_by_array} seeding that CPython uses. Not thread safe.
 */
final class Mt19937 {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int index = N + 1;

    /** Seeds from a single 32-bit value (reference {@code init_genrand}). */
    void initGenrand(int seed) {
        mt[0] = seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** Seeds from an array of 32-bit words (reference {@code init_by_array}); the key must not be empty. */
    void initByArray(int[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("the MT19937 seed key must have at least one word");
        }
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = UPPER_MASK;
        index = N;
    }

    /** The next 32 random bits (reference {@code genrand_uint32}), as a signed int. */
    int nextInt32() {
        if (index >= N) {
            if (index == N + 1) {
                throw new IllegalStateException("MT19937 used before it was seeded");
            }
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            int next = mt[(k + M) % N] ^ (y >>> 1);
            mt[k] = (y & 1) == 0 ? next : next ^ MATRIX_A;
        }
        index = 0;
    }
}
