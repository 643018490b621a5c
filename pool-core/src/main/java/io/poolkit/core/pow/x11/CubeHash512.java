package io.poolkit.core.pow.x11;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * CubeHash16/32-512 (SHA-3 round-2 parameters: 16 rounds per 32-byte block), as in sphlib.
 *
 * <p>The state is 32 little-endian 32-bit words. Each block is xored into words 0..7 and
 * followed by 16 rounds. The message is padded with 0x80 and zeros to a whole block; after the
 * last block the final word is flipped and 160 more rounds run. The digest is words 0..15.
 *
 * <p>Not thread safe: the state and padding buffer are reused between calls.
 */
public final class CubeHash512 implements Hash512 {

    private static final int BLOCK = 32;
    private static final int ROUNDS = 16;

    private static final VarHandle LE32 =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * State after initialization: (h/8, b, r) = (64, 32, 16) in words 0..2, then 10 * r rounds.
     * Computed once instead of hard-coding the 32 words.
     */
    private static final int[] IV = new int[32];

    static {
        IV[0] = 512 / 8;
        IV[1] = BLOCK;
        IV[2] = ROUNDS;
        rounds(IV, 10 * ROUNDS);
    }

    private final int[] x = new int[32];
    private final byte[] block = new byte[BLOCK];

    /** Creates a hasher; keep one per thread. */
    public CubeHash512() {
    }

    @Override
    public String name() {
        return "cubehash512";
    }

    @Override
    public void hash(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        Objects.checkFromIndexSize(offset, length, input.length);
        Objects.checkFromIndexSize(outputOffset, DIGEST_BYTES, output.length);
        int[] x = this.x;
        System.arraycopy(IV, 0, x, 0, 32);

        int pos = offset;
        int end = offset + length;
        while (end - pos >= BLOCK) {
            absorb(x, input, pos);
            rounds(x, ROUNDS);
            pos += BLOCK;
        }

        // Padding always adds a block, even after a whole number of blocks.
        int rem = end - pos;
        byte[] b = block;
        System.arraycopy(input, pos, b, 0, rem);
        Arrays.fill(b, rem, BLOCK, (byte) 0);
        b[rem] = (byte) 0x80;
        absorb(x, b, 0);
        rounds(x, ROUNDS);

        // Finalization.
        x[31] ^= 1;
        rounds(x, 10 * ROUNDS);

        for (int i = 0; i < 16; i++) {
            LE32.set(output, outputOffset + 4 * i, x[i]);
        }
    }

    private static void absorb(int[] x, byte[] src, int off) {
        for (int i = 0; i < 8; i++) {
            x[i] ^= (int) LE32.get(src, off + 4 * i);
        }
    }

