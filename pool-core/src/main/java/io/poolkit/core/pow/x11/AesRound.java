package io.poolkit.core.pow.x11;

/**
 * The AES S-box and the little-endian "T-tables" for one keyless AES round, shared by ECHO and
 * SHAvite-3 (both use the AES round as their building block). Grøstl builds its own 64-bit tables
 * from {@link #SBOX}.
 *
 * <p>A 128-bit AES state is held as four {@code int} columns; byte {@code r} of a column (row
 * {@code r}) sits at bits {@code 8r..8r+7}, which is what a little-endian read of the 16 state
 * bytes gives. One round (SubBytes, ShiftRows, MixColumns) is then
 * <pre>
 *   y0 = column(x0, x1, x2, x3)   y1 = column(x1, x2, x3, x0)
 *   y2 = column(x2, x3, x0, x1)   y3 = column(x3, x0, x1, x2)
 * </pre>
 * followed by whatever key addition the caller wants.
 */
final class AesRound {

    /** The AES S-box, as unsigned values 0..255. */
    static final int[] SBOX = new int[256];

    /** {@code T0[x]} is the MixColumns image of a row-0 byte {@code x} after SubBytes. */
    static final int[] T0 = new int[256];
    /** Same for a row-1 byte: {@code T0} rotated left by 8 bits. */
    static final int[] T1 = new int[256];
    /** Same for a row-2 byte: {@code T0} rotated left by 16 bits. */
    static final int[] T2 = new int[256];
    /** Same for a row-3 byte: {@code T0} rotated left by 24 bits. */
    static final int[] T3 = new int[256];

    static {
        // GF(2^8) exponentials and logarithms to the generator 3, used to derive inverses.
        int[] exp = new int[256];
        int[] log = new int[256];
        int g = 1;
        for (int i = 0; i < 255; i++) {
            exp[i] = g;
            log[g] = i;
            g ^= xtime(g); // g *= 3
        }
        for (int x = 0; x < 256; x++) {
            int inv = x == 0 ? 0 : exp[(255 - log[x]) % 255];
            int s = inv ^ rotl8(inv, 1) ^ rotl8(inv, 2) ^ rotl8(inv, 3) ^ rotl8(inv, 4) ^ 0x63;
            SBOX[x] = s;
            int s2 = xtime(s);
            // MixColumns column for a row-0 input byte: (2s, s, s, 3s) from row 0 to row 3.
            int t = s2 | (s << 8) | (s << 16) | ((s2 ^ s) << 24);
            T0[x] = t;
            T1[x] = Integer.rotateLeft(t, 8);
            T2[x] = Integer.rotateLeft(t, 16);
            T3[x] = Integer.rotateLeft(t, 24);
        }
    }

    private AesRound() {
    }

    /** Multiplication by 2 in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1. */
    static int xtime(int x) {
        return ((x << 1) ^ ((x >>> 7) * 0x1B)) & 0xFF;
    }

    private static int rotl8(int x, int n) {
        return ((x << n) | (x >>> (8 - n))) & 0xFF;
    }

    /**
     * One output column of a keyless AES round, whose ShiftRows takes row {@code r} from the
     * {@code r}-th argument.
     */
    static int column(int a, int b, int c, int d) {
        return T0[a & 0xFF] ^ T1[(b >>> 8) & 0xFF] ^ T2[(c >>> 16) & 0xFF] ^ T3[d >>> 24];
    }

    /**
     * Byte-wise AES MixColumns over four packed words: each of the four byte lanes of
     * {@code a, b, c, d} is one column (rows 0..3), multiplied by circ(2, 3, 1, 1). Returns row
     * {@code 0} of the result; the caller rotates the arguments for the other rows.
     */
    static int mixRow(int a, int b, int c, int d) {
        int ab = a ^ b;
        // xtime on four bytes at once: shift, then fold the carried-out top bits back as 0x1B.
        return (((ab & 0x7F7F7F7F) << 1) ^ (((ab >>> 7) & 0x01010101) * 0x1B)) ^ b ^ c ^ d;
    }
}
