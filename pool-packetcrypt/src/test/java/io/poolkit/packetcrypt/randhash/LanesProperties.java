package io.poolkit.packetcrypt.randhash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.IntBinaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The loop-free lane operations agree with a plain lane-by-lane reading of the reference. */
class LanesProperties {

    /** Applies {@code op} to each {@code width}-bit lane (values unsigned in the lane) and packs the low bits. */
    static int lanes(int a, int b, int width, IntBinaryOperator op) {
        int mask = (1 << width) - 1;
        int out = 0;
        for (int k = 0; k < 32; k += width) {
            out |= (op.applyAsInt((a >>> k) & mask, (b >>> k) & mask) & mask) << k;
        }
        return out;
    }

    static long widen(int a, int b, int width, IntBinaryOperator op) {
        int mask = (1 << width) - 1;
        long wideMask = (1L << (2 * width)) - 1;
        long out = 0;
        for (int k = 0; k * width < 32; k++) {
            long r = op.applyAsInt((a >>> (k * width)) & mask, (b >>> (k * width)) & mask);
            out |= (r & wideMask) << (2 * width * k);
        }
        return out;
    }

    static int s8(int x) {
        return (byte) x;
    }

    static int s16(int x) {
        return (short) x;
    }

    @Property(tries = 3000)
    void eightBitLanes(@ForAll int a, @ForAll int b) {
        assertEquals(lanes(a, b, 8, (x, y) -> x + y), Lanes.add8(a, b));
        assertEquals(lanes(a, b, 8, (x, y) -> x - y), Lanes.sub8(a, b));
        assertEquals(lanes(a, b, 8, (x, y) -> x << (y & 7)), Lanes.shll8(a, b));
        assertEquals(lanes(a, b, 8, (x, y) -> x >>> (y & 7)), Lanes.shrl8(a, b));
        assertEquals(lanes(a, b, 8, (x, y) -> s8(x) >> (y & 7)), Lanes.shra8(a, b));
        assertEquals(lanes(a, b, 8, (x, y) -> (x << (y & 7)) | (x >>> ((8 - y) & 7))), Lanes.rotl8(a, b));
        assertEquals(lanes(a, b, 8, (x, y) -> x * y), Lanes.mul8(a, b));
        assertEquals(lanes(a, 0, 8, (x, y) -> Integer.bitCount(x)), Lanes.popcnt8(a));
        assertEquals(lanes(a, 0, 8, (x, y) -> x == 0 ? 8 : Integer.numberOfLeadingZeros(x) - 24), Lanes.clz8(a));
        assertEquals(lanes(a, 0, 8, (x, y) -> x == 0 ? 8 : Integer.numberOfTrailingZeros(x)), Lanes.ctz8(a));
        assertEquals(widen(a, b, 8, (x, y) -> x + y), Lanes.add8c(a, b));
        assertEquals(widen(a, b, 8, (x, y) -> x - y), Lanes.sub8c(a, b));
        assertEquals(widen(a, b, 8, (x, y) -> s8(x) * s8(y)), Lanes.mul8c(a, b));
        assertEquals(widen(a, b, 8, (x, y) -> s8(x) * y), Lanes.mulsu8c(a, b));
        assertEquals(widen(a, b, 8, (x, y) -> x * y), Lanes.mulu8c(a, b));
    }

    @Property(tries = 3000)
    void sixteenBitLanes(@ForAll int a, @ForAll int b) {
        assertEquals(lanes(a, b, 16, (x, y) -> x + y), Lanes.add16(a, b));
        assertEquals(lanes(a, b, 16, (x, y) -> x - y), Lanes.sub16(a, b));
        assertEquals(lanes(a, b, 16, (x, y) -> x << (y & 15)), Lanes.shll16(a, b));
        assertEquals(lanes(a, b, 16, (x, y) -> x >>> (y & 15)), Lanes.shrl16(a, b));
        assertEquals(lanes(a, b, 16, (x, y) -> s16(x) >> (y & 15)), Lanes.shra16(a, b));
        assertEquals(lanes(a, b, 16, (x, y) -> (x << (y & 15)) | (x >>> ((16 - y) & 15))), Lanes.rotl16(a, b));
        assertEquals(lanes(a, b, 16, (x, y) -> x * y), Lanes.mul16(a, b));
        assertEquals(lanes(a, 0, 16, (x, y) -> Integer.bitCount(x)), Lanes.popcnt16(a));
        assertEquals(lanes(a, 0, 16, (x, y) -> x == 0 ? 16 : Integer.numberOfLeadingZeros(x) - 16), Lanes.clz16(a));
        assertEquals(lanes(a, 0, 16, (x, y) -> x == 0 ? 16 : Integer.numberOfTrailingZeros(x)), Lanes.ctz16(a));
        assertEquals(lanes(a, 0, 16, (x, y) -> ((x & 0xff) << 8) | (x >>> 8)), Lanes.bswap16(a));
        assertEquals(widen(a, b, 16, (x, y) -> x + y), Lanes.add16c(a, b));
        assertEquals(widen(a, b, 16, (x, y) -> x - y), Lanes.sub16c(a, b));
        assertEquals(widen(a, b, 16, (x, y) -> s16(x) * s16(y)), Lanes.mul16c(a, b));
        assertEquals(widen(a, b, 16, (x, y) -> s16(x) * y), Lanes.mulsu16c(a, b));
        long lo = (long) (a & 0xffff) * (b & 0xffff);
        long hi = (long) (a >>> 16) * (b >>> 16);
        assertEquals(lo | (hi << 32), Lanes.mulu16c(a, b));
    }
}
