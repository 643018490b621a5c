package io.poolkit.core.ledger;

/**
 * A ledger operation failed: the database could not be reached or refused a statement, or a
 * requested change would break the ledger's rules. Messages name what was wrong and never carry
 * connection secrets.
 */
public class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
