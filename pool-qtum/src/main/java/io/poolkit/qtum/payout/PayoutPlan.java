package io.poolkit.qtum.payout;

import java.util.List;
import java.util.Map;

/**
 * A planned payout.
 *
 * @param thresholdSats smallest share that was paid
 * @param paidSats net satoshis per paid delegate
 * @param carriedOverSats shares kept for the next payout
 * @param batches sendmany batches (each at most the planner's batch size)
 * @param totalPaidSats sum of {@code paidSats}
 * @param revenueIncrementSats pool balance minus total paid (PPM's {@code poolrevenue} increment, once)
 * @param newPoolBalanceSats the pool balance after the payout: the sum of carry-overs
 */
public record PayoutPlan(long thresholdSats, Map<String, Long> paidSats, Map<String, Long> carriedOverSats,
        List<Map<String, Long>> batches, long totalPaidSats, long revenueIncrementSats, long newPoolBalanceSats) {

    public PayoutPlan {
        paidSats = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(paidSats));
        carriedOverSats = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(carriedOverSats));
        batches = batches.stream().map(b -> java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(b)))
                .toList();
    }
}
