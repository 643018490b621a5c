package io.poolkit.core.rpc;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how far apart {@link NodeSet#callAll} repeats a call that failed in transport.
 * Errors answered by the node are final and never retried.
 *
 * @param maxAttempts total attempts per node, at least 1
 * @param delay       pause between attempts, zero or more
 */
public record RetryPolicy(int maxAttempts, Duration delay) {

    /** Found blocks: five attempts one second apart, as PowerPool does. */
    public static final RetryPolicy SUBMIT_BLOCK = new RetryPolicy(5, Duration.ofSeconds(1));

    /** One attempt. */
    public static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ZERO);

    public RetryPolicy {
        Objects.requireNonNull(delay, "delay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("retry delay must not be negative, got " + delay);
        }
    }
}