    /**
     * Runs {@code n} (even) CubeHash rounds on the state.
     *
     * <p>A round is: x1 += x0; x0 <<<= 7; swap x0 halves by index bit 3; x0 ^= x1; swap x1 by
     * index bit 1; x1 += x0; x0 <<<= 11; swap x0 by bit 2; x0 ^= x1; swap x1 by bit 0 (x0 and x1
     * being words 0..15 and 16..31). Instead of moving words, the swaps are folded into the
     * indices of the next add or xor: after one round the logical word i sits at index
     * i ^ 12 (x0) or i ^ 3 (x1), and after two rounds everything is back in place. So each loop
     * iteration runs two rounds with no data movement, only different index pairings.
     */
    private static void rounds(int[] s, int n) {
        int x00 = s[0], x01 = s[1], x02 = s[2], x03 = s[3];
        int x04 = s[4], x05 = s[5], x06 = s[6], x07 = s[7];
        int x08 = s[8], x09 = s[9], x0a = s[10], x0b = s[11];
        int x0c = s[12], x0d = s[13], x0e = s[14], x0f = s[15];
        int x10 = s[16], x11 = s[17], x12 = s[18], x13 = s[19];
        int x14 = s[20], x15 = s[21], x16 = s[22], x17 = s[23];
        int x18 = s[24], x19 = s[25], x1a = s[26], x1b = s[27];
        int x1c = s[28], x1d = s[29], x1e = s[30], x1f = s[31];

        for (int r = 0; r < n; r += 2) {
            // First round of the pair.
            // x1[j] += x0[j]
            x10 += x00; x11 += x01; x12 += x02; x13 += x03;
            x14 += x04; x15 += x05; x16 += x06; x17 += x07;
            x18 += x08; x19 += x09; x1a += x0a; x1b += x0b;
            x1c += x0c; x1d += x0d; x1e += x0e; x1f += x0f;
            // x0[j] <<<= 7
            x00 = Integer.rotateLeft(x00, 7); x01 = Integer.rotateLeft(x01, 7);
            x02 = Integer.rotateLeft(x02, 7); x03 = Integer.rotateLeft(x03, 7);
            x04 = Integer.rotateLeft(x04, 7); x05 = Integer.rotateLeft(x05, 7);
            x06 = Integer.rotateLeft(x06, 7); x07 = Integer.rotateLeft(x07, 7);
            x08 = Integer.rotateLeft(x08, 7); x09 = Integer.rotateLeft(x09, 7);
            x0a = Integer.rotateLeft(x0a, 7); x0b = Integer.rotateLeft(x0b, 7);
            x0c = Integer.rotateLeft(x0c, 7); x0d = Integer.rotateLeft(x0d, 7);
            x0e = Integer.rotateLeft(x0e, 7); x0f = Integer.rotateLeft(x0f, 7);
            // x0[j] ^= x1[j ^ 8]
            x00 ^= x18; x01 ^= x19; x02 ^= x1a; x03 ^= x1b;
            x04 ^= x1c; x05 ^= x1d; x06 ^= x1e; x07 ^= x1f;
            x08 ^= x10; x09 ^= x11; x0a ^= x12; x0b ^= x13;
            x0c ^= x14; x0d ^= x15; x0e ^= x16; x0f ^= x17;
            // x1[j] += x0[j ^ 10]
            x10 += x0a; x11 += x0b; x12 += x08; x13 += x09;
            x14 += x0e; x15 += x0f; x16 += x0c; x17 += x0d;
            x18 += x02; x19 += x03; x1a += x00; x1b += x01;
            x1c += x06; x1d += x07; x1e += x04; x1f += x05;
            // x0[j] <<<= 11
            x00 = Integer.rotateLeft(x00, 11); x01 = Integer.rotateLeft(x01, 11);
            x02 = Integer.rotateLeft(x02, 11); x03 = Integer.rotateLeft(x03, 11);
            x04 = Integer.rotateLeft(x04, 11); x05 = Integer.rotateLeft(x05, 11);
            x06 = Integer.rotateLeft(x06, 11); x07 = Integer.rotateLeft(x07, 11);
            x08 = Integer.rotateLeft(x08, 11); x09 = Integer.rotateLeft(x09, 11);
            x0a = Integer.rotateLeft(x0a, 11); x0b = Integer.rotateLeft(x0b, 11);
            x0c = Integer.rotateLeft(x0c, 11); x0d = Integer.rotateLeft(x0d, 11);
            x0e = Integer.rotateLeft(x0e, 11); x0f = Integer.rotateLeft(x0f, 11);
            // x0[j] ^= x1[j ^ 14]
            x00 ^= x1e; x01 ^= x1f; x02 ^= x1c; x03 ^= x1d;
            x04 ^= x1a; x05 ^= x1b; x06 ^= x18; x07 ^= x19;
            x08 ^= x16; x09 ^= x17; x0a ^= x14; x0b ^= x15;
            x0c ^= x12; x0d ^= x13; x0e ^= x10; x0f ^= x11;
            // Second round of the pair.
            // x1[j] += x0[j ^ 15]
            x10 += x0f; x11 += x0e; x12 += x0d; x13 += x0c;
            x14 += x0b; x15 += x0a; x16 += x09; x17 += x08;
            x18 += x07; x19 += x06; x1a += x05; x1b += x04;
            x1c += x03; x1d += x02; x1e += x01; x1f += x00;
            // x0[j] <<<= 7
            x00 = Integer.rotateLeft(x00, 7); x01 = Integer.rotateLeft(x01, 7);
            x02 = Integer.rotateLeft(x02, 7); x03 = Integer.rotateLeft(x03, 7);
            x04 = Integer.rotateLeft(x04, 7); x05 = Integer.rotateLeft(x05, 7);
            x06 = Integer.rotateLeft(x06, 7); x07 = Integer.rotateLeft(x07, 7);
            x08 = Integer.rotateLeft(x08, 7); x09 = Integer.rotateLeft(x09, 7);
            x0a = Integer.rotateLeft(x0a, 7); x0b = Integer.rotateLeft(x0b, 7);
            x0c = Integer.rotateLeft(x0c, 7); x0d = Integer.rotateLeft(x0d, 7);
            x0e = Integer.rotateLeft(x0e, 7); x0f = Integer.rotateLeft(x0f, 7);
            // x0[j] ^= x1[j ^ 7]
            x00 ^= x17; x01 ^= x16; x02 ^= x15; x03 ^= x14;
            x04 ^= x13; x05 ^= x12; x06 ^= x11; x07 ^= x10;
            x08 ^= x1f; x09 ^= x1e; x0a ^= x1d; x0b ^= x1c;
            x0c ^= x1b; x0d ^= x1a; x0e ^= x19; x0f ^= x18;
            // x1[j] += x0[j ^ 5]
            x10 += x05; x11 += x04; x12 += x07; x13 += x06;
            x14 += x01; x15 += x00; x16 += x03; x17 += x02;
            x18 += x0d; x19 += x0c; x1a += x0f; x1b += x0e;
            x1c += x09; x1d += x08; x1e += x0b; x1f += x0a;
            // x0[j] <<<= 11
            x00 = Integer.rotateLeft(x00, 11); x01 = Integer.rotateLeft(x01, 11);
            x02 = Integer.rotateLeft(x02, 11); x03 = Integer.rotateLeft(x03, 11);
            x04 = Integer.rotateLeft(x04, 11); x05 = Integer.rotateLeft(x05, 11);
            x06 = Integer.rotateLeft(x06, 11); x07 = Integer.rotateLeft(x07, 11);
            x08 = Integer.rotateLeft(x08, 11); x09 = Integer.rotateLeft(x09, 11);
            x0a = Integer.rotateLeft(x0a, 11); x0b = Integer.rotateLeft(x0b, 11);
            x0c = Integer.rotateLeft(x0c, 11); x0d = Integer.rotateLeft(x0d, 11);
            x0e = Integer.rotateLeft(x0e, 11); x0f = Integer.rotateLeft(x0f, 11);
            // x0[j] ^= x1[j ^ 1]
            x00 ^= x11; x01 ^= x10; x02 ^= x13; x03 ^= x12;
            x04 ^= x15; x05 ^= x14; x06 ^= x17; x07 ^= x16;
            x08 ^= x19; x09 ^= x18; x0a ^= x1b; x0b ^= x1a;
            x0c ^= x1d; x0d ^= x1c; x0e ^= x1f; x0f ^= x1e;
        }

        s[0] = x00; s[1] = x01; s[2] = x02; s[3] = x03;
        s[4] = x04; s[5] = x05; s[6] = x06; s[7] = x07;
        s[8] = x08; s[9] = x09; s[10] = x0a; s[11] = x0b;
        s[12] = x0c; s[13] = x0d; s[14] = x0e; s[15] = x0f;
        s[16] = x10; s[17] = x11; s[18] = x12; s[19] = x13;
        s[20] = x14; s[21] = x15; s[22] = x16; s[23] = x17;
        s[24] = x18; s[25] = x19; s[26] = x1a; s[27] = x1b;
        s[28] = x1c; s[29] = x1d; s[30] = x1e; s[31] = x1f;
    }
}
