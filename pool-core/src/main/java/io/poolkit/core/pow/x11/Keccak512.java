package io.poolkit.core.pow.x11;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * Keccak-512 as submitted to the SHA-3 competition (round 3), which is what sphlib and X11 use.
 *
 * <p>This is not FIPS 202 SHA3-512: the message is padded with the original Keccak multi-rate
 * padding (a 0x01 byte, zeros, and a final 0x80 bit) instead of SHA-3's 0x06 domain separator.
 * Capacity 1024 bits, so the rate is 576 bits (72 bytes); the digest is the first 64 bytes of the
 * state, lanes little-endian.
 *
 * <p>Not thread safe: the state and padding buffer are reused between calls.
 */
public final class Keccak512 implements Hash512 {

    /** Bytes absorbed per permutation: (1600 - 2 * 512) / 8. */
    private static final int RATE = 72;

    private static final VarHandle LE64 =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Iota round constants of Keccak-f[1600]. */
    private static final long[] RC = {
        0x0000000000000001L, 0x0000000000008082L, 0x800000000000808AL, 0x8000000080008000L,
        0x000000000000808BL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
        0x000000000000008AL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000AL,
        0x000000008000808BL, 0x800000000000008BL, 0x8000000000008089L, 0x8000000000008003L,
        0x8000000000008002L, 0x8000000000000080L, 0x000000000000800AL, 0x800000008000000AL,
        0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L,
    };

    /** The 25 lanes, index x + 5 * y. */
    private final long[] state = new long[25];
    /** Last (padded) block. */
    private final byte[] block = new byte[RATE];

    /** Creates a hasher; keep one per thread. */
    public Keccak512() {
    }

    @Override
    public String name() {
        return "keccak512";
    }

    @Override
    public void hash(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        Objects.checkFromIndexSize(offset, length, input.length);
        Objects.checkFromIndexSize(outputOffset, DIGEST_BYTES, output.length);
        long[] a = state;
        Arrays.fill(a, 0L);

        int pos = offset;
        int end = offset + length;
        // Full blocks are absorbed straight from the caller's array.
        while (end - pos >= RATE) {
            absorb(a, input, pos);
            permute(a);
            pos += RATE;
        }

        // Original Keccak pad10*1 at byte granularity: 0x01 after the data, 0x80 in the last
        // byte of the block (both land in the same byte when only one byte is left).
        int rem = end - pos;
        byte[] b = block;
        System.arraycopy(input, pos, b, 0, rem);
        Arrays.fill(b, rem, RATE, (byte) 0);
        b[rem] = 0x01;
        b[RATE - 1] |= (byte) 0x80;
        absorb(a, b, 0);
        permute(a);

        for (int i = 0; i < 8; i++) {
            LE64.set(output, outputOffset + 8 * i, a[i]);
        }
    }

    private static void absorb(long[] a, byte[] src, int off) {
        for (int i = 0; i < RATE / 8; i++) {
            a[i] ^= (long) LE64.get(src, off + 8 * i);
        }
    }

