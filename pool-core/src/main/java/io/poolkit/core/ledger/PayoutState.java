package io.poolkit.core.ledger;

import java.util.Locale;

/**
 * The life of a payout: {@code PLANNED} (recorded, balances debited, nothing sent) then
 * {@code SENDING} (the runner is about to call the wallet, or did and has not recorded the result)
 * then {@code SENT} (the wallet returned a txid) then {@code CONFIRMED} (the transaction is in a
 * block). {@code FAILED} returns the debited amounts to the balances; a payout may fail only while
 * planned or sending, and only when the runner knows nothing was broadcast.
 */
public enum PayoutState {
    PLANNED, SENDING, SENT, CONFIRMED, FAILED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PayoutState ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** True for the states whose outputs count as in flight. */
    public boolean inFlight() {
        return this == PLANNED || this == SENDING;
    }
}
