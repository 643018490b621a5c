package io.poolkit.pegnet.pool;

import io.poolkit.pegnet.stratum.ShareChecker;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The accountant: tallies shares per job ({@link JobAccountant}), persisting each share before counting it, and
 * turns a job's reward into {@link OwedPayouts} stored exactly once. {@link #restore()} reloads open jobs and
 * replays their shares in arrival order, which gives the same double sums, hence the same payouts, as if the
 * process had never stopped. Not thread safe: the pool's thread owns it.
 */
public final class Accountant {

    private final JobAccountant tallies;
    private final AccountantStore store;
    private final BigDecimal feeRate;
    private final Clock clock;

    /** With the fee rate from {@link OwedPayouts#parseFeeRate}. */
    public Accountant(AccountantStore store, BigDecimal feeRate, Clock clock) {
        this.tallies = new JobAccountant(clock);
        this.store = store;
        this.feeRate = feeRate;
        this.clock = clock;
    }

    /** Reloads open jobs and their shares; returns the number of shares replayed. */
    public int restore() {
        store.openJobs().forEach(tallies::open);
        int n = 0;
        for (AccountantStore.StoredShare s : store.openShares()) {
            if (tallies.add(s.jobId(), s.user(), s.minerId(), s.target(), s.at())) {
                n++;
            }
        }
        return n;
    }

    /** Opens a job. */
    public void open(long jobId) {
        store.openJob(jobId, clock.instant());
        tallies.open(jobId);
    }

    /** Counts an accepted share; false (not stored) when its job is not open. */
    public boolean add(ShareChecker.Share share) {
        long jobId;
        try {
            jobId = Long.parseLong(share.jobId());
        } catch (NumberFormatException e) {
            return false;
        }
        if (!tallies.isOpen(jobId)) {
            return false;
        }
        Instant at = clock.instant();
        store.saveShare(new AccountantStore.StoredShare(jobId, share.username(), share.minerId(), share.target(), at));
        return tallies.add(jobId, share.username(), share.minerId(), share.target(), at);
    }

    /** The tallies (for status). */
    public JobAccountant tallies() {
        return tallies;
    }

    /**
     * The reward for {@code jobId} is known: computes and stores what is owed. Empty when the job was never opened
     * here (nothing to split).
     */
    public Optional<OwedPayouts.Result> reward(long jobId, long reward, int graded, int winning) {
        if (!tallies.isOpen(jobId)) {
            return Optional.empty();
        }
        OwedPayouts.Result owed = tallies.close(jobId, reward, feeRate);
        store.close(jobId, graded, winning, owed, clock.instant());
        return Optional.of(owed);
    }
}
