package io.poolkit.pegnet.opr;

/** An OPR entry or content that is malformed or breaks a validation rule; the message says which. */
public final class OprFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** With a message naming the broken rule. */
    public OprFormatException(String message) {
        super(message);
    }
}
