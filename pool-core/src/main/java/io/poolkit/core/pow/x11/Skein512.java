package io.poolkit.core.pow.x11;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * Skein-512-512, version 1.3 (the SHA-3 final-round tweak, with the 1.3 Threefish-512 rotation
 * constants), as X11 uses it: plain hashing, no key, no personalization.
 *
 * <p>The hash is Threefish-512 in UBI chaining mode: one UBI pass over the message (starting from the
 * precomputed chaining value of the 512-bit configuration block), then one output UBI pass over an
 * 8-byte zero counter. Words are little-endian.
 *
 * <p>Not thread safe: the instance reuses its chaining value, key schedule and padding buffer on every
 * call. Use one instance per thread.
 */
public final class Skein512 implements Hash512 {

    private static final VarHandle LE64 =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final int BLOCK_BYTES = 64;

    /** Chaining value after the configuration UBI for a 512-bit output (Skein 1.3 specification). */
    private static final long[] IV = {
        0x4903ADFF749C51CEL, 0x0D95DE399746DF03L, 0x8FD1934127C79BCEL, 0x9A255629FF352CB1L,
        0x5DB62599DF6CA7B0L, 0xEABE394CA9D5C3F4L, 0x991112C71A75B523L, 0xAE18A40B660FCC33L,
    };

    /** Threefish key-schedule parity constant (1.3 value). */
    private static final long C240 = 0x1BD11BDAA9FC1A22L;

    // Tweak word 1: block type in bits 56..61, "first block" flag in bit 62, "final block" in bit 63.
    private static final long T1_FIRST = 1L << 62;
    private static final long T1_FINAL = 1L << 63;
    private static final long TYPE_MSG = 48L << 56;
    private static final long TYPE_OUT = 63L << 56;

    /** Message of the output UBI: the 8-byte counter 0, zero padded to a block. Never written. */
    private static final byte[] ZERO_BLOCK = new byte[BLOCK_BYTES];

    /** Chaining value. */
    private final long[] h = new long[8];
    /** The nine key words repeated three times, so subkey s is simply ks[s .. s+7] (s <= 18). */
    private final long[] ks = new long[27];
    /** Zero-padded copy of a partial (or empty) last message block. */
    private final byte[] tail = new byte[BLOCK_BYTES];

    /** Creates a hasher; cheap, but reuse it (one per thread). */
    public Skein512() {
    }

    @Override
    public String name() {
        return "skein512";
    }

    @Override
    public void hash(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        Objects.checkFromIndexSize(offset, length, input.length);
        Objects.checkFromIndexSize(outputOffset, DIGEST_BYTES, output.length);
        System.arraycopy(IV, 0, h, 0, 8);

        // Every block but the last goes straight from the input; the tweak position counts the bytes
        // processed so far, including the current block.
        long flags = TYPE_MSG | T1_FIRST;
        int pos = 0;
        while (length - pos > BLOCK_BYTES) {
            ubi(input, offset + pos, pos + BLOCK_BYTES, flags);
            flags = TYPE_MSG;
            pos += BLOCK_BYTES;
        }
        // The last block is zero padded (an empty message still gets one all-zero block) and its
        // position is the unpadded message length.
        int rest = length - pos;
        if (rest == BLOCK_BYTES) {
            ubi(input, offset + pos, length, flags | T1_FINAL);
        } else {
            System.arraycopy(input, offset + pos, tail, 0, rest);
            Arrays.fill(tail, rest, BLOCK_BYTES, (byte) 0);
            ubi(tail, 0, length, flags | T1_FINAL);
        }

        ubi(ZERO_BLOCK, 0, 8, TYPE_OUT | T1_FIRST | T1_FINAL);
        for (int i = 0; i < 8; i++) {
            LE64.set(output, outputOffset + 8 * i, h[i]);
        }
    }

