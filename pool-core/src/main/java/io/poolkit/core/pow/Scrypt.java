package io.poolkit.core.pow;

import java.util.Arrays;
import java.util.Objects;

/**
 * The scrypt key derivation function of RFC 7914 for any parameters, with its building blocks
 * PBKDF2-HMAC-SHA256 and the Salsa20/8 core exposed for testing against the RFC vectors.
 *
 * <p>This is the general, allocating implementation (one {@code V} array per call). Proof-of-work
 * hashing with r = p = 1 on block headers should use {@link ScryptPow}, which reuses its scratch.
 *
 * <p>All methods are stateless and thread safe.
 */
public final class Scrypt {

    /**
     * Default bound on the memory of one call, {@code 128 * N * r} bytes for the {@code V} array:
     * 1 GiB, which admits the largest RFC 7914 test vector (N = 2^20, r = 8) on a heap of a little over
     * 1 GiB. Larger values must be asked for explicitly through the {@code maxMemoryBytes} overload.
     */
    public static final long DEFAULT_MAX_MEMORY_BYTES = 1L << 30;

    /** Largest Java array length that every common JVM can allocate. */
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private Scrypt() {
    }

    /**
     * scrypt(P, S, N, r, p, dkLen) with the {@link #DEFAULT_MAX_MEMORY_BYTES default memory bound}.
     *
     * @throws IllegalArgumentException on invalid parameters or if {@code 128 * N * r} exceeds 1 GiB
     */
    public static byte[] scrypt(byte[] password, byte[] salt, int n, int r, int p, int dkLen) {
        return scrypt(password, salt, n, r, p, dkLen, DEFAULT_MAX_MEMORY_BYTES);
    }

