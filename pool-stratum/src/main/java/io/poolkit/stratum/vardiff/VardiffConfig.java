package io.poolkit.stratum.vardiff;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Variable difficulty per connection.
 *
 * @param enabled             off means every connection keeps its start (or suggested) difficulty
 * @param targetShareInterval the share interval vardiff steers toward
 * @param retargetInterval    how often the difficulty may change
 * @param minDifficulty       lower bound
 * @param maxDifficulty       upper bound
 * @param maxFactor           largest change in one step (e.g. 4 = at most 4x up or down)
 */
public record VardiffConfig(boolean enabled, Duration targetShareInterval, Duration retargetInterval,
                            BigDecimal minDifficulty, BigDecimal maxDifficulty, int maxFactor) {

    public VardiffConfig {
        if (targetShareInterval.isZero() || targetShareInterval.isNegative()) {
            throw new IllegalArgumentException("targetShareInterval must be positive");
        }
        if (minDifficulty.signum() <= 0 || maxDifficulty.compareTo(minDifficulty) < 0) {
            throw new IllegalArgumentException("need 0 < minDifficulty <= maxDifficulty");
        }
        if (maxFactor < 2) {
            throw new IllegalArgumentException("maxFactor must be at least 2");
        }
    }

    public static VardiffConfig defaults() {
        return new VardiffConfig(true, Duration.ofSeconds(10), Duration.ofSeconds(30), new BigDecimal("0.001"),
                new BigDecimal("1000000000"), 4);
    }

    public BigDecimal clamp(BigDecimal d) {
        return d.max(minDifficulty).min(maxDifficulty);
    }
}
