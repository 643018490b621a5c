package io.poolkit.core.regtest;

/** bcoin could not be installed or started; the message says what to do. */
public final class BcoinException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BcoinException(String message) {
        super(message);
    }

    public BcoinException(String message, Throwable cause) {
        super(message, cause);
    }
}
