package io.poolkit.core.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored payout.
 *
 * @param id the row id
 * @param plan what it pays, under which label
 * @param state where it stands
 * @param txid the wallet transaction, once sent
 * @param txFee the transaction fee the wallet reported, once sent (0 before)
 * @param createdAt when it was planned
 * @param updatedAt when its state last changed
 * @param note the reason it failed, or empty
 */
public record Payout(long id, PayoutPlan plan, PayoutState state, Optional<String> txid, long txFee,
        Instant createdAt, Instant updatedAt, String note) {

    public Payout {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(txid, "txid");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(note, "note");
    }

    public String chain() {
        return plan.chain();
    }

    public String label() {
        return plan.label();
    }

    public List<PayoutOutput> outputs() {
        return plan.outputs();
    }

    public long total() {
        return plan.total();
    }
}
