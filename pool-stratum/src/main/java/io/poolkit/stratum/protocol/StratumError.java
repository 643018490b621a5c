package io.poolkit.stratum.protocol;

/**
 * The stratum v1 error codes as the pools use them; the reply carries {@code [code, message, null]}.
 */
public enum StratumError {
    OTHER(20, "Other/Unknown"),
    JOB_NOT_FOUND(21, "Job not found (=stale)"),
    DUPLICATE_SHARE(22, "Duplicate share"),
    LOW_DIFFICULTY(23, "Low difficulty share"),
    UNAUTHORIZED(24, "Unauthorized worker"),
    NOT_SUBSCRIBED(25, "Not subscribed");

    private final int code;
    private final String message;

    StratumError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }
}
