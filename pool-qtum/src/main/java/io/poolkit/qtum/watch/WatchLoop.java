package io.poolkit.qtum.watch;

import io.poolkit.core.rpc.RpcCallException;
import io.poolkit.qtum.alert.Alert;
import io.poolkit.qtum.alert.Alerter;
import io.poolkit.qtum.payout.DailyPayout;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link PoolWatcher} until told to stop, surviving qtumd being down: a failed poll is retried
 * with exponential backoff (poll interval doubled per failure, capped), one alert is raised when qtumd
 * becomes unreachable and one when it is back. It never exits on a node error.
 *
 * <p>With a {@link NodeMonitor}, each poll first reads the node's status (which feeds the daily log's
 * rows and the detectors: not staking, low connections, stale chain, hourly status) and raises a
 * {@code .REWARD} alert for each pool block processed. A reorganisation deeper than the delay stops
 * crediting: it is alerted once, and every later poll checks again without crediting anything.
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
    private final Alerter alerter;
    private final Optional<NodeMonitor> monitor;
    private final String host;
    private final Optional<DailyPayout> payout;
    private int failures;
    private boolean reorgHalted;

    /**
     * A loop without node detectors.
     *
     * @param watcher the watcher
     * @param pollInterval time between polls when all is well (PPM: about 3 s)
     * @param maxBackoff longest wait between retries while qtumd is down
     * @param sleeper how to wait
     * @param alerter receives the qtumd down/back and reorg alerts
     */
    public WatchLoop(PoolWatcher watcher, Duration pollInterval, Duration maxBackoff, Sleeper sleeper, Alerter alerter) {
        this(watcher, pollInterval, maxBackoff, sleeper, alerter, Optional.empty(), "qtumd");
    }

    /**
     * @param watcher the watcher
     * @param pollInterval time between polls when all is well (PPM: about 3 s)
     * @param maxBackoff longest wait between retries while qtumd is down
     * @param sleeper how to wait
     * @param alerter receives every alert
     * @param monitor the node detectors, if wanted
     * @param host the name shown in messages
     */
    public WatchLoop(PoolWatcher watcher, Duration pollInterval, Duration maxBackoff, Sleeper sleeper, Alerter alerter,
            Optional<NodeMonitor> monitor, String host) {
        this(watcher, pollInterval, maxBackoff, sleeper, alerter, monitor, host, Optional.empty());
    }

    /**
     * A loop that also makes the daily payout, after a successful poll (so the day's blocks are credited first).
     *
     * @param watcher the watcher
     * @param pollInterval time between polls when all is well (PPM: about 3 s)
     * @param maxBackoff longest wait between retries while qtumd is down
     * @param sleeper how to wait
     * @param alerter receives every alert
     * @param monitor the node detectors, if wanted
     * @param host the name shown in messages
     * @param payout the daily payout, if the service makes it (else a cron job runs {@code poolkit qtum payout})
     */
    public WatchLoop(PoolWatcher watcher, Duration pollInterval, Duration maxBackoff, Sleeper sleeper, Alerter alerter,
            Optional<NodeMonitor> monitor, String host, Optional<DailyPayout> payout) {
        this.payout = payout;
        this.watcher = watcher;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.sleeper = sleeper;
        this.alerter = alerter;
        this.monitor = monitor;
        this.host = host;
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
            Optional<NodeStatus> status = monitor.isPresent() ? Optional.of(watcher.nodeStatus()) : Optional.empty();
            List<BlockOutcome> done = watcher.pollOnce(status);
            if (reorgHalted) {
                LOG.warn("the last processed block is on the main chain again: crediting resumes");
                reorgHalted = false;
            }
            if (failures > 0) {
                alerter.alert(new Alert(Alert.Kind.QTUMD_DOWN, ".QTUMD BACK", "." + host + " back after " + failures
                        + " failed polls"));
            }
            failures = 0;
            if (status.isPresent()) {
                for (BlockOutcome o : done) {
                    if (o.kind() == BlockOutcome.Kind.POOL_BLOCK || o.kind() == BlockOutcome.Kind.POOL_BLOCK_UNSHARED) {
                        alerter.alert(monitor.get().poolBlock(o.height(), o.stakerRewardSats(), status.get()));
                    }
                }
                for (Alert a : monitor.get().check(status.get(), watcher.state().block())) {
                    if (a.kind() == Alert.Kind.NOT_STAKING) {
                        watcher.logError("NOT STAKING");
                    } else if (a.kind() == Alert.Kind.LOW_CONNECTIONS) {
                        watcher.logError("LOW CONNECTIONS");
                    }
                }
            }
            payout.ifPresent(DailyPayout::runIfDue);
            return pollInterval;
        } catch (RpcCallException e) {
            failures++;
            if (failures == 1) {
                alerter.alert(new Alert(Alert.Kind.QTUMD_DOWN, "QTUMD NOT RUNNING", " on" + host + ": " + e.getMessage()));
                watcher.logError("QTUMD OFFLINE");
            }
            LOG.warn("poll {} failed: {}", failures, e.getMessage());
            return backoff(failures, pollInterval, maxBackoff);
        } catch (ReorgBeyondDelayException e) {
            return reorg(e);
        } catch (RuntimeException e) {
            // an answer the watcher cannot use (wrong type, bad hex, a missing field): the service keeps
            // running, retries with backoff and says so once; nothing of the failed block was credited
            failures++;
            if (failures == 1) {
                alerter.alert(new Alert(Alert.Kind.QTUMD_DOWN, ".POLL FAILED", "." + host + " " + e));
            }
            LOG.warn("poll {} failed on an unusable answer: {}", failures, e.toString());
            return backoff(failures, pollInterval, maxBackoff);
        }
    }

    /** Crediting stops: alerted once, and every later poll checks again. */
    private Duration reorg(ReorgBeyondDelayException e) {
        if (!reorgHalted) {
            reorgHalted = true;
            LOG.error(e.getMessage());
            alerter.alert(new Alert(Alert.Kind.REORG_BEYOND_DELAY, ".REORG BEYOND DELAY", "." + host + " "
                    + e.getMessage()));
            watcher.logError("REORG BEYOND DELAY at " + e.height());
        }
        return pollInterval;
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

    /** Whether crediting is stopped by a reorganisation deeper than the delay. */
    public boolean haltedByReorg() {
        return reorgHalted;
    }
}
