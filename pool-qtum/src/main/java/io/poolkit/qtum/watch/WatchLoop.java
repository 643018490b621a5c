package io.poolkit.qtum.watch;

import io.poolkit.core.rpc.RpcCallException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link PoolWatcher} until told to stop, surviving qtumd being down: a failed poll is retried
 * with exponential backoff (poll interval doubled per failure, capped), one alert is raised when qtumd
 * becomes unreachable and one when it is back. It never exits on a node error.
 */
public final class WatchLoop {

    private static final Logger LOG = LoggerFactory.getLogger(WatchLoop.class);

    /** Waits between polls; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits {@code d}. */
        void sleep(Duration d) throws InterruptedException;
    }

    private final PoolWatcher watcher;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final Sleeper sleeper;
    private final Consumer<String> alerts;
    private int failures;

    /**
     * @param watcher the watcher
     * @param pollInterval time between polls when all is well (PPM: about 3 s)
     * @param maxBackoff longest wait between retries while qtumd is down
     * @param sleeper how to wait
     * @param alerts receives alert texts (QTUMD OFFLINE, qtumd back)
     */
    public WatchLoop(PoolWatcher watcher, Duration pollInterval, Duration maxBackoff, Sleeper sleeper,
            Consumer<String> alerts) {
        this.watcher = watcher;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.sleeper = sleeper;
        this.alerts = alerts;
    }

    /** The wait after {@code failures} failed polls in a row. */
    public static Duration backoff(int failures, Duration pollInterval, Duration maxBackoff) {
        Duration d = pollInterval;
        for (int i = 0; i < failures && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    /** One poll; returns the wait before the next one. */
    public Duration step() {
        try {
            watcher.pollOnce();
            if (failures > 0) {
                alerts.accept("qtumd is back after " + failures + " failed polls");
            }
            failures = 0;
            return pollInterval;
        } catch (RpcCallException e) {
            failures++;
            if (failures == 1) {
                alerts.accept("QTUMD OFFLINE: " + e.getMessage());
            }
            LOG.warn("poll {} failed: {}", failures, e.getMessage());
            return backoff(failures, pollInterval, maxBackoff);
        }
    }

    /** Polls until {@code stop} says so (checked before every poll) or the thread is interrupted. */
    public void run(BooleanSupplier stop) {
        while (!stop.getAsBoolean()) {
            Duration wait = step();
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Failed polls in a row (0 when qtumd answers). */
    public int failures() {
        return failures;
    }
}
