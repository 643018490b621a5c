package io.poolkit.qtum.ppmu;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * Splits a pool block's reward in satoshis by delegate weight.
 *
 * <p>{@link Rounding#EXACT} is pool-core's {@link io.poolkit.core.payout.WeightSplitter}: floors, then
 * the left-over satoshis one each to the largest remainders, ties by address in ascending order, so the
 * result does not depend on the order delegations were listed in. {@link Rounding#PPM} is PPM's own
 * per-delegate half-even rounding and lives here because no other pool uses it.
 *
 * <p>Both modes need a positive total weight: "no eligible weight" is a decision for the caller (the
 * watcher keeps such a reward as pool revenue), not a silent row of zeros.
 */
public final class WeightSplitter {

    private WeightSplitter() {
    }

    /** Whether {@code weights} has a positive total, i.e. whether {@link #split} can share a reward over them. */
    public static boolean hasWeight(Map<String, Long> weights) {
        return weights.values().stream().anyMatch(w -> w > 0);
    }

    /**
     * Splits {@code rewardSats} over {@code weights}; the result keeps the keys in the order given.
     * Entries of weight 0 get 0.
     *
     * @param rewardSats the reward, satoshis, not negative
     * @param weights weight in satoshis per delegate, none negative, at least one positive
     * @param rounding exact (shares sum to the reward) or PPM's (each share rounded on its own)
     * @return each delegate's share in satoshis, in the order of {@code weights}
     * @throws IllegalArgumentException if the reward or a weight is negative, or no weight is positive
     */
    public static Map<String, Long> split(long rewardSats, Map<String, Long> weights, Rounding rounding) {
        if (rewardSats < 0) {
            throw new IllegalArgumentException("reward must be >= 0 satoshis, got " + rewardSats);
        }
        BigInteger total = BigInteger.ZERO;
        for (Map.Entry<String, Long> e : weights.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("weight of " + e.getKey() + " is negative: " + e.getValue());
            }
            total = total.add(BigInteger.valueOf(e.getValue()));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("no eligible weight to split " + rewardSats + " sats over ("
                    + weights.size() + " delegates, all of weight 0)");
        }
        return rounding == Rounding.EXACT ? exact(rewardSats, weights) : ppm(rewardSats, weights, total);
    }

    private static Map<String, Long> exact(long rewardSats, Map<String, Long> weights) {
        Map<String, BigDecimal> w = new LinkedHashMap<>();
        weights.forEach((k, v) -> w.put(k, BigDecimal.valueOf(v)));
        SortedMap<String, Long> parts = io.poolkit.core.payout.WeightSplitter.split(rewardSats, w);
        Map<String, Long> out = new LinkedHashMap<>();
        weights.keySet().forEach(k -> out.put(k, parts.get(k)));
        return out;
    }

    /** PPM: {@code int(round(R * w / W))} per delegate, half-even, computed with exact rationals. */
    private static Map<String, Long> ppm(long rewardSats, Map<String, Long> weights, BigInteger total) {
        BigInteger reward = BigInteger.valueOf(rewardSats);
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : weights.entrySet()) {
            BigInteger[] qr = reward.multiply(BigInteger.valueOf(e.getValue())).divideAndRemainder(total);
            long share = qr[0].longValueExact();
            int cmp = qr[1].shiftLeft(1).compareTo(total);
            if (cmp > 0 || (cmp == 0 && (share & 1) == 1)) {
                share++;
            }
            out.put(e.getKey(), share);
        }
        return out;
    }
}
