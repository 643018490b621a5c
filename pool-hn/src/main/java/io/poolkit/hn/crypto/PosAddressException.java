package io.poolkit.hn.crypto;

/**
 * A PoS address that the reference would reject. The message is the reference's own
 * ({@code Invalid address format}, {@code Invalid address checksum for ADDRESS},
 * {@code Invalid Network: 0x55 instead of 0x19}), so logs read the same on both.
 */
public final class PosAddressException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why an address was rejected. */
    public enum Reason {
        /** Not 34 ASCII letters and digits, or not Base58. */
        FORMAT,
        /** The BLAKE2b checksum does not match. */
        CHECKSUM,
        /** A valid address of another network. */
        NETWORK
    }

    private final Reason reason;

    public PosAddressException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
