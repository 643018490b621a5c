package io.poolkit.core.pow;

/**
 * Scrypt proof of work: {@code scrypt(P = header, S = header, N, r = 1, p = 1, dkLen = 32)}, the Litecoin
 * PoW hash at N = 1024 and the scrypt-N (Vertcoin) hash at larger N.
 *
 * <p>An instance owns its scratch, including the {@code V} array of {@code 128 * N} bytes, and allocates
 * nothing per hash. It is not thread safe: use one instance per thread.
 *
 * <p>Compared with the general {@link Scrypt#scrypt}, PBKDF2 is specialized for one iteration with the
 * header as both password and salt: the HMAC key states and the salt's first block are compressed once
 * per header and shared by all four 32-byte output blocks of the first PBKDF2 and by the final one.
 *
 * <p>Output is the raw 32 bytes (internal byte order); the PoW compares them, read as a little-endian
 * integer, with the target.
 *
 * <p>Speed: the cost is N-proportional Salsa20/8 work in scalar code (16 words in locals, the block XOR
 * folded into the loads); at N = 1024 it runs as fast as the same algorithm compiled natively with
 * gcc -O3, about 1.5 times Bouncy Castle's {@code SCrypt.generate}. Faster scrypt needs SIMD across the
 * Salsa20 columns, which Java 17 offers only through the incubating Vector API.
 */
public final class ScryptPow {

    /** N used by Litecoin and most scrypt coins. */
    public static final int LITECOIN_N = 1024;

    private final int n;
    /** scryptROMix lookup table: N blocks of 32 little-endian words. */
    private final int[] v;
    /** The 128-byte scrypt block B as 32 little-endian words. */
    private final int[] x = new int[32];
    private final int[] w = new int[Sha256Compression.SCHEDULE_WORDS];
    private final int[] inner = new int[8];
    private final int[] outer = new int[8];
    private final int[] saltState = new int[8];
    private final int[] s = new int[8];
    private final int[] keyWords = new int[8];
    private final byte[] block = new byte[128];
    private final byte[] tail = new byte[68];

    /** A Litecoin PoW hasher, N = 1024 (128 KiB of scratch). */
    public ScryptPow() {
        this(LITECOIN_N);
    }

    /**
     * A hasher for the given N with the {@link Scrypt#DEFAULT_MAX_MEMORY_BYTES default memory bound}.
     *
     * @param n a power of 2 greater than 1
     * @throws IllegalArgumentException if N is invalid or {@code 128 * N} exceeds the bound
     */
    public ScryptPow(int n) {
        this(n, Scrypt.DEFAULT_MAX_MEMORY_BYTES);
    }

    /**
     * A hasher for the given N, refusing N whose {@code V} array ({@code 128 * N} bytes) is over
     * {@code maxMemoryBytes}.
     *
     * @throws IllegalArgumentException if N is invalid or over the bound
     */
    public ScryptPow(int n, long maxMemoryBytes) {
        Scrypt.checkParameters(n, 1, 1, 32, maxMemoryBytes);
        this.n = n;
        this.v = new int[32 * n];
    }

    /** The cost parameter N of this hasher. */
    public int n() {
        return n;
    }

    /** The PoW hash of the whole {@code header} array (normally 80 bytes); allocates the 32-byte result. */
    public byte[] hash(byte[] header) {
        byte[] out = new byte[32];
        hash(header, 0, header.length, out, 0);
        return out;
    }

    /** The PoW hash of the whole {@code header} array into {@code out32[0..32)}. */
    public void hash(byte[] header, byte[] out32) {
        hash(header, 0, header.length, out32, 0);
    }

    /**
     * The PoW hash of {@code input[off..off+len)} (any length; 80 for block headers) into
     * {@code out[outOff..outOff+32)}. Allocates nothing.
     */
    public void hash(byte[] input, int off, int len, byte[] out, int outOff) {
        if (off < 0 || len < 0 || input.length - off < len) {
            throw new IllegalArgumentException("range [" + off + ", " + off + "+" + len + ") outside input of length "
                    + input.length);
        }
        if (outOff < 0 || out.length - outOff < 32) {
            throw new IllegalArgumentException("output needs 32 bytes at offset " + outOff + ", array has "
                    + out.length);
        }
        final int[] w = this.w;
        final int[] s = this.s;
        final int[] x = this.x;

        // HMAC key states (the header is the password) and the state after the salt's whole blocks
        // (the header is also the salt): computed once, used by all five HMACs below.
        Scrypt.hmacKeyStates(input, off, len, inner, outer, w, block, keyWords);
        System.arraycopy(inner, 0, saltState, 0, 8);
        final int full = len & ~63;
        for (int o = 0; o < full; o += 64) {
            Sha256Compression.compress(saltState, input, off + o, w);
        }
        final int tailLen = len - full;
        System.arraycopy(input, off + full, tail, 0, tailLen);
        final long saltMessageBytes = 64L + len + 4;

        // B = PBKDF2(P, S, 1, 128): four blocks U1(i) = HMAC(P, S || INT(i)), read as little-endian words.
        for (int i = 1; i <= 4; i++) {
            Sha256Compression.writeIntBe(tail, tailLen, i);
            System.arraycopy(saltState, 0, s, 0, 8);
            Scrypt.finish(s, tail, 0, tailLen + 4, saltMessageBytes, w, block);
            Scrypt.hmacOuter(outer, s, s, w);
            int base = 8 * (i - 1);
            for (int k = 0; k < 8; k++) {
                x[base + k] = Integer.reverseBytes(s[k]); // big-endian digest bytes as little-endian words
            }
        }

        roMix1(x, v, n);

        // DK = PBKDF2(P, B', 1, 32): the 128-byte salt is two whole blocks, then INT(1) and padding.
        System.arraycopy(inner, 0, s, 0, 8);
        for (int half = 0; half < 32; half += 16) {
            for (int k = 0; k < 16; k++) {
                w[k] = Integer.reverseBytes(x[half + k]);
            }
            Sha256Compression.compress(s, w);
        }
        w[0] = 1;
        w[1] = 0x80000000;
        for (int k = 2; k < 15; k++) {
            w[k] = 0;
        }
        w[15] = (64 + 128 + 4) * 8;
        Sha256Compression.compress(s, w);
        Scrypt.hmacOuter(outer, s, s, w);
        for (int k = 0; k < 8; k++) {
            Sha256Compression.writeIntBe(out, outOff + 4 * k, s[k]);
        }
    }

    /** scryptROMix for r = 1 in place on the 32 words {@code x}, with {@code v} of 32N words. */
    static void roMix1(int[] x, int[] v, int n) {
        final int mask = n - 1;
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 0, v, i * 32, 32);
            blockMix1(x);
        }
        for (int i = 0; i < n; i++) {
            int vOff = (x[16] & mask) * 32; // Integerify: first word of the second 64-byte half
            for (int k = 0; k < 32; k++) {
                x[k] ^= v[vOff + k];
            }
            blockMix1(x);
        }
    }

    /**
     * scryptBlockMix for r = 1 in place: Y0 = Salsa(B0 ^ B1), Y1 = Salsa(B1 ^ Y0), result (Y0, Y1). With
     * one sub-block per half, the even/odd reordering of the general case is the identity.
     */
    static void blockMix1(int[] x) {
        Scrypt.salsa20_8Xor(x, 0, x, 16);
        Scrypt.salsa20_8Xor(x, 16, x, 0);
    }
}
