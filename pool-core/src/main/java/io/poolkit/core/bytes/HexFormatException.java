package io.poolkit.core.bytes;

/** Text that should have been hexadecimal was not; the message says where and why. */
public final class HexFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public HexFormatException(String message) {
        super(message);
    }
}
