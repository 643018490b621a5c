package io.poolkit.core.rpc;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one node of a {@link NodeSet}, for a monitor page.
 *
 * @param name          the node's name
 * @param url           its URL, without credentials
 * @param priority      higher serves first
 * @param health        up, down or not yet known
 * @param active        true for the node that serves calls now
 * @param lastError     the last failure's message (never holds credentials)
 * @param lastErrorAt   when it happened
 * @param lastRtt       the round trip of the last successful call or probe
 * @param lastSuccessAt when the node last answered
 * @param downSince     when the node went down, while it is down
 */
public record NodeStatus(String name, String url, int priority, NodeHealth health, boolean active,
                         Optional<String> lastError, Optional<Instant> lastErrorAt, Optional<Duration> lastRtt,
                         Optional<Instant> lastSuccessAt, Optional<Instant> downSince) {

    public NodeStatus {
        Objects.requireNonNull(name);
        Objects.requireNonNull(url);
        Objects.requireNonNull(health);
        Objects.requireNonNull(lastError);
        Objects.requireNonNull(lastErrorAt);
        Objects.requireNonNull(lastRtt);
        Objects.requireNonNull(lastSuccessAt);
        Objects.requireNonNull(downSince);
    }
}
