package io.poolkit.core.payout;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Splits an amount of base units by exact weights, for the schemes here and for schemes defined
 * outside (Qtum PPMU, PegNet's proportional accountant).
 *
 * <p>The rule: each key first gets {@code floor(amount * weight / totalWeight)}, computed exactly
 * with integers; the units left over (fewer than the number of keys) go one each to the keys with
 * the largest remainders of that division, ties broken by key in ascending {@link String} order.
 * The parts therefore always sum to the amount, are never negative, and do not depend on the order
 * the weights were given in.
 */
public final class WeightSplitter {

    private WeightSplitter() {
    }

    /**
     * Splits {@code amount} by {@code weights}.
     *
     * @param amount base units, not negative
     * @param weights a weight per key, none negative, at least one positive
     * @return every key of {@code weights} with its part (possibly 0), by key
     * @throws IllegalArgumentException if the amount or a weight is negative, or no weight is positive
     */
    public static SortedMap<String, Long> split(long amount, Map<String, BigDecimal> weights) {
        if (amount < 0) {
            throw new IllegalArgumentException("cannot split a negative amount: " + amount);
        }
        Objects.requireNonNull(weights, "weights");
        int scale = 0;
        for (Map.Entry<String, BigDecimal> e : weights.entrySet()) {
            Objects.requireNonNull(e.getKey(), "key");
            BigDecimal w = Objects.requireNonNull(e.getValue(), "weight of " + e.getKey());
            if (w.signum() < 0) {
                throw new IllegalArgumentException("the weight of " + e.getKey() + " is negative: " + w.toPlainString());
            }
            scale = Math.max(scale, w.stripTrailingZeros().scale());
        }
        TreeMap<String, BigInteger> units = new TreeMap<>();
        BigInteger total = BigInteger.ZERO;
        for (Map.Entry<String, BigDecimal> e : weights.entrySet()) {
            BigInteger u = e.getValue().stripTrailingZeros().setScale(scale).unscaledValue();
            units.put(e.getKey(), u);
            total = total.add(u);
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("no positive weight to split " + amount + " by");
        }
        BigInteger big = BigInteger.valueOf(amount);
        TreeMap<String, Long> parts = new TreeMap<>();
        List<Map.Entry<String, BigInteger>> remainders = new ArrayList<>();
        long given = 0;
        for (Map.Entry<String, BigInteger> e : units.entrySet()) {
            BigInteger[] qr = big.multiply(e.getValue()).divideAndRemainder(total);
            long part = qr[0].longValueExact();
            parts.put(e.getKey(), part);
            given += part;
            remainders.add(Map.entry(e.getKey(), qr[1]));
        }
        remainders.sort(Comparator.<Map.Entry<String, BigInteger>, BigInteger>comparing(Map.Entry::getValue)
                .reversed().thenComparing(Map.Entry::getKey));
        long left = amount - given;
        for (int i = 0; i < left; i++) {
            parts.merge(remainders.get(i).getKey(), 1L, Long::sum);
        }
        return parts;
    }
}
