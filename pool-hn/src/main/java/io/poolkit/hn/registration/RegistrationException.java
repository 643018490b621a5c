package io.poolkit.hn.registration;

/**
 * Why a registration or unregistration is invalid. The message is the text the reference plugin
 * reports for the same row (its "ip feed"), which is sometimes a Python error message.
 */
public final class RegistrationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The rule a row broke. */
    public enum Reason {
        /** The openfield is not {@code ip:port:pos[,key=value...]}. */
        BAD_OPENFIELD,
        /** {@code source=} names another address than the sender. */
        BAD_SOURCE,
        /** The IP is not a dotted IPv4 address. */
        BAD_IP,
        /** The sender or reward address is not a valid PoW address. */
        BAD_POW_ADDRESS,
        /** The PoS address is invalid. */
        BAD_POS_ADDRESS,
        /** Another registration has this IP (the reference reports a division by zero). */
        DUPLICATE_IP,
        /** Another registration has this PoS address (the reference reports a division by zero). */
        DUPLICATE_POS_ADDRESS,
        /** This PoW address already has a registration. */
        ALREADY_REGISTERED,
        /** An unregistration from the owner whose ip, port and pos differ from the registration. */
        UNREGISTRATION_MISMATCH,
        /** An unregistration from an address that neither registered nor is the controller. */
        UNREGISTRATION_SENDER
    }

    private final Reason reason;

    public RegistrationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
