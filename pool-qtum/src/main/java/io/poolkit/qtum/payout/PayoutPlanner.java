package io.poolkit.qtum.payout;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a daily payout from accrued pool shares (satoshis per delegate, in PPM's array order).
 * <ul>
 * <li>threshold = {@code round_half_even(minimum * 100 / (100 - fee))}, or the minimum itself when
 * the fee is 100 (PPM's divide-by-zero guard);</li>
 * <li>a share at or above the threshold is paid {@code round_half_even(share * (100 - fee) / 100)}
 * satoshis; a share in (0, threshold) is carried over; zero shares are dropped;</li>
 * <li>a computed amount of 0 (fee 100) is not sent: qtumd rejects 0-value outputs, and the share is
 * kept by the pool as fee;</li>
 * <li>pool revenue increment = pool balance - total paid, counted once (PPM added it per batch).</li>
 * </ul>
 * PPM rounds {@code share * (100 - fee) / 100 / 1e8} to 8 decimals with Python floats; here the same
 * value is rounded half-even from the exact rational, which matches every vector.
 *
 * @param poolFeePercent pool fee, -100..100 (negative is a bonus)
 * @param minimumSats {@code intsatsSendmanyMinimum}: the smallest net amount worth sending
 * @param maxOutputsPerSendmany batch size limit (PPM: 500)
 */
public record PayoutPlanner(int poolFeePercent, long minimumSats, int maxOutputsPerSendmany) {

    /** PPM's sendmany batch limit. */
    public static final int PPM_MAX_OUTPUTS = 500;

    public PayoutPlanner {
        if (poolFeePercent < -100 || poolFeePercent > 100) {
            throw new IllegalArgumentException("pool fee must be -100..100 percent, got " + poolFeePercent);
        }
        if (minimumSats <= 0) {
            throw new IllegalArgumentException("minimum payout must be > 0 satoshis, got " + minimumSats);
        }
        if (maxOutputsPerSendmany < 1) {
            throw new IllegalArgumentException("sendmany batch size must be >= 1, got " + maxOutputsPerSendmany);
        }
    }

    /** A planner with PPM's batch limit. */
    public static PayoutPlanner ppm(int poolFeePercent, long minimumSats) {
        return new PayoutPlanner(poolFeePercent, minimumSats, PPM_MAX_OUTPUTS);
    }

    /** The smallest pool share that is paid out. */
    public long thresholdSats() {
        if (poolFeePercent == 100) {
            return minimumSats;
        }
        return divideHalfEven(BigInteger.valueOf(minimumSats).multiply(BigInteger.valueOf(100)),
                BigInteger.valueOf(100 - poolFeePercent));
    }

    /** The net amount paid for a share at or above the threshold. */
    public long netSats(long shareSats) {
        return divideHalfEven(BigInteger.valueOf(shareSats).multiply(BigInteger.valueOf(100 - poolFeePercent)),
                BigInteger.valueOf(100));
    }

    /** Plans the payout of {@code shares} with the current {@code poolBalanceSats}. */
    public PayoutPlan plan(Map<String, Long> shares, long poolBalanceSats) {
        long threshold = thresholdSats();
        Map<String, Long> paid = new LinkedHashMap<>();
        Map<String, Long> carried = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : shares.entrySet()) {
            long share = e.getValue();
            if (share < 0) {
                throw new IllegalArgumentException("pool share of " + e.getKey() + " is negative: " + share);
            }
            if (share == 0) {
                continue;
            }
            if (share < threshold) {
                carried.put(e.getKey(), share);
                continue;
            }
            long net = netSats(share);
            if (net > 0) {
                paid.put(e.getKey(), net);
            }
        }
        long totalPaid = paid.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
        long carriedTotal = carried.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
        List<Map<String, Long>> batches = new ArrayList<>();
        Map<String, Long> batch = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : paid.entrySet()) {
            if (batch.size() == maxOutputsPerSendmany) {
                batches.add(batch);
                batch = new LinkedHashMap<>();
            }
            batch.put(e.getKey(), e.getValue());
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return new PayoutPlan(threshold, paid, carried, batches, totalPaid,
                poolBalanceSats - totalPaid, carriedTotal);
    }

    /**
     * An amount in satoshis written the way PPM's Python {@code str(float)} writes QTUM: plain decimal,
     * no trailing zeros, at least one decimal ({@code 1.0875861}, {@code 25.0}).
     */
    public static String ppmQtumText(long sats) {
        String s = BigDecimal.valueOf(sats, 8).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    static long divideHalfEven(BigInteger numerator, BigInteger denominator) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }
}
