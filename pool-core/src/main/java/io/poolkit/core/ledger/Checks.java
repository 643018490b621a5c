package io.poolkit.core.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/** Argument checks shared by the ledger's value types; the column widths of the schema live here. */
final class Checks {

    static final int SERVER_ID = 64;
    static final int SHARE_KEY = 96;
    static final int ADDRESS = 128;
    static final int WORKER = 64;
    static final int JOB_ID = 64;
    static final int CHAIN = 32;
    static final int SOURCE = 128;
    static final int SCHEME = 32;
    static final int RUN_KEY = 64;
    static final int LABEL = 96;
    static final int NOTE = 500;

    private Checks() {
    }

    /** A non-blank printable ASCII text of at most {@code max} characters without spaces. */
    static String token(String what, String value, int max) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException(what + " must be 1 to " + max + " characters, got " + value.length());
        }
        checkPrintable(what, value);
        return value;
    }

    /** Like {@link #token} but may be empty (a worker name that the miner did not give). */
    static String optionalToken(String what, String value, int max) {
        Objects.requireNonNull(value, what);
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " must be at most " + max + " characters, got " + value.length());
        }
        checkPrintable(what, value);
        return value;
    }

    static String text(String what, String value, int max) {
        Objects.requireNonNull(value, what);
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " must be at most " + max + " characters, got " + value.length());
        }
        return value;
    }

    private static void checkPrintable(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException(what + " may hold only printable ASCII without spaces: '"
                        + value + "' has character " + (int) c + " at " + i);
            }
        }
    }

    static long nonNegative(String what, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
        return value;
    }

    static long positive(String what, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
        return value;
    }

    /** A hash or txid: 64 lower-case hex digits (upper case is folded). */
    static String hash64(String what, String value) {
        Objects.requireNonNull(value, what);
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (lower.length() != 64 || !lower.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException(what + " must be 64 hex digits, got '" + value + "'");
        }
        return lower;
    }

    /** A difficulty: positive, normalised so that equal values are equal records. */
    static BigDecimal difficulty(String what, BigDecimal value) {
        Objects.requireNonNull(value, what);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value.toPlainString());
        }
        return value.stripTrailingZeros();
    }
}
