package io.poolkit.packetcrypt.randhash;

/**
 * Lane-wise arithmetic on a 32-bit word: four 8-bit or two 16-bit lanes. Shift counts are masked
 * to the lane width; the widening ("C") forms give each lane a double-width result, packed
 * little-endian into 64 bits. Each operation is a small loop-free method so that the JIT inlines
 * it into the interpreter's dispatch.
 */
final class Lanes {

    private static final int H8 = 0x80808080;
    private static final int L8 = 0x7f7f7f7f;
    private static final int H16 = 0x80008000;
    private static final int L16 = 0x7fff7fff;

    private Lanes() {
    }

    private static int b0(int x) {
        return x & 0xff;
    }

    private static int b1(int x) {
        return (x >>> 8) & 0xff;
    }

    private static int b2(int x) {
        return (x >>> 16) & 0xff;
    }

    private static int b3(int x) {
        return x >>> 24;
    }

    private static int pack8(int l0, int l1, int l2, int l3) {
        return (l0 & 0xff) | (l1 & 0xff) << 8 | (l2 & 0xff) << 16 | l3 << 24;
    }

    private static int pack16(int l0, int l1) {
        return (l0 & 0xffff) | l1 << 16;
    }

    static int popcnt8(int a) {
        return pack8(Integer.bitCount(b0(a)), Integer.bitCount(b1(a)), Integer.bitCount(b2(a)), Integer.bitCount(b3(a)));
    }

    static int popcnt16(int a) {
        return Integer.bitCount(a & 0xffff) | (Integer.bitCount(a >>> 16) << 16);
    }

    private static int clzByte(int x) {
        return x == 0 ? 8 : Integer.numberOfLeadingZeros(x) - 24;
    }

    static int clz8(int a) {
        return pack8(clzByte(b0(a)), clzByte(b1(a)), clzByte(b2(a)), clzByte(b3(a)));
    }

    static int clz16(int a) {
        int lo = a & 0xffff;
        int hi = a >>> 16;
        return (lo == 0 ? 16 : Integer.numberOfLeadingZeros(lo) - 16)
                | ((hi == 0 ? 16 : Integer.numberOfLeadingZeros(hi) - 16) << 16);
    }

    private static int ctzByte(int x) {
        return x == 0 ? 8 : Integer.numberOfTrailingZeros(x);
    }

    static int ctz8(int a) {
        return pack8(ctzByte(b0(a)), ctzByte(b1(a)), ctzByte(b2(a)), ctzByte(b3(a)));
    }

    static int ctz16(int a) {
        int lo = a & 0xffff;
        int hi = a >>> 16;
        return (lo == 0 ? 16 : Integer.numberOfTrailingZeros(lo))
                | ((hi == 0 ? 16 : Integer.numberOfTrailingZeros(hi)) << 16);
    }

    static int bswap16(int a) {
        return ((a & 0x00ff00ff) << 8) | ((a >>> 8) & 0x00ff00ff);
    }

    static int add8(int a, int b) {
        return ((a & L8) + (b & L8)) ^ ((a ^ b) & H8);
    }

    static int sub8(int a, int b) {
        return ((a | H8) - (b & L8)) ^ ((a ^ ~b) & H8);
    }

    static int add16(int a, int b) {
        return ((a & L16) + (b & L16)) ^ ((a ^ b) & H16);
    }

    static int sub16(int a, int b) {
        return ((a | H16) - (b & L16)) ^ ((a ^ ~b) & H16);
    }

    static int shll8(int a, int b) {
        return pack8(b0(a) << (b0(b) & 7), b1(a) << (b1(b) & 7), b2(a) << (b2(b) & 7), b3(a) << (b3(b) & 7));
    }

    static int shrl8(int a, int b) {
        return pack8(b0(a) >>> (b0(b) & 7), b1(a) >>> (b1(b) & 7), b2(a) >>> (b2(b) & 7), b3(a) >>> (b3(b) & 7));
    }

