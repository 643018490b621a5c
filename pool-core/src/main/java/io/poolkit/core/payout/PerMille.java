package io.poolkit.core.payout;

import java.math.BigInteger;

/** Exact per-mille arithmetic on base units. */
final class PerMille {

    private PerMille() {
    }

    /** {@code floor(amount * perMille / 1000)} without overflow. */
    static long of(long amount, int perMille) {
        return BigInteger.valueOf(amount).multiply(BigInteger.valueOf(perMille))
                .divide(BigInteger.valueOf(1000)).longValueExact();
    }
}
