package io.poolkit.core.payout;

/** The wallet answered a send with an error: it refused the transaction. */
public final class WalletRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WalletRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