    /** Keccak-f[1600]: 24 rounds, state held in locals so the JIT can keep it in registers. */
    private static void permute(long[] s) {
        long a00 = s[0], a01 = s[1], a02 = s[2], a03 = s[3], a04 = s[4];
        long a05 = s[5], a06 = s[6], a07 = s[7], a08 = s[8], a09 = s[9];
        long a10 = s[10], a11 = s[11], a12 = s[12], a13 = s[13], a14 = s[14];
        long a15 = s[15], a16 = s[16], a17 = s[17], a18 = s[18], a19 = s[19];
        long a20 = s[20], a21 = s[21], a22 = s[22], a23 = s[23], a24 = s[24];

        for (int round = 0; round < 24; round++) {
            // theta: xor each lane with the parities of two neighbouring columns.
            long c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
            long c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
            long c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
            long c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
            long c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
            long d0 = c4 ^ Long.rotateLeft(c1, 1);
            long d1 = c0 ^ Long.rotateLeft(c2, 1);
            long d2 = c1 ^ Long.rotateLeft(c3, 1);
            long d3 = c2 ^ Long.rotateLeft(c4, 1);
            long d4 = c3 ^ Long.rotateLeft(c0, 1);
            a00 ^= d0; a05 ^= d0; a10 ^= d0; a15 ^= d0; a20 ^= d0;
            a01 ^= d1; a06 ^= d1; a11 ^= d1; a16 ^= d1; a21 ^= d1;
            a02 ^= d2; a07 ^= d2; a12 ^= d2; a17 ^= d2; a22 ^= d2;
            a03 ^= d3; a08 ^= d3; a13 ^= d3; a18 ^= d3; a23 ^= d3;
            a04 ^= d4; a09 ^= d4; a14 ^= d4; a19 ^= d4; a24 ^= d4;

            // rho and pi: lane (x, y) is rotated and moved to (y, 2x + 3y).
            long b00 = a00;
            long b01 = Long.rotateLeft(a06, 44);
            long b02 = Long.rotateLeft(a12, 43);
            long b03 = Long.rotateLeft(a18, 21);
            long b04 = Long.rotateLeft(a24, 14);
            long b05 = Long.rotateLeft(a03, 28);
            long b06 = Long.rotateLeft(a09, 20);
            long b07 = Long.rotateLeft(a10, 3);
            long b08 = Long.rotateLeft(a16, 45);
            long b09 = Long.rotateLeft(a22, 61);
            long b10 = Long.rotateLeft(a01, 1);
            long b11 = Long.rotateLeft(a07, 6);
            long b12 = Long.rotateLeft(a13, 25);
            long b13 = Long.rotateLeft(a19, 8);
            long b14 = Long.rotateLeft(a20, 18);
            long b15 = Long.rotateLeft(a04, 27);
            long b16 = Long.rotateLeft(a05, 36);
            long b17 = Long.rotateLeft(a11, 10);
            long b18 = Long.rotateLeft(a17, 15);
            long b19 = Long.rotateLeft(a23, 56);
            long b20 = Long.rotateLeft(a02, 62);
            long b21 = Long.rotateLeft(a08, 55);
            long b22 = Long.rotateLeft(a14, 39);
            long b23 = Long.rotateLeft(a15, 41);
            long b24 = Long.rotateLeft(a21, 2);

            // chi: the only non-linear step, row by row.
            a00 = b00 ^ (~b01 & b02);
            a01 = b01 ^ (~b02 & b03);
            a02 = b02 ^ (~b03 & b04);
            a03 = b03 ^ (~b04 & b00);
            a04 = b04 ^ (~b00 & b01);
            a05 = b05 ^ (~b06 & b07);
            a06 = b06 ^ (~b07 & b08);
            a07 = b07 ^ (~b08 & b09);
            a08 = b08 ^ (~b09 & b05);
            a09 = b09 ^ (~b05 & b06);
            a10 = b10 ^ (~b11 & b12);
            a11 = b11 ^ (~b12 & b13);
            a12 = b12 ^ (~b13 & b14);
            a13 = b13 ^ (~b14 & b10);
            a14 = b14 ^ (~b10 & b11);
            a15 = b15 ^ (~b16 & b17);
            a16 = b16 ^ (~b17 & b18);
            a17 = b17 ^ (~b18 & b19);
            a18 = b18 ^ (~b19 & b15);
            a19 = b19 ^ (~b15 & b16);
            a20 = b20 ^ (~b21 & b22);
            a21 = b21 ^ (~b22 & b23);
            a22 = b22 ^ (~b23 & b24);
            a23 = b23 ^ (~b24 & b20);
            a24 = b24 ^ (~b20 & b21);

            // iota
            a00 ^= RC[round];
        }

        s[0] = a00; s[1] = a01; s[2] = a02; s[3] = a03; s[4] = a04;
        s[5] = a05; s[6] = a06; s[7] = a07; s[8] = a08; s[9] = a09;
        s[10] = a10; s[11] = a11; s[12] = a12; s[13] = a13; s[14] = a14;
        s[15] = a15; s[16] = a16; s[17] = a17; s[18] = a18; s[19] = a19;
        s[20] = a20; s[21] = a21; s[22] = a22; s[23] = a23; s[24] = a24;
    }
}