    /**
     * One UBI step: h = Threefish-512(key = h, tweak = (t0, t1), block) XOR block, 72 rounds.
     */
    private void ubi(byte[] buf, int off, long t0, long t1) {
        long m0 = (long) LE64.get(buf, off);
        long m1 = (long) LE64.get(buf, off + 8);
        long m2 = (long) LE64.get(buf, off + 16);
        long m3 = (long) LE64.get(buf, off + 24);
        long m4 = (long) LE64.get(buf, off + 32);
        long m5 = (long) LE64.get(buf, off + 40);
        long m6 = (long) LE64.get(buf, off + 48);
        long m7 = (long) LE64.get(buf, off + 56);

        long[] k = ks;
        long[] hv = h;
        long k8 = C240;
        for (int i = 0; i < 8; i++) {
            long w = hv[i];
            k[i] = w;
            k[i + 9] = w;
            k[i + 18] = w;
            k8 ^= w;
        }
        k[8] = k8;
        k[17] = k8;
        k[26] = k8;

        // Subkey 0.
        long x0 = m0 + k[0];
        long x1 = m1 + k[1];
        long x2 = m2 + k[2];
        long x3 = m3 + k[3];
        long x4 = m4 + k[4];
        long x5 = m5 + k[5] + t0;
        long x6 = m6 + k[6] + t1;
        long x7 = m7 + k[7];

        // The tweak schedule cycles through (t0, t1, t0 ^ t1); subkey s uses entries s and s + 1
        // (mod 3), kept here as ta, tb with tc the spare, rotated after every injection.
        long ta = t1;
        long tb = t0 ^ t1;
        long tc = t0;
        long tmp;

        // 72 rounds = 9 x (4 rounds, subkey, 4 rounds, subkey). The word permutation of
        // Threefish-512 is folded into the choice of MIX pairs, which repeats every 4 rounds.
        for (int s = 1; s < 18; s += 2) {
            x0 += x1; x1 = Long.rotateLeft(x1, 46) ^ x0;
            x2 += x3; x3 = Long.rotateLeft(x3, 36) ^ x2;
            x4 += x5; x5 = Long.rotateLeft(x5, 19) ^ x4;
            x6 += x7; x7 = Long.rotateLeft(x7, 37) ^ x6;

            x2 += x1; x1 = Long.rotateLeft(x1, 33) ^ x2;
            x4 += x7; x7 = Long.rotateLeft(x7, 27) ^ x4;
            x6 += x5; x5 = Long.rotateLeft(x5, 14) ^ x6;
            x0 += x3; x3 = Long.rotateLeft(x3, 42) ^ x0;

            x4 += x1; x1 = Long.rotateLeft(x1, 17) ^ x4;
            x6 += x3; x3 = Long.rotateLeft(x3, 49) ^ x6;
            x0 += x5; x5 = Long.rotateLeft(x5, 36) ^ x0;
            x2 += x7; x7 = Long.rotateLeft(x7, 39) ^ x2;

            x6 += x1; x1 = Long.rotateLeft(x1, 44) ^ x6;
            x0 += x7; x7 = Long.rotateLeft(x7, 9) ^ x0;
            x2 += x5; x5 = Long.rotateLeft(x5, 54) ^ x2;
            x4 += x3; x3 = Long.rotateLeft(x3, 56) ^ x4;

            x0 += k[s];
            x1 += k[s + 1];
            x2 += k[s + 2];
            x3 += k[s + 3];
            x4 += k[s + 4];
            x5 += k[s + 5] + ta;
            x6 += k[s + 6] + tb;
            x7 += k[s + 7] + s;
            tmp = ta; ta = tb; tb = tc; tc = tmp;

            x0 += x1; x1 = Long.rotateLeft(x1, 39) ^ x0;
            x2 += x3; x3 = Long.rotateLeft(x3, 30) ^ x2;
            x4 += x5; x5 = Long.rotateLeft(x5, 34) ^ x4;
            x6 += x7; x7 = Long.rotateLeft(x7, 24) ^ x6;

            x2 += x1; x1 = Long.rotateLeft(x1, 13) ^ x2;
            x4 += x7; x7 = Long.rotateLeft(x7, 50) ^ x4;
            x6 += x5; x5 = Long.rotateLeft(x5, 10) ^ x6;
            x0 += x3; x3 = Long.rotateLeft(x3, 17) ^ x0;

            x4 += x1; x1 = Long.rotateLeft(x1, 25) ^ x4;
            x6 += x3; x3 = Long.rotateLeft(x3, 29) ^ x6;
            x0 += x5; x5 = Long.rotateLeft(x5, 39) ^ x0;
            x2 += x7; x7 = Long.rotateLeft(x7, 43) ^ x2;

            x6 += x1; x1 = Long.rotateLeft(x1, 8) ^ x6;
            x0 += x7; x7 = Long.rotateLeft(x7, 35) ^ x0;
            x2 += x5; x5 = Long.rotateLeft(x5, 56) ^ x2;
            x4 += x3; x3 = Long.rotateLeft(x3, 22) ^ x4;

            int s1 = s + 1;
            x0 += k[s1];
            x1 += k[s1 + 1];
            x2 += k[s1 + 2];
            x3 += k[s1 + 3];
            x4 += k[s1 + 4];
            x5 += k[s1 + 5] + ta;
            x6 += k[s1 + 6] + tb;
            x7 += k[s1 + 7] + s1;
            tmp = ta; ta = tb; tb = tc; tc = tmp;
        }

        // Feed-forward of the plaintext (Matyas-Meyer-Oseas).
        hv[0] = x0 ^ m0;
        hv[1] = x1 ^ m1;
        hv[2] = x2 ^ m2;
        hv[3] = x3 ^ m3;
        hv[4] = x4 ^ m4;
        hv[5] = x5 ^ m5;
        hv[6] = x6 ^ m6;
        hv[7] = x7 ^ m7;
    }
}
