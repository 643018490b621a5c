package io.poolkit.core.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TargetProperties {

    /** Every canonical nBits decodes to a target that encodes back to the same nBits. */
    @Property
    void bitsTargetBitsRoundTrips(@ForAll @IntRange(min = 1, max = 32) int exponent,
                                  @ForAll @IntRange(min = 0x010000, max = 0x7fffff) int mantissa) {
        int bits = (exponent << 24) | mantissa;
        Target target = CompactBits.toTarget(bits);
        Assume.that(target.value().signum() > 0);
        int reencoded = CompactBits.fromTarget(target);
        assertEquals(target, CompactBits.toTarget(reencoded));
        if (exponent >= 3 || (mantissa & ((1 << (8 * (3 - exponent))) - 1)) == 0) {
            assertEquals(bits, reencoded, CompactBits.toHex(bits));
        }
    }

    /** Compact encoding only ever rounds a target down, never up. */
    @Property
    void encodingNeverRaisesTheTarget(@ForAll("targets") BigInteger value) {
        Target target = Target.of(value);
        assertTrue(CompactBits.toTarget(CompactBits.fromTarget(target)).compareTo(target) <= 0);
    }

    @Property
    void shareTargetIsMonotoneInDifficulty(@ForAll("difficulties") BigDecimal a, @ForAll("difficulties") BigDecimal b) {
        for (DifficultyScale scale : new DifficultyScale[] {DifficultyScale.BITCOIN, DifficultyScale.SCRYPT}) {
            int byDifficulty = a.compareTo(b);
            int byTarget = scale.shareTarget(a).compareTo(scale.shareTarget(b));
            if (byDifficulty == 0) {
                assertEquals(0, byTarget);
            } else {
                assertTrue(byTarget == 0 || Integer.signum(byTarget) == -Integer.signum(byDifficulty));
                // floor(diff1/d) * d <= diff1 < (floor + 1) * d
            }
        }
    }

    @Property
    void shareTargetIsTheExactFloor(@ForAll("difficulties") BigDecimal d) {
        BigInteger target = DifficultyScale.BITCOIN.shareTarget(d).value();
        BigDecimal diff1 = new BigDecimal(DifficultyScale.BITCOIN.diff1());
        assertTrue(new BigDecimal(target).multiply(d).compareTo(diff1) <= 0);
        assertTrue(new BigDecimal(target.add(BigInteger.ONE)).multiply(d).compareTo(diff1) > 0);
    }

    @Provide
    Arbitrary<BigInteger> targets() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE, Target.MAX_VALUE);
    }

    @Provide
    Arbitrary<BigDecimal> difficulties() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.000001"), new BigDecimal("1000000000000"))
                .ofScale(6).filter(d -> d.signum() > 0);
    }
}
