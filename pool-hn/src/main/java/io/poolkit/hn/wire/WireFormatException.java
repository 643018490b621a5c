package io.poolkit.hn.wire;

/** A frame or message that does not parse. Bad input from a peer: answer or drop, never crash. */
public final class WireFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
