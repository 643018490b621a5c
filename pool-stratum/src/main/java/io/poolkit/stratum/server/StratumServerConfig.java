package io.poolkit.stratum.server;

import io.poolkit.core.address.Network;
import io.poolkit.stratum.vardiff.VardiffConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the stratum server needs to know besides its jobs and its sink.
 *
 * @param bindHost                 address to listen on
 * @param port                     TCP port (0 picks a free one)
 * @param network                  the network miners' payout addresses must belong to
 * @param extranonce2Size          bytes of extranonce2 miners roll (2..16)
 * @param startDifficulty          difficulty of a new connection
 * @param vardiff                  variable difficulty settings
 * @param versionRollingMask       BIP310 mask offered to miners (sha256d only; 0 disables)
 * @param maxLineBytes             longest accepted line; longer ones disconnect and ban
 * @param pushInterval             work is re-sent at least this often
 * @param authorizeTimeout         connections not authorized by then are dropped
 * @param idleTimeout              connections silent (no line) for this long are dropped
 * @param maxConnectionsPerIp      concurrent connections from one IP address
 * @param maxMessagesPerSecond     sustained request rate per connection (burst: 4x) before disconnect and ban
 * @param maxInvalidShareRatio     share of invalid submits (over the last 100) above which the connection is banned
 * @param banDuration              how long a banned IP stays refused
 */
public record StratumServerConfig(String bindHost, int port, Network network, int extranonce2Size,
                                  BigDecimal startDifficulty, VardiffConfig vardiff, int versionRollingMask,
                                  int maxLineBytes, Duration pushInterval, Duration authorizeTimeout, Duration idleTimeout,
                                  int maxConnectionsPerIp, int maxMessagesPerSecond, double maxInvalidShareRatio,
                                  Duration banDuration) {

    public static final int DEFAULT_VERSION_ROLLING_MASK = 0x1fffe000;

    public StratumServerConfig {
        Objects.requireNonNull(bindHost);
        Objects.requireNonNull(network);
        if (extranonce2Size < 2 || extranonce2Size > 16) {
            throw new IllegalArgumentException("extranonce2Size must be 2..16 (what cpuminer accepts), got " + extranonce2Size);
        }
        if (startDifficulty.signum() <= 0) {
            throw new IllegalArgumentException("startDifficulty must be positive");
        }
        if (maxLineBytes < 256) {
            throw new IllegalArgumentException("maxLineBytes below 256 would cut legitimate messages");
        }
        if (maxConnectionsPerIp < 1 || maxMessagesPerSecond < 1) {
            throw new IllegalArgumentException("connection and message limits must be at least 1");
        }
    }

    /** Defaults for a pool on {@code network} listening on {@code host:port}. */
    public static StratumServerConfig defaults(String host, int port, Network network) {
        return new StratumServerConfig(host, port, network, 4, new BigDecimal("1"), VardiffConfig.defaults(),
                DEFAULT_VERSION_ROLLING_MASK, 16 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofMinutes(10), 64, 100, 0.5, Duration.ofMinutes(10));
    }

    public StratumServerConfig withPort(int newPort) {
        return new StratumServerConfig(bindHost, newPort, network, extranonce2Size, startDifficulty, vardiff,
                versionRollingMask, maxLineBytes, pushInterval, authorizeTimeout, idleTimeout, maxConnectionsPerIp,
                maxMessagesPerSecond, maxInvalidShareRatio, banDuration);
    }

    public StratumServerConfig withStartDifficulty(BigDecimal difficulty) {
        return new StratumServerConfig(bindHost, port, network, extranonce2Size, difficulty, vardiff,
                versionRollingMask, maxLineBytes, pushInterval, authorizeTimeout, idleTimeout, maxConnectionsPerIp,
                maxMessagesPerSecond, maxInvalidShareRatio, banDuration);
    }

    public StratumServerConfig withVardiff(VardiffConfig newVardiff) {
        return new StratumServerConfig(bindHost, port, network, extranonce2Size, startDifficulty, newVardiff,
                versionRollingMask, maxLineBytes, pushInterval, authorizeTimeout, idleTimeout, maxConnectionsPerIp,
                maxMessagesPerSecond, maxInvalidShareRatio, banDuration);
    }

    public StratumServerConfig withLimits(int newMaxConnectionsPerIp, int newMaxMessagesPerSecond, Duration newIdleTimeout,
                                          Duration newAuthorizeTimeout) {
        return new StratumServerConfig(bindHost, port, network, extranonce2Size, startDifficulty, vardiff,
                versionRollingMask, maxLineBytes, pushInterval, newAuthorizeTimeout, newIdleTimeout,
                newMaxConnectionsPerIp, newMaxMessagesPerSecond, maxInvalidShareRatio, banDuration);
    }
}
