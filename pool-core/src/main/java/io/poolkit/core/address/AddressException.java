package io.poolkit.core.address;

/**
 * An address (or key) string was rejected. {@link #reason()} says what kind of problem it was so
 * callers can count and report rejects; the message says it in words a user can act on.
 */
public final class AddressException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** What was wrong with the input. */
    public enum Reason {
        /** A character outside the alphabet (Base58 or Bech32). */
        BAD_CHARACTER,
        /** The decoded payload has the wrong length for its kind. */
        BAD_LENGTH,
        /** The checksum does not match: a typo, or an edited address. */
        BAD_CHECKSUM,
        /** A well-formed address, but of another network (or an unknown version byte / prefix). */
        WRONG_NETWORK,
        /** A segwit address whose witness version, program or encoding breaks BIP173/BIP350. */
        BAD_WITNESS_PROGRAM,
        /** A public key that is not a valid secp256k1 point encoding. */
        BAD_PUBLIC_KEY
    }

    private final Reason reason;

    public AddressException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
