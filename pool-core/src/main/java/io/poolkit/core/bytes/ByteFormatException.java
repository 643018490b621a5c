package io.poolkit.core.bytes;

/** A binary structure was truncated, too long or malformed; the message names the offset. */
public final class ByteFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ByteFormatException(String message) {
        super(message);
    }
}
