package io.poolkit.core.chain;

/** A getblocktemplate answer that is incomplete or inconsistent; the message names the field. */
public final class BlockTemplateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BlockTemplateException(String message) {
        super(message);
    }

    public BlockTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
