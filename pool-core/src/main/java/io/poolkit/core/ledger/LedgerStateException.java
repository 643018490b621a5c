package io.poolkit.core.ledger;

/**
 * A state change that the ledger refuses because the row is not in a state it may move from, for
 * example confirming an orphaned block, sending a payout twice, or planning a payout larger than
 * the confirmed balance. Nothing was changed.
 */
public final class LedgerStateException extends LedgerException {

    private static final long serialVersionUID = 1L;

    public LedgerStateException(String message) {
        super(message);
    }
}
