package io.poolkit.qtum.watch;

import io.poolkit.qtum.alert.Alert;
import io.poolkit.qtum.alert.Alerter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The node detectors of the watch service, fed one {@link NodeStatus} per poll: not staking, low
 * connections, stale chain (no new block for a while, by the injected clock) and the hourly status.
 * Each condition alerts once when it starts and is re-armed when it ends, so a node that stays
 * unhealthy does not flood the operator. Subjects and bodies follow PPM's messages.
 */
public final class NodeMonitor {

    /**
     * Thresholds.
     *
     * @param host the name shown in messages (PPM {@code hostName})
     * @param minConnections fewer peers than this is "low connections" (PPM alerts at 5 or fewer)
     * @param staleAfter no new block for this long is a stale chain (PPM's README: 30 minutes)
     * @param hourlyStatus whether to send the hourly status
     */
    public record Settings(String host, int minConnections, Duration staleAfter, boolean hourlyStatus) {
        /** PPM's defaults: at least 6 connections, stale after 30 minutes, hourly status on. */
        public static Settings defaults(String host) {
            return new Settings(host, 6, Duration.ofMinutes(30), true);
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final Alerter alerter;
    private int lastTip = -1;
    private Instant lastTipChange;
    private long lastHour = -1;
    private boolean notStaking;
    private boolean lowConnections;
    private boolean stale;

    /**
     * @param settings thresholds
     * @param clock time source (the stale timer and the hour)
     * @param alerter where alerts go
     */
    public NodeMonitor(Settings settings, Clock clock, Alerter alerter) {
        this.settings = settings;
        this.clock = clock;
        this.alerter = alerter;
    }

    /**
     * Looks at one status and raises the alerts it calls for.
     *
     * @param s what qtumd said now
     * @param lastProcessedHeight the watcher's last processed block (for the hourly status)
     * @return the alerts raised (also sent to the alerter)
     */
    public List<Alert> check(NodeStatus s, int lastProcessedHeight) {
        Instant now = clock.instant();
        List<Alert> raised = new ArrayList<>();
        if (s.tipHeight() != lastTip) {
            lastTip = s.tipHeight();
            lastTipChange = now;
            stale = false;
        } else if (!stale && Duration.between(lastTipChange, now).compareTo(settings.staleAfter()) >= 0) {
            stale = true;
            raised.add(new Alert(Alert.Kind.STALE_CHAIN, ".STALE CHAIN", "." + settings.host() + " no new block for "
                    + Duration.between(lastTipChange, now).toMinutes() + " min, tip " + s.tipHeight()));
        }
        if (!s.staking() && !notStaking) {
            raised.add(new Alert(Alert.Kind.NOT_STAKING, ".NOT STAKING", ".on " + settings.host()));
        }
        notStaking = !s.staking();
        boolean low = s.connections() < settings.minConnections();
        if (low && !lowConnections) {
            raised.add(new Alert(Alert.Kind.LOW_CONNECTIONS, ".LOW CONNECTIONS",
                    "." + settings.host() + " only " + s.connections()));
        }
        lowConnections = low;
        // PPM's hourly window is (unix + 4) % 3600 <= 4: the hour starts 4 s early
        long hour = Math.floorDiv(now.getEpochSecond() + 4, 3600);
        if (lastHour >= 0 && hour != lastHour && settings.hourlyStatus()) {
            raised.add(new Alert(Alert.Kind.HOURLY_STATUS, "." + settings.host() + " stk " + qtum2(s.stakeSats()),
                    " bal " + qtum2(s.balanceSats()) + " blk " + lastProcessedHeight + " mwt " + s.stakerWeightSats() / 100_000_000L
                            + " dwt " + s.delegateWeightSats() / 100_000_000L + " stking " + (s.staking() ? " yes" : " NOT")));
        }
        lastHour = hour;
        raised.forEach(alerter::alert);
        return raised;
    }

    /** A pool block won, as PPM's {@code .REWARD} message. */
    public Alert poolBlock(int height, long stakerRewardSats, NodeStatus s) {
        return new Alert(Alert.Kind.POOL_BLOCK, ".REWARD", "." + settings.host() + " blk " + height + " reward "
                + qtum2(stakerRewardSats) + " stk " + qtum2(s.stakeSats()) + " ");
    }

    static String qtum2(long sats) {
        return BigDecimal.valueOf(sats, 8).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
