package io.poolkit.packetcrypt.randhash;

import static io.poolkit.packetcrypt.randhash.OpCodes.*;

/**
 * Lane-wise arithmetic on a 32-bit word: four 8-bit or two 16-bit lanes. Shift counts are masked
 * to the lane width; the widening ("C") forms give each lane a double-width result, packed
 * little-endian into 64 bits.
 */
final class Lanes {

    private Lanes() {
    }

    static int popcnt8(int a) {
        int out = 0;
        for (int k = 0; k < 32; k += 8) {
            out |= Integer.bitCount((a >>> k) & 0xff) << k;
        }
        return out;
    }

    static int popcnt16(int a) {
        return Integer.bitCount(a & 0xffff) | (Integer.bitCount(a >>> 16) << 16);
    }

    static int clz8(int a) {
        int out = 0;
        for (int k = 0; k < 32; k += 8) {
            int x = (a >>> k) & 0xff;
            out |= (x == 0 ? 8 : Integer.numberOfLeadingZeros(x) - 24) << k;
        }
        return out;
    }

    static int clz16(int a) {
        int lo = a & 0xffff;
        int hi = a >>> 16;
        return (lo == 0 ? 16 : Integer.numberOfLeadingZeros(lo) - 16)
                | ((hi == 0 ? 16 : Integer.numberOfLeadingZeros(hi) - 16) << 16);
    }

    static int ctz8(int a) {
        int out = 0;
        for (int k = 0; k < 32; k += 8) {
            int x = (a >>> k) & 0xff;
            out |= (x == 0 ? 8 : Integer.numberOfTrailingZeros(x)) << k;
        }
        return out;
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

    /** An 8-bit lane operation applied to the four lanes. */
    static int op8(int op, int a, int b) {
        int out = 0;
        for (int k = 0; k < 32; k += 8) {
            out |= (lane8(op, (a >>> k) & 0xff, (b >>> k) & 0xff) & 0xff) << k;
        }
        return out;
    }

    private static int lane8(int op, int x, int y) {
        return switch (op) {
            case ADD8 -> x + y;
            case SUB8 -> x - y;
            case SHLL8 -> x << (y & 7);
            case SHRL8 -> x >>> (y & 7);
            case SHRA8 -> ((byte) x) >> (y & 7);
            case ROTL8 -> (x << (y & 7)) | (x >>> ((8 - y) & 7));
            case MUL8 -> x * y;
            default -> throw new IllegalStateException("not an 8-bit lane op: " + op);
        };
    }

    /** A 16-bit lane operation applied to the two lanes. */
    static int op16(int op, int a, int b) {
        return (lane16(op, a & 0xffff, b & 0xffff) & 0xffff)
                | (lane16(op, a >>> 16, b >>> 16) << 16);
    }

    private static int lane16(int op, int x, int y) {
        return switch (op) {
            case ADD16 -> x + y;
            case SUB16 -> x - y;
            case SHLL16 -> x << (y & 15);
            case SHRL16 -> x >>> (y & 15);
            case SHRA16 -> ((short) x) >> (y & 15);
            case ROTL16 -> (x << (y & 15)) | (x >>> ((16 - y) & 15));
            case MUL16 -> x * y;
            default -> throw new IllegalStateException("not a 16-bit lane op: " + op);
        };
    }

    /** Widening 8-bit lane operation: lane k's 16-bit result lands at bits 16k. */
    static long widen8(int op, int a, int b) {
        long out = 0;
        for (int k = 0; k < 4; k++) {
            int x = (a >>> (8 * k)) & 0xff;
            int y = (b >>> (8 * k)) & 0xff;
            int r = switch (op) {
                case ADD8C -> x + y;
                case SUB8C -> x - y;
                case MUL8C -> ((byte) x) * ((byte) y);
                case MULSU8C -> ((byte) x) * y;
                case MULU8C -> x * y;
                default -> throw new IllegalStateException("not an 8-bit widening op: " + op);
            };
            out |= (r & 0xffffL) << (16 * k);
        }
        return out;
    }

    /** Widening 16-bit lane operation: lane k's 32-bit result lands at bits 32k. */
    static long widen16(int op, int a, int b) {
        long out = 0;
        for (int k = 0; k < 2; k++) {
            int x = (a >>> (16 * k)) & 0xffff;
            int y = (b >>> (16 * k)) & 0xffff;
            long r = switch (op) {
                case ADD16C -> x + y;
                case SUB16C -> x - y;
                case MUL16C -> (long) ((short) x) * ((short) y);
                case MULSU16C -> (long) ((short) x) * y;
                case MULU16C -> (long) x * y;
                default -> throw new IllegalStateException("not a 16-bit widening op: " + op);
            };
            out |= (r & 0xffffffffL) << (32 * k);
        }
        return out;
    }
}
