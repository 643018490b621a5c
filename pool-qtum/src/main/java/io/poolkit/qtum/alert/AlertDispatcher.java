package io.poolkit.qtum.alert;

import io.poolkit.qtum.ppm.Timing;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies PPM's do-not-disturb table: in a quiet local hour an alert is queued as
 * {@code HH:MM:SS subject message} (UTC time) and appended to the next message that goes out; an
 * hourly status is dropped instead. A failed delivery keeps the message queued for the next send.
 */
public final class AlertDispatcher implements Alerter {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final AlertSink sink;
    private final Clock clock;
    private final int utcOffsetHours;
    private final List<Integer> doNotDisturb;
    private final List<String> queued = new ArrayList<>();

    /**
     * @param sink where messages go
     * @param clock the time source
     * @param utcOffsetHours the operator's offset from UTC (PPM {@code UTCTimeOffset})
     * @param doNotDisturb 24 entries by local hour, 1 = quiet (see {@link Timing#DEFAULT_DO_NOT_DISTURB})
     */
    public AlertDispatcher(AlertSink sink, Clock clock, int utcOffsetHours, List<Integer> doNotDisturb) {
        if (doNotDisturb.size() != 24) {
            throw new IllegalArgumentException("do-not-disturb table needs 24 entries, got " + doNotDisturb.size());
        }
        this.sink = sink;
        this.clock = clock;
        this.utcOffsetHours = utcOffsetHours;
        this.doNotDisturb = List.copyOf(doNotDisturb);
    }

    /** What happened to an alert. */
    public enum Outcome {
        /** Delivered (with any queued messages). */
        SENT,
        /** Quiet hour or failed delivery: kept for the next send. */
        QUEUED,
        /** Hourly status in a quiet hour: dropped. */
        DROPPED
    }

    /** Sends or queues {@code alert}. */
    public synchronized Outcome dispatch(Alert alert) {
        Instant now = clock.instant();
        if (Timing.isDoNotDisturb(now, utcOffsetHours, doNotDisturb)) {
            if (alert.kind() == Alert.Kind.HOURLY_STATUS) {
                return Outcome.DROPPED;
            }
            queued.add(HMS.format(now) + " " + alert.subject() + " " + alert.body());
            return Outcome.QUEUED;
        }
        StringBuilder body = new StringBuilder(alert.body());
        for (String q : queued) {
            body.append('\n').append(q);
        }
        try {
            sink.send(alert.subject(), body.toString());
            queued.clear();
            return Outcome.SENT;
        } catch (Exception e) {
            LOG.warn("alert '{}' not delivered: {}; kept for the next send", alert.subject(), e.getMessage());
            if (alert.kind() != Alert.Kind.HOURLY_STATUS) {
                queued.add(HMS.format(now) + " " + alert.subject() + " " + alert.body());
            }
            return Outcome.QUEUED;
        }
    }

    @Override
    public void alert(Alert alert) {
        dispatch(alert);
    }

    /** Messages waiting for the next send. */
    public synchronized List<String> queued() {
        return List.copyOf(queued);
    }
}
