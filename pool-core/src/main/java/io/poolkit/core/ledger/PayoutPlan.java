package io.poolkit.core.ledger;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A payout to record before sending: one wallet transaction.
 *
 * @param chain the chain whose balances it pays
 * @param runKey the payout run that planned it (several payouts may share one run)
 * @param label a unique identifier the runner puts in the wallet transaction (the sendmany
 *     comment) so it can find the transaction again after a crash
 * @param outputs at least one output, at most one per address
 */
public record PayoutPlan(String chain, String runKey, String label, List<PayoutOutput> outputs) {

    public PayoutPlan {
        Checks.token("chain", chain, Checks.CHAIN);
        Checks.token("run key", runKey, Checks.RUN_KEY);
        Checks.token("payout label", label, Checks.LABEL);
        outputs = List.copyOf(outputs);
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("a payout needs at least one output");
        }
        Set<String> seen = new HashSet<>();
        for (PayoutOutput o : outputs) {
            if (!seen.add(o.address())) {
                throw new IllegalArgumentException("payout " + label + " pays " + o.address() + " twice");
            }
        }
    }

    /** The sum of the outputs' amounts. */
    public long total() {
        return outputs.stream().mapToLong(PayoutOutput::amount).reduce(0L, Math::addExact);
    }
}
