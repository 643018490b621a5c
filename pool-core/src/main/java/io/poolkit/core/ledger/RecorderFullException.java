package io.poolkit.core.ledger;

/**
 * The share recorder's queue stayed full for the configured wait, so this share was not accepted
 * for recording. The stratum server must then answer the miner with an error rather than count the
 * share as accepted: the recorder refuses loudly and never drops silently.
 */
public final class RecorderFullException extends LedgerException {

    private static final long serialVersionUID = 1L;

    public RecorderFullException(String message) {
        super(message);
    }
}
