package io.poolkit.hn.chain;

/** Checks for the unsigned 32-bit fields of transactions and blocks. */
final class Uint32 {

    static final long MAX = 0xffffffffL;

    private Uint32() {
    }

    static long check(long value, String what) {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException(what + " must fit an unsigned 32-bit field (0 to " + MAX + "), got " + value);
        }
        return value;
    }
}
