package io.poolkit.pegnet.stratum;

import java.time.Duration;
import java.util.Objects;

/**
 * The Prosper stratum server's settings.
 *
 * @param bindHost             address to listen on
 * @param port                 TCP port (0 picks a free one; upstream's default is 1234)
 * @param maxLineBytes         longest accepted line; upstream's reader buffer is 4 KiB and longer lines drop the
 *                             connection, as here
 * @param maxConnections       concurrent connections; more are refused
 * @param maxMessagesPerSecond sustained lines per second per connection (burst 4x) before it is dropped
 * @param maxProtocolErrors    bad lines tolerated per connection before it is dropped
 * @param idleTimeout          connections silent this long are dropped (half-open sockets)
 * @param validateAllShares    recompute every share's LXRHash (upstream's {@code validateallshares}, default true)
 * @param allowUnauthorized    upstream's behaviour: a connection that never authorized may submit as ""; off by
 *                             default (fixed)
 * @param welcome              the {@code client.show_message} sent after a successful authorize
 */
public record ProsperConfig(String bindHost, int port, int maxLineBytes, int maxConnections,
        int maxMessagesPerSecond, int maxProtocolErrors, Duration idleTimeout, boolean validateAllShares,
        boolean allowUnauthorized, String welcome) {

    /** The server version reported by the admin console's {@code getversion} of the server itself. */
    public static final String SERVER_VERSION = "poolkit-prosper/1";

    /** Checks the limits. */
    public ProsperConfig {
        Objects.requireNonNull(bindHost);
        Objects.requireNonNull(idleTimeout);
        Objects.requireNonNull(welcome);
        if (maxLineBytes < 256 || maxConnections < 1 || maxMessagesPerSecond < 1 || maxProtocolErrors < 0) {
            throw new IllegalArgumentException("line limit must be at least 256 bytes and connection limits"
                    + " at least 1");
        }
    }

    /** Upstream's defaults on {@code host:port}. */
    public static ProsperConfig defaults(String host, int port) {
        return new ProsperConfig(host, port, 4096, 10_000, 50, 20, Duration.ofMinutes(10), true, false,
                "Welcome to the pool! Shares are checked with LXRHash; payouts are owed per block.");
    }

    /** A copy on another port. */
    public ProsperConfig withPort(int newPort) {
        return new ProsperConfig(bindHost, newPort, maxLineBytes, maxConnections, maxMessagesPerSecond,
                maxProtocolErrors, idleTimeout, validateAllShares, allowUnauthorized, welcome);
    }

    /** A copy with other abuse limits. */
    public ProsperConfig withLimits(int newMaxConnections, int newMaxMessagesPerSecond, int newMaxProtocolErrors) {
        return new ProsperConfig(bindHost, port, maxLineBytes, newMaxConnections, newMaxMessagesPerSecond,
                newMaxProtocolErrors, idleTimeout, validateAllShares, allowUnauthorized, welcome);
    }
}
