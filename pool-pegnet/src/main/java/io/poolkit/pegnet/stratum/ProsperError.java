package io.poolkit.pegnet.stratum;

/**
 * Prosper's error codes as its server actually sends them: positive numbers (its document lists negative ones),
 * with the constant's name as the message.
 */
public enum ProsperError {
    /** The line is not JSON. */
    PARSE(32700, "ErrorParseError"),
    /** JSON, but not a request object. */
    INVALID_REQUEST(32600, "ErrorInvalidRequest"),
    /** No such method. */
    METHOD_NOT_FOUND(32601, "ErrorMethodNotFound"),
    /** Params of the wrong kind or number. */
    INVALID_PARAMS(32602, "ErrorInvalidParams"),
    /** The server failed. */
    INTERNAL(32603, "ErrorInternal"),
    /** Anything else. */
    UNKNOWN(1, "ErrorUnknownException");

    private final int code;
    private final String message;

    ProsperError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The wire code. */
    public int code() {
        return code;
    }

    /** The wire message. */
    public String message() {
        return message;
    }
}
