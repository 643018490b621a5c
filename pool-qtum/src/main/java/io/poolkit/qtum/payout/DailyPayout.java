package io.poolkit.qtum.payout;

import io.poolkit.core.ledger.Payout;
import io.poolkit.core.ledger.PayoutOutput;
import io.poolkit.qtum.alert.Alert;
import io.poolkit.qtum.alert.Alerter;
import io.poolkit.qtum.ppm.DailyLog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily payout of the watch service: once per UTC day, at or after a configured UTC time, one
 * {@link QtumPayoutRunner} run keyed by the date (a second run with that key pays nothing, also after a
 * restart), then PPM's {@code 300} log rows and the payout summary alert. A failed run is alerted once
 * a day and tried again after a pause; it never stops the service.
 */
public final class DailyPayout {

    private static final Logger LOG = LoggerFactory.getLogger(DailyPayout.class);
    /** How long after a failed run the next try waits. */
    public static final Duration RETRY_AFTER = Duration.ofMinutes(10);

    private final QtumPayoutRunner runner;
    private final LocalTime atUtc;
    private final Clock clock;
    private final Alerter alerter;
    private final Optional<DailyLog> log;
    private final String host;
    private LocalDate done;
    private LocalDate failureAlerted;
    private Instant nextTry = Instant.MIN;

    /**
     * @param runner pays the ledger's balances
     * @param atUtc the time of day (UTC) from which the day's payout is due (PPM: 00:00)
     * @param clock the time source
     * @param alerter receives the payout summary and failures
     * @param log PPM's daily log, if kept
     * @param host the name shown in messages
     */
    public DailyPayout(QtumPayoutRunner runner, LocalTime atUtc, Clock clock, Alerter alerter, Optional<DailyLog> log,
            String host) {
        this.runner = runner;
        this.atUtc = atUtc;
        this.clock = clock;
        this.alerter = alerter;
        this.log = log;
        this.host = host;
    }

    /**
     * Runs today's payout if its time has come and it has not been done today; never throws.
     *
     * @return the run, when one was made and succeeded
     */
    public Optional<QtumPayoutRunner.RunResult> runIfDue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (today.equals(done) || LocalTime.ofInstant(now, ZoneOffset.UTC).isBefore(atUtc) || now.isBefore(nextTry)) {
            return Optional.empty();
        }
        try {
            QtumPayoutRunner.RunResult r = run(today.toString());
            done = today;
            return Optional.of(r);
        } catch (RuntimeException e) {
            nextTry = now.plus(RETRY_AFTER);
            LOG.error("payout of {} failed ({}); next try after {}", today, e.getMessage(), nextTry);
            if (!today.equals(failureAlerted)) {
                failureAlerted = today;
                alerter.alert(new Alert(Alert.Kind.PAYOUT_SUMMARY, ".PAYOUT FAILED", "." + host + " " + e.getMessage()));
            }
            return Optional.empty();
        }
    }

    /**
     * One payout run under {@code runKey}, then the {@code 300} log rows and the summary alert when
     * something was sent.
     *
     * @param runKey names the run (the UTC date for the daily payout)
     * @return what the run did
     * @throws RuntimeException what the runner throws; nothing is logged or alerted then
     */
    public QtumPayoutRunner.RunResult run(String runKey) {
        QtumPayoutRunner.RunResult r = runner.run(runKey);
        if (!r.payouts().isEmpty()) {
            int paid = r.payouts().stream().mapToInt(p -> p.outputs().size()).sum();
            long sent = r.payouts().stream().mapToLong(DailyPayout::net).sum();
            long revenue = revenueSats(r);
            log.ifPresent(l -> {
                for (Payout p : r.payouts()) {
                    l.payoutBatch(r.plan().carriedOverSats().size(), net(p));
                }
                l.payoutTotal(r.payouts().size(), paid, sent, revenue);
            });
            alerter.alert(summary(host, paid, sent, revenue));
            LOG.info("payout {}: {} delegates paid {} sats in {} sendmany, revenue {}", runKey, paid, sent,
                    r.payouts().size(), revenue);
        }
        return r;
    }

    /** The pool's revenue of a run: what the plan keeps minus what it carries over (0 when nothing was sent). */
    public static long revenueSats(QtumPayoutRunner.RunResult r) {
        return r.payouts().isEmpty() ? 0 : r.plan().revenueIncrementSats() - r.plan().newPoolBalanceSats();
    }

    /**
     * The payout summary, with PPM's body {@code <n>paid <x.2f>revenue <y.2f>} (QTUM); PPM's subject
     * carried the stake, this one says what it is.
     *
     * @param host the name shown
     * @param delegatesPaid outputs sent
     * @param paidSats what they carried, satoshis
     * @param revenueSats the pool's revenue of the run, satoshis
     * @return the alert
     */
    public static Alert summary(String host, int delegatesPaid, long paidSats, long revenueSats) {
        return new Alert(Alert.Kind.PAYOUT_SUMMARY, "." + host + " payout", delegatesPaid + "paid " + qtum2(paidSats)
                + "revenue " + qtum2(revenueSats));
    }

    private static long net(Payout p) {
        return p.outputs().stream().mapToLong(PayoutOutput::net).sum();
    }

    private static String qtum2(long sats) {
        return BigDecimal.valueOf(sats, 8).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
