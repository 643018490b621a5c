package io.poolkit.qtum.ppmu;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits a reward in satoshis by weights, with {@link Rounding#EXACT} or {@link Rounding#PPM} rounding. */
public final class WeightSplitter {

    private WeightSplitter() {
    }

    /**
     * Splits {@code rewardSats} over {@code weights} (insertion order is kept in the result). Entries of
     * weight 0 get 0. If all weights are 0 every share is 0 (PPM's divide-by-zero guard).
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
        Map<String, Long> out = new LinkedHashMap<>();
        if (total.signum() == 0) {
            weights.keySet().forEach(k -> out.put(k, 0L));
            return out;
        }
        BigInteger reward = BigInteger.valueOf(rewardSats);
        List<String> keys = new ArrayList<>(weights.keySet());
        BigInteger[] remainders = new BigInteger[keys.size()];
        long allocated = 0;
        for (int i = 0; i < keys.size(); i++) {
            BigInteger[] qr = reward.multiply(BigInteger.valueOf(weights.get(keys.get(i)))).divideAndRemainder(total);
            long share = qr[0].longValueExact();
            remainders[i] = qr[1];
            if (rounding == Rounding.PPM) {
                int cmp = qr[1].shiftLeft(1).compareTo(total);
                if (cmp > 0 || (cmp == 0 && (share & 1) == 1)) {
                    share++;
                }
            }
            out.put(keys.get(i), share);
            allocated += share;
        }
        if (rounding == Rounding.EXACT) {
            long left = rewardSats - allocated;
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
            for (int j = 0; j < left; j++) {
                String key = keys.get(order.get(j));
                out.put(key, out.get(key) + 1);
            }
        }
        return out;
    }
}
