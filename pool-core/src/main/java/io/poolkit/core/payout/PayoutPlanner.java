package io.poolkit.core.payout;

import io.poolkit.core.ledger.Balance;
import io.poolkit.core.ledger.PayoutOutput;
import io.poolkit.core.ledger.PayoutPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Plans a payout run: every address whose confirmed balance is at least the minimum is paid its
 * whole confirmed balance; smaller balances carry over untouched to a later run. The outputs are
 * grouped into transactions of at most {@code batchSize} outputs, in address order (so the grouping
 * is deterministic), labelled {@code RUNKEY-1}, {@code RUNKEY-2}, ... The fee policy sets the fee
 * taken from each output.
 *
 * @param minimum the smallest balance paid, base units; must exceed any per-output fee
 * @param feePolicy who pays the transaction fee
 * @param batchSize the most outputs per transaction (PPM uses 500)
 */
public record PayoutPlanner(long minimum, FeePolicy feePolicy, int batchSize) {

    public PayoutPlanner {
        Objects.requireNonNull(feePolicy, "feePolicy");
        if (minimum < 1) {
            throw new IllegalArgumentException("the minimum payout must be positive, got " + minimum);
        }
        if (feePolicy.feeFor(minimum) >= minimum) {
            throw new IllegalArgumentException("the minimum payout (" + minimum + ") must exceed the fee taken from"
                    + " each output (" + feePolicy.feeFor(minimum) + ")");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1 output, got " + batchSize);
        }
    }

    /**
     * The payouts of one run.
     *
     * @param chain the chain
     * @param runKey the run's key, also the labels' prefix
     * @param balances the chain's balances (any order)
     */
    public List<PayoutPlan> plan(String chain, String runKey, List<Balance> balances) {
        List<PayoutOutput> outputs = balances.stream()
                .filter(b -> b.confirmed() >= minimum)
                .sorted(Comparator.comparing(Balance::address))
                .map(b -> new PayoutOutput(b.address(), b.confirmed(), feePolicy.feeFor(b.confirmed())))
                .toList();
        List<PayoutPlan> plans = new ArrayList<>();
        for (int from = 0; from < outputs.size(); from += batchSize) {
            List<PayoutOutput> batch = outputs.subList(from, Math.min(outputs.size(), from + batchSize));
            plans.add(new PayoutPlan(chain, runKey, runKey + "-" + (plans.size() + 1), batch));
        }
        return List.copyOf(plans);
    }
}