    static int shra8(int a, int b) {
        return pack8((byte) a >> (b0(b) & 7), (byte) (a >>> 8) >> (b1(b) & 7), (byte) (a >>> 16) >> (b2(b) & 7),
                (a >> 24) >> (b3(b) & 7));
    }

    private static int rotByte(int x, int y) {
        return (x << (y & 7)) | (x >>> ((8 - y) & 7));
    }

    static int rotl8(int a, int b) {
        return pack8(rotByte(b0(a), b0(b)), rotByte(b1(a), b1(b)), rotByte(b2(a), b2(b)), rotByte(b3(a), b3(b)));
    }

    static int mul8(int a, int b) {
        return pack8(b0(a) * b0(b), b1(a) * b1(b), b2(a) * b2(b), b3(a) * b3(b));
    }

    static int shll16(int a, int b) {
        return pack16((a & 0xffff) << (b & 15), (a >>> 16) << ((b >>> 16) & 15));
    }

    static int shrl16(int a, int b) {
        return pack16((a & 0xffff) >>> (b & 15), (a >>> 16) >>> ((b >>> 16) & 15));
    }

    static int shra16(int a, int b) {
        return pack16((short) a >> (b & 15), (a >> 16) >> ((b >>> 16) & 15));
    }

    private static int rotShort(int x, int y) {
        return (x << (y & 15)) | (x >>> ((16 - y) & 15));
    }

    static int rotl16(int a, int b) {
        return pack16(rotShort(a & 0xffff, b & 0xffff), rotShort(a >>> 16, b >>> 16));
    }

    static int mul16(int a, int b) {
        return pack16((a & 0xffff) * (b & 0xffff), (a >>> 16) * (b >>> 16));
    }

    private static long wide16(int l0, int l1, int l2, int l3) {
        return (l0 & 0xffffL) | (l1 & 0xffffL) << 16 | (l2 & 0xffffL) << 32 | (l3 & 0xffffL) << 48;
    }

    private static long wide32(long l0, long l1) {
        return (l0 & 0xffffffffL) | (l1 << 32);
    }

    static long add8c(int a, int b) {
        return wide16(b0(a) + b0(b), b1(a) + b1(b), b2(a) + b2(b), b3(a) + b3(b));
    }

    static long sub8c(int a, int b) {
        return wide16(b0(a) - b0(b), b1(a) - b1(b), b2(a) - b2(b), b3(a) - b3(b));
    }

    static long mul8c(int a, int b) {
        return wide16((byte) a * (byte) b, (byte) (a >>> 8) * (byte) (b >>> 8), (byte) (a >>> 16) * (byte) (b >>> 16),
                (a >> 24) * (b >> 24));
    }

    static long mulsu8c(int a, int b) {
        return wide16((byte) a * b0(b), (byte) (a >>> 8) * b1(b), (byte) (a >>> 16) * b2(b), (a >> 24) * b3(b));
    }

    static long mulu8c(int a, int b) {
        return wide16(b0(a) * b0(b), b1(a) * b1(b), b2(a) * b2(b), b3(a) * b3(b));
    }

    static long add16c(int a, int b) {
        return wide32((a & 0xffff) + (b & 0xffff), (a >>> 16) + (b >>> 16));
    }

    static long sub16c(int a, int b) {
        return wide32((a & 0xffff) - (b & 0xffff), ((a >>> 16) - (b >>> 16)) & 0xffffffffL);
    }

    static long mul16c(int a, int b) {
        return wide32((short) a * (short) b, ((a >> 16) * (b >> 16)) & 0xffffffffL);
    }

    static long mulsu16c(int a, int b) {
        return wide32((short) a * (b & 0xffff), ((a >> 16) * (b >>> 16)) & 0xffffffffL);
    }

    static long mulu16c(int a, int b) {
        return wide32((long) (a & 0xffff) * (b & 0xffff), (long) (a >>> 16) * (b >>> 16));
    }
}
