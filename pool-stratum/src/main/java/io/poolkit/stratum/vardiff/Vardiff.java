package io.poolkit.stratum.vardiff;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One connection's vardiff state: counts accepted shares since the last retarget and, once the
 * retarget interval has passed, proposes difficulty * (observed rate / target rate), at most
 * {@code maxFactor} times up or down and within the bounds. Not thread safe (one per connection,
 * used on its event loop).
 */
public final class Vardiff {

    private static final MathContext MC = new MathContext(12, RoundingMode.HALF_EVEN);

    private final VardiffConfig config;
    private Instant windowStart;
    private long sharesInWindow;

    public Vardiff(VardiffConfig config, Instant now) {
        this.config = config;
        this.windowStart = now;
    }

    public void shareAccepted() {
        sharesInWindow++;
    }

    /**
     * The new difficulty if it is time to retarget and the change is worth making (more than 10%),
     * else empty. Starts a new window whenever the interval has passed.
     */
    public Optional<BigDecimal> retarget(BigDecimal current, Instant now) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        Duration elapsed = Duration.between(windowStart, now);
        if (elapsed.compareTo(config.retargetInterval()) < 0) {
            return Optional.empty();
        }
        BigDecimal seconds = BigDecimal.valueOf(elapsed.toMillis()).movePointLeft(3);
        BigDecimal target = BigDecimal.valueOf(config.targetShareInterval().toMillis()).movePointLeft(3);
        // Expected shares in the window at the target rate, versus what came (at least half a share, so
        // a silent miner steps down by the maximum factor rather than dividing by zero).
        BigDecimal expected = seconds.divide(target, MC);
        BigDecimal observed = BigDecimal.valueOf(sharesInWindow).max(new BigDecimal("0.5"));
        BigDecimal factor = observed.divide(expected, MC);
        BigDecimal max = BigDecimal.valueOf(config.maxFactor());
        factor = factor.min(max).max(BigDecimal.ONE.divide(max, MC));
        windowStart = now;
        sharesInWindow = 0;
        BigDecimal proposed = config.clamp(roundDifficulty(current.multiply(factor, MC)));
        BigDecimal ratio = proposed.divide(current, MC);
        if (ratio.compareTo(new BigDecimal("0.9")) > 0 && ratio.compareTo(new BigDecimal("1.1")) < 0) {
            return Optional.empty();
        }
        return Optional.of(proposed);
    }

    /** Four significant digits: difficulties that read well in logs and on miners' screens. */
    static BigDecimal roundDifficulty(BigDecimal d) {
        return d.round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