    /**
     * scrypt(P, S, N, r, p, dkLen) per RFC 7914 section 6.
     *
     * <p>The RFC's condition N &lt; 2^(16 r) is not enforced, because scrypt-N coins use r = 1 with N well
     * above 2^16. Integerify reduces only the low 32 bits of the last sub-block's first little-endian word
     * modulo N, which equals the RFC's 64-bit value mod N for every N a Java array can hold.
     *
     * @param n CPU/memory cost N, a power of 2 greater than 1
     * @param r block size factor, at least 1
     * @param p parallelization factor, at least 1, with {@code r * p < 2^30}
     * @param dkLen output length in bytes, at least 1
     * @param maxMemoryBytes refuse parameters whose {@code V} array ({@code 128 * N * r} bytes) is larger,
     *     instead of running out of memory
     * @throws IllegalArgumentException on invalid parameters or if the memory bound is exceeded
     */
    public static byte[] scrypt(byte[] password, byte[] salt, int n, int r, int p, int dkLen, long maxMemoryBytes) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(salt, "salt");
        checkParameters(n, r, p, dkLen, maxMemoryBytes);
        final int blockBytes = 128 * r;
        final int blockWords = 32 * r;
        byte[] b = pbkdf2HmacSha256(password, salt, 1, p * blockBytes);
        int[] x = new int[blockWords];
        int[] y = new int[blockWords];
        int[] v = new int[blockWords * n];
        for (int i = 0; i < p; i++) {
            int base = i * blockBytes;
            for (int k = 0; k < blockWords; k++) {
                x[k] = readIntLe(b, base + 4 * k);
            }
            roMix(x, y, v, n, r);
            for (int k = 0; k < blockWords; k++) {
                writeIntLe(b, base + 4 * k, x[k]);
            }
        }
        return pbkdf2HmacSha256(password, b, 1, dkLen);
    }

    /**
     * Validates scrypt parameters as {@link #scrypt(byte[], byte[], int, int, int, int, long)} does.
     *
     * @throws IllegalArgumentException with a message naming the offending parameter
     */
    public static void checkParameters(int n, int r, int p, int dkLen, long maxMemoryBytes) {
        if (n < 2 || (n & (n - 1)) != 0) {
            throw new IllegalArgumentException("N must be a power of 2 greater than 1, got " + n);
        }
        if (r < 1) {
            throw new IllegalArgumentException("r must be at least 1, got " + r);
        }
        if (p < 1) {
            throw new IllegalArgumentException("p must be at least 1, got " + p);
        }
        if ((long) r * p >= 1L << 30) {
            throw new IllegalArgumentException("r * p must be less than 2^30, got r=" + r + " p=" + p);
        }
        if (dkLen < 1) {
            throw new IllegalArgumentException("dkLen must be at least 1, got " + dkLen);
        }
        long memory = 128L * r * n;
        if (memory > maxMemoryBytes) {
            throw new IllegalArgumentException("scrypt N=" + n + " r=" + r + " needs " + memory
                    + " bytes (128*N*r), over the limit of " + maxMemoryBytes + " bytes");
        }
        if (memory / 4 > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("scrypt N=" + n + " r=" + r + " needs " + memory
                    + " bytes (128*N*r), more than one Java array can hold");
        }
        if (128L * r * p > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("scrypt r=" + r + " p=" + p
                    + " needs a " + 128L * r * p + "-byte buffer (128*r*p), more than one Java array can hold");
        }
    }

    /**
     * scryptROMix (RFC 7914 section 5) in place on {@code x} (32r little-endian words).
     *
     * @param y scratch of 32r words
     * @param v scratch of 32rN words
     */
    static void roMix(int[] x, int[] y, int[] v, int n, int r) {
        final int blockWords = 32 * r;
        final int last = (2 * r - 1) * 16;
        final int mask = n - 1;
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 0, v, i * blockWords, blockWords);
            blockMix(x, y, r);
        }
        for (int i = 0; i < n; i++) {
            // Integerify: the first word of the last 64-byte sub-block; N is a power of two, so mod is a mask.
            int j = x[last] & mask;
            int vOff = j * blockWords;
            for (int k = 0; k < blockWords; k++) {
                x[k] ^= v[vOff + k];
            }
            blockMix(x, y, r);
        }
    }

    /**
     * scryptBlockMix (RFC 7914 section 4) in place on {@code b} (2r sub-blocks of 16 words), using
     * {@code y} (32r words) as scratch. Even-numbered outputs go to the first half, odd ones to the second.
     */
    static void blockMix(int[] b, int[] y, int r) {
        int prev = (2 * r - 1) * 16;
        int[] prevArray = b;
        for (int i = 0; i < 2 * r; i++) {
            int out = ((i & 1) == 0 ? (i >> 1) : r + (i >> 1)) * 16;
            System.arraycopy(b, i * 16, y, out, 16);
            salsa20_8Xor(y, out, prevArray, prev);
            prevArray = y;
            prev = out;
        }
        System.arraycopy(y, 0, b, 0, 32 * r);
    }

    /**
     * The Salsa20/8 core (RFC 7914 section 3) of a 64-byte input; returns a new 64-byte array.
     *
     * @throws IllegalArgumentException if the input is not 64 bytes
     */
    public static byte[] salsa20_8(byte[] input64) {
        if (input64.length != 64) {
            throw new IllegalArgumentException("Salsa20/8 input must be 64 bytes, got " + input64.length);
        }
        int[] words = new int[16];
        for (int k = 0; k < 16; k++) {
            words[k] = readIntLe(input64, 4 * k);
        }
        salsa20_8(words, 0);
        byte[] out = new byte[64];
        for (int k = 0; k < 16; k++) {
            writeIntLe(out, 4 * k, words[k]);
        }
        return out;
    }

    /**
     * The Salsa20/8 core in place on the 16 little-endian words {@code b[off..off+16)}: four double rounds
     * (column round then row round), then the input is added word by word.
     */
    public static void salsa20_8(int[] b, int off) {
        salsa20_8Xor(b, off, ZERO_WORDS, 0);
    }

    /** Sixteen zero words, never written: XOR with them leaves a block unchanged. */
    private static final int[] ZERO_WORDS = new int[16];

    /**
     * {@code b[off..off+16) = Salsa20/8(b[off..off+16) ^ s[sOff..sOff+16))}, the step scryptBlockMix
     * repeats; doing the XOR while loading saves a pass over the block. {@code s} may be {@code b}.
     */
    static void salsa20_8Xor(int[] b, int off, int[] s, int sOff) {
        int x0 = b[off] ^ s[sOff];
        int x1 = b[off + 1] ^ s[sOff + 1];
        int x2 = b[off + 2] ^ s[sOff + 2];
        int x3 = b[off + 3] ^ s[sOff + 3];
        int x4 = b[off + 4] ^ s[sOff + 4];
        int x5 = b[off + 5] ^ s[sOff + 5];
        int x6 = b[off + 6] ^ s[sOff + 6];
        int x7 = b[off + 7] ^ s[sOff + 7];
        int x8 = b[off + 8] ^ s[sOff + 8];
        int x9 = b[off + 9] ^ s[sOff + 9];
        int x10 = b[off + 10] ^ s[sOff + 10];
        int x11 = b[off + 11] ^ s[sOff + 11];
        int x12 = b[off + 12] ^ s[sOff + 12];
        int x13 = b[off + 13] ^ s[sOff + 13];
        int x14 = b[off + 14] ^ s[sOff + 14];
        int x15 = b[off + 15] ^ s[sOff + 15];
        // Keep the XORed input in the array for the final addition rather than in 16 more locals,
        // which would only spill.
        b[off] = x0;
        b[off + 1] = x1;
        b[off + 2] = x2;
        b[off + 3] = x3;
        b[off + 4] = x4;
        b[off + 5] = x5;
        b[off + 6] = x6;
        b[off + 7] = x7;
        b[off + 8] = x8;
        b[off + 9] = x9;
        b[off + 10] = x10;
        b[off + 11] = x11;
        b[off + 12] = x12;
        b[off + 13] = x13;
        b[off + 14] = x14;
        b[off + 15] = x15;
        for (int round = 0; round < 8; round += 2) {
            // Columns: (0,4,8,12) (5,9,13,1) (10,14,2,6) (15,3,7,11).
            x4 ^= Integer.rotateLeft(x0 + x12, 7);
            x8 ^= Integer.rotateLeft(x4 + x0, 9);
            x12 ^= Integer.rotateLeft(x8 + x4, 13);
            x0 ^= Integer.rotateLeft(x12 + x8, 18);
            x9 ^= Integer.rotateLeft(x5 + x1, 7);
            x13 ^= Integer.rotateLeft(x9 + x5, 9);
            x1 ^= Integer.rotateLeft(x13 + x9, 13);
            x5 ^= Integer.rotateLeft(x1 + x13, 18);
            x14 ^= Integer.rotateLeft(x10 + x6, 7);
            x2 ^= Integer.rotateLeft(x14 + x10, 9);
            x6 ^= Integer.rotateLeft(x2 + x14, 13);
            x10 ^= Integer.rotateLeft(x6 + x2, 18);
            x3 ^= Integer.rotateLeft(x15 + x11, 7);
            x7 ^= Integer.rotateLeft(x3 + x15, 9);
            x11 ^= Integer.rotateLeft(x7 + x3, 13);
            x15 ^= Integer.rotateLeft(x11 + x7, 18);
            // Rows: (0,1,2,3) (5,6,7,4) (10,11,8,9) (15,12,13,14).
            x1 ^= Integer.rotateLeft(x0 + x3, 7);
            x2 ^= Integer.rotateLeft(x1 + x0, 9);
            x3 ^= Integer.rotateLeft(x2 + x1, 13);
            x0 ^= Integer.rotateLeft(x3 + x2, 18);
            x6 ^= Integer.rotateLeft(x5 + x4, 7);
            x7 ^= Integer.rotateLeft(x6 + x5, 9);
            x4 ^= Integer.rotateLeft(x7 + x6, 13);
            x5 ^= Integer.rotateLeft(x4 + x7, 18);
            x11 ^= Integer.rotateLeft(x10 + x9, 7);
            x8 ^= Integer.rotateLeft(x11 + x10, 9);
            x9 ^= Integer.rotateLeft(x8 + x11, 13);
            x10 ^= Integer.rotateLeft(x9 + x8, 18);
            x12 ^= Integer.rotateLeft(x15 + x14, 7);
            x13 ^= Integer.rotateLeft(x12 + x15, 9);
            x14 ^= Integer.rotateLeft(x13 + x12, 13);
            x15 ^= Integer.rotateLeft(x14 + x13, 18);
        }
        b[off] += x0;
        b[off + 1] += x1;
        b[off + 2] += x2;
        b[off + 3] += x3;
        b[off + 4] += x4;
        b[off + 5] += x5;
        b[off + 6] += x6;
        b[off + 7] += x7;
        b[off + 8] += x8;
        b[off + 9] += x9;
        b[off + 10] += x10;
        b[off + 11] += x11;
        b[off + 12] += x12;
        b[off + 13] += x13;
        b[off + 14] += x14;
        b[off + 15] += x15;
    }

    /**
     * PBKDF2 with HMAC-SHA256 as the PRF (RFC 8018 section 5.2).
     *
     * @param iterations iteration count c, at least 1
     * @param dkLen output length in bytes, at least 1
     * @throws IllegalArgumentException if {@code iterations} or {@code dkLen} is below 1
     */
    public static byte[] pbkdf2HmacSha256(byte[] password, byte[] salt, int iterations, int dkLen) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(salt, "salt");
        if (iterations < 1) {
            throw new IllegalArgumentException("PBKDF2 iterations must be at least 1, got " + iterations);
        }
        if (dkLen < 1) {
            throw new IllegalArgumentException("PBKDF2 dkLen must be at least 1, got " + dkLen);
        }
        int[] w = new int[Sha256Compression.SCHEDULE_WORDS];
        int[] inner = new int[8];
        int[] outer = new int[8];
        hmacKeyStates(password, 0, password.length, inner, outer, w);

        // U1 = HMAC(P, S || INT(i)): the salt's whole blocks are absorbed once, only the tail varies with i.
        int[] saltState = inner.clone();
        int saltFull = salt.length & ~63;
        for (int off = 0; off < saltFull; off += 64) {
            Sha256Compression.compress(saltState, salt, off, w);
        }
        byte[] tail = new byte[salt.length - saltFull + 4];
        System.arraycopy(salt, saltFull, tail, 0, salt.length - saltFull);
        long messageBytes = 64L + salt.length + 4; // ipad block + salt + block index

        byte[] out = new byte[dkLen];
        int[] s = new int[8];
        int[] u = new int[8];
        int[] t = new int[8];
        int blocks = (int) ((dkLen + 31L) / 32);
        for (int i = 1; i <= blocks; i++) {
            writeIntBe(tail, tail.length - 4, i);
            System.arraycopy(saltState, 0, s, 0, 8);
            finish(s, tail, 0, tail.length, messageBytes, w);
            hmacOuter(outer, s, u, w);
            System.arraycopy(u, 0, t, 0, 8);
            for (int c = 1; c < iterations; c++) {
                // U_c = HMAC(P, U_{c-1}): a 32-byte message, one block after the ipad block.
                hmac32(inner, outer, u, w);
                for (int k = 0; k < 8; k++) {
                    t[k] ^= u[k];
                }
            }
            int base = (i - 1) * 32;
            for (int k = 0; k < 8 && base + 4 * k < dkLen; k++) {
                int pos = base + 4 * k;
                if (dkLen - pos >= 4) {
                    writeIntBe(out, pos, t[k]);
                } else {
                    for (int q = 0; pos + q < dkLen; q++) {
                        out[pos + q] = (byte) (t[k] >>> (24 - 8 * q));
                    }
                }
            }
        }
        return out;
    }

    /**
     * HMAC-SHA256 key schedule: the chaining states after the (key XOR ipad) and (key XOR opad) blocks.
     * Keys longer than 64 bytes are first hashed, as HMAC requires.
     */
    static void hmacKeyStates(byte[] key, int off, int len, int[] inner, int[] outer, int[] w) {
        hmacKeyStates(key, off, len, inner, outer, w, new byte[128], new int[8]);
    }

    /**
     * As {@link #hmacKeyStates(byte[], int, int, int[], int[], int[])} with caller-owned scratch: a
     * 128-byte block and 8 words for the hashed key. Allocates nothing.
     */
    static void hmacKeyStates(byte[] key, int off, int len, int[] inner, int[] outer, int[] w, byte[] block,
            int[] keyWords) {
        if (len > 64) {
            Sha256Compression.resetState(keyWords);
            int full = len & ~63;
            for (int o = 0; o < full; o += 64) {
                Sha256Compression.compress(keyWords, key, off + o, w);
            }
            finish(keyWords, key, off + full, len - full, len, w, block);
            Arrays.fill(block, (byte) 0);
            for (int k = 0; k < 8; k++) {
                writeIntBe(block, 4 * k, keyWords[k]);
            }
        } else {
            Arrays.fill(block, (byte) 0);
            System.arraycopy(key, off, block, 0, len);
        }
        for (int k = 0; k < 16; k++) {
            w[k] = readIntBe(block, 4 * k) ^ 0x36363636;
        }
        Sha256Compression.resetState(inner);
        Sha256Compression.compress(inner, w);
        for (int k = 0; k < 16; k++) {
            w[k] = readIntBe(block, 4 * k) ^ 0x5c5c5c5c;
        }
        Sha256Compression.resetState(outer);
        Sha256Compression.compress(outer, w);
    }

    /**
     * Absorbs the last {@code len} (at most 119) message bytes plus SHA-256 padding into {@code state}: one
     * block if {@code len + 9 <= 64}, else two.
     *
     * @param totalBytes length of the whole message, including blocks absorbed before
     */
    static void finish(int[] state, byte[] data, int off, int len, long totalBytes, int[] w) {
        finish(state, data, off, len, totalBytes, w, new byte[128]);
    }

    /** As {@link #finish(int[], byte[], int, int, long, int[])} with a caller-owned 128-byte scratch block. */
    static void finish(int[] state, byte[] data, int off, int len, long totalBytes, int[] w, byte[] block) {
        Arrays.fill(block, (byte) 0);
        System.arraycopy(data, off, block, 0, len);
        block[len] = (byte) 0x80;
        int blocks = len + 9 <= 64 ? 1 : 2;
        long bits = totalBytes * 8;
        int end = blocks * 64;
        writeIntBe(block, end - 8, (int) (bits >>> 32));
        writeIntBe(block, end - 4, (int) bits);
        for (int o = 0; o < end; o += 64) {
            Sha256Compression.compress(state, block, o, w);
        }
    }

    /** Outer HMAC hash: {@code mac = SHA256(opad block || innerDigest)}, one padded block after the key. */
    static void hmacOuter(int[] outer, int[] innerDigest, int[] mac, int[] w) {
        System.arraycopy(innerDigest, 0, w, 0, 8);
        w[8] = 0x80000000;
        for (int k = 9; k < 15; k++) {
            w[k] = 0;
        }
        w[15] = (64 + 32) * 8;
        System.arraycopy(outer, 0, mac, 0, 8);
        Sha256Compression.compress(mac, w);
    }

    /** In place: {@code u = HMAC(key, u)} for a 32-byte message {@code u} (8 big-endian words). */
    private static void hmac32(int[] inner, int[] outer, int[] u, int[] w) {
        System.arraycopy(u, 0, w, 0, 8);
        w[8] = 0x80000000;
        for (int k = 9; k < 15; k++) {
            w[k] = 0;
        }
        w[15] = (64 + 32) * 8;
        System.arraycopy(inner, 0, u, 0, 8);
        Sha256Compression.compress(u, w);
        hmacOuter(outer, u, u, w);
    }

    static int readIntLe(byte[] b, int off) {
        return (b[off] & 0xff) | ((b[off + 1] & 0xff) << 8) | ((b[off + 2] & 0xff) << 16) | (b[off + 3] << 24);
    }

    static void writeIntLe(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    private static int readIntBe(byte[] b, int off) {
        return Sha256Compression.readIntBe(b, off);
    }

    private static void writeIntBe(byte[] b, int off, int v) {
        Sha256Compression.writeIntBe(b, off, v);
    }
}
