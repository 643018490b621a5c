package io.poolkit.core.payout;

/**
 * The payout runner stopped because it cannot tell whether a payout was sent; nothing more is sent
 * until an operator has checked the wallet. The message names the payout and what to check.
 */
public final class PayoutHaltedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayoutHaltedException(String message) {
        super(message);
    }

    public PayoutHaltedException(String message, Throwable cause) {
        super(message, cause);
    }
}
