package io.poolkit.hn.random;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CPython's {@code random.Random} (3.2 to 3.13, seed version 2), reproduced bit for bit for what
 * the hypernode needs. Each instance is one generator; reseed it before every deterministic use,
 * as the reference reseeds its global generator. Not thread safe.
 *
 * <p>Seeding: a str seed is encoded as UTF-8; a str or bytes seed {@code b} becomes the integer
 * whose big-endian bytes are {@code b + SHA-512(b)}; an int seed {@code n} is used as {@code |n|}.
 * The generator is then seeded by {@code init_by_array} with the 32-bit words of that integer,
 * least significant first (one word, 0, for zero). The number of words comes from the magnitude,
 * so leading zero bytes of a bytes seed can shorten the key.
 */
public final class PythonRandom {

    /** Below this population size (for samples of at most 5), {@code sample} uses its pool method. */
    private static final int SAMPLE_SETSIZE = 21;

    private final Mt19937 mt = new Mt19937();

    private PythonRandom() {
    }

    /** A generator as after {@code random.seed(seed)} with a bytes seed. */
    public static PythonRandom seededWithBytes(byte[] seed) {
        PythonRandom r = new PythonRandom();
        r.seed(seed);
        return r;
    }

    /** A generator as after {@code random.seed(seed)} with a str seed. */
    public static PythonRandom seededWithString(String seed) {
        PythonRandom r = new PythonRandom();
        r.seed(seed);
        return r;
    }

    /** A generator as after {@code random.seed(seed)} with an int seed. */
    public static PythonRandom seededWithInt(BigInteger seed) {
        PythonRandom r = new PythonRandom();
        r.seed(seed);
        return r;
    }

    /** {@code random.seed(seed)} with a bytes seed. */
    public void seed(byte[] seed) {
        mt.initByArray(keyWords(bytesSeedToInt(seed)));
    }

    /** {@code random.seed(seed)} with a str seed (encoded as UTF-8). */
    public void seed(String seed) {
        seed(seed.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code random.seed(seed)} with an int seed. */
    public void seed(BigInteger seed) {
        mt.initByArray(keyWords(seed));
    }

    /**
     * The {@code init_by_array} key for a bytes seed: the 32-bit words of the integer
     * {@code b + SHA-512(b)}, least significant first.
     */
    public static int[] seedKey(byte[] seed) {
        return keyWords(bytesSeedToInt(seed));
    }

    /** The {@code init_by_array} key for an int seed: the words of {@code |n|}, least significant first. */
    public static int[] keyWords(BigInteger n) {
        BigInteger magnitude = n.abs();
        int words = Math.max(1, (magnitude.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int i = 0; i < words; i++) {
            key[i] = magnitude.shiftRight(32 * i).intValue();
        }
        return key;
    }

    private static BigInteger bytesSeedToInt(byte[] seed) {
        byte[] digest = sha512(seed);
        byte[] material = new byte[seed.length + digest.length];
        System.arraycopy(seed, 0, material, 0, seed.length);
        System.arraycopy(digest, 0, material, seed.length, digest.length);
        return new BigInteger(1, material);
    }

    private static byte[] sha512(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-512", e);
        }
    }

    /** {@code getrandbits(k)} for {@code 0 <= k <= 32}: the top {@code k} bits of the next output. */
    public long getrandbits(int k) {
        if (k < 0 || k > 32) {
            throw new IllegalArgumentException("getrandbits supports 0 to 32 bits here, got " + k);
        }
        if (k == 0) {
            return 0;
        }
        return (mt.nextInt32() & 0xffffffffL) >>> (32 - k);
    }

    /** {@code random()}: a double in [0, 1) with 53 random bits, from two outputs. */
    public double random() {
        long a = (mt.nextInt32() & 0xffffffffL) >>> 5;
        long b = (mt.nextInt32() & 0xffffffffL) >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /**
     * {@code _randbelow(n)}: a uniform integer in [0, n), by drawing {@code bit_length(n)} bits and
     * drawing again while the result is {@code >= n}.
     */
    public int randbelow(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("randbelow needs a positive bound, got " + n);
        }
        int k = 32 - Integer.numberOfLeadingZeros(n);
        long r = getrandbits(k);
        while (r >= n) {
            r = getrandbits(k);
        }
        return (int) r;
    }

    /** {@code shuffle(x)} in place: for i from the end down to 1, swap x[i] with x[randbelow(i + 1)]. */
    public <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i >= 1; i--) {
            Collections.swap(list, i, randbelow(i + 1));
        }
    }

    /** {@code choice(seq)}: {@code seq[randbelow(len(seq))]}. */
    public <T> T choice(List<T> seq) {
        if (seq.isEmpty()) {
            throw new IllegalArgumentException("cannot choose from an empty sequence");
        }
        return seq.get(randbelow(seq.size()));
    }

    /**
     * {@code sample(population, k)}: {@code k} distinct positions, in selection order. Small
     * populations ({@code n <= 21} for {@code k <= 5}) use the pool method, which moves the last
     * unpicked element into the picked slot; larger ones redraw an index until it is new. Both
     * branches occur in HN schedules (up to 22 and from 23 hypernodes).
     */
    public <T> List<T> sample(List<T> population, int k) {
        int n = population.size();
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("sample larger than population or is negative: k=" + k + ", n=" + n);
        }
        List<T> result = new ArrayList<>(k);
        if (n <= setsize(k)) {
            List<T> pool = new ArrayList<>(population);
            for (int i = 0; i < k; i++) {
                int j = randbelow(n - i);
                result.add(pool.get(j));
                pool.set(j, pool.get(n - i - 1));
            }
        } else {
            Set<Integer> selected = new HashSet<>();
            for (int i = 0; i < k; i++) {
                int j = randbelow(n);
                while (selected.contains(j)) {
                    j = randbelow(n);
                }
                selected.add(j);
                result.add(population.get(j));
            }
        }
        return result;
    }

    /**
     * CPython's threshold between the two methods of {@code sample}: 21, plus
     * {@code 4 ** ceil(log(3k, 4))} when {@code k > 5}, computed with doubles as CPython does.
     */
    static int setsize(int k) {
        if (k <= 5) {
            return SAMPLE_SETSIZE;
        }
        double exponent = Math.ceil(Math.log(k * 3.0) / Math.log(4));
        return SAMPLE_SETSIZE + (int) Math.pow(4, exponent);
    }
}
