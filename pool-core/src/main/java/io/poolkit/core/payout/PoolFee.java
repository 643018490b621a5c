package io.poolkit.core.payout;

import java.util.Objects;

/**
 * The pool's cut of each block reward.
 *
 * @param perMille the fee in thousandths of the reward, 0 to 1000 (1% is 10)
 * @param address where the fee is credited
 */
public record PoolFee(int perMille, String address) {

    public PoolFee {
        if (perMille < 0 || perMille > 1000) {
            throw new IllegalArgumentException("the pool fee must be 0 to 1000 per mille, got " + perMille);
        }
        Objects.requireNonNull(address, "address");
        if (perMille > 0 && address.isBlank()) {
            throw new IllegalArgumentException("a pool fee of " + perMille + " per mille needs a fee address");
        }
    }

    /** No fee. */
    public static PoolFee none() {
        return new PoolFee(0, "");
    }

    /** A fee given in percent with up to one decimal, e.g. {@code 1.5}. */
    public static PoolFee percent(String percent, String address) {
        java.math.BigDecimal p = new java.math.BigDecimal(percent).movePointRight(1);
        try {
            return new PoolFee(p.intValueExact(), address);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a pool fee in percent has at most one decimal, got " + percent, e);
        }
    }

    /** The fee on {@code amount}: {@code floor(amount * perMille / 1000)}, exact. */
    public long of(long amount) {
        return PerMille.of(amount, perMille);
    }
}
