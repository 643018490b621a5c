package io.poolkit.pegnet.pool;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accountant's per-job tallies (Prosper {@code accounting}): for every job, per user and per miner, the summed
 * share difficulty (doubles added in arrival order, as upstream, because the proportions are derived from them),
 * the share count, first and last share time and the best {@value #BEST_TARGETS} targets; and the pool total.
 * When the job's reward is known, {@link #close} turns the tallies into {@link OwedPayouts}. Shares for jobs that
 * were never opened are ignored. Not thread-safe: one accountant thread owns it.
 */
public final class JobAccountant {

    /** Best targets kept per user and miner for the hash-rate estimate. */
    public static final int BEST_TARGETS = 30;
    /** Users with fewer shares get no hash-rate estimate. */
    public static final int MIN_SHARES_FOR_HASHRATE = 5;

    private final Clock clock;
    private final Map<Long, Job> jobs = new LinkedHashMap<>();

    /** With the clock that stamps shares. */
    public JobAccountant(Clock clock) {
        this.clock = clock;
    }

    /** One user's or miner's tally in a job. */
    public static final class Tally {
        private double totalDifficulty;
        private long shares;
        private Instant first;
        private Instant last;
        private final List<Long> best = new ArrayList<>();

        void add(double difficulty, long target, Instant at) {
            totalDifficulty += difficulty;
            shares++;
            if (first == null) {
                first = at;
            }
            last = at;
            int i = 0;
            while (i < best.size() && Long.compareUnsigned(best.get(i), target) >= 0) {
                i++;
            }
            if (i < BEST_TARGETS) {
                best.add(i, target);
                if (best.size() > BEST_TARGETS) {
                    best.remove(best.size() - 1);
                }
            }
        }

        /** Summed difficulty relative to PDiff. */
        public double totalDifficulty() {
            return totalDifficulty;
        }

        /** Shares counted. */
        public long shares() {
            return shares;
        }

        /**
         * Hash rate from the k-th best target ({@code k = min(30, shares)}) over the time between the first and
         * last share; empty with fewer than {@value #MIN_SHARES_FOR_HASHRATE} shares or no elapsed time.
         */
        public Optional<Double> hashRate() {
            if (shares < MIN_SHARES_FOR_HASHRATE) {
                return Optional.empty();
            }
            double seconds = Duration.between(first, last).toNanos() / 1e9;
            if (!(seconds > 0)) {
                return Optional.empty();
            }
            int k = best.size();
            return Optional.of(NetworkDifficulty.effectiveHashRate(best.get(k - 1), k, seconds));
        }
    }

    private static final class Job {
        final Map<String, Tally> users = new LinkedHashMap<>();
        final Map<String, Tally> miners = new LinkedHashMap<>();
        double poolDifficulty;
    }

    /** Opens a job (the block height being mined); shares for it are counted from now on. */
    public void open(long jobId) {
        jobs.putIfAbsent(jobId, new Job());
    }

    /** Counts a share now; returns false (and ignores it) when the job is not open. */
    public boolean add(long jobId, String user, String miner, long target) {
        return add(jobId, user, miner, target, clock.instant());
    }

    /** Counts a share accepted at {@code now} (replayed from the store after a restart). */
    public boolean add(long jobId, String user, String miner, long target, Instant now) {
        Job job = jobs.get(jobId);
        if (job == null) {
            return false;
        }
        double d = ShareDifficulty.difficulty(target);
        job.users.computeIfAbsent(user, u -> new Tally()).add(d, target, now);
        job.miners.computeIfAbsent(user + "," + miner, m -> new Tally()).add(d, target, now);
        job.poolDifficulty += d;
        return true;
    }

    /** Whether {@code jobId} is open. */
    public boolean isOpen(long jobId) {
        return jobs.containsKey(jobId);
    }

    /** The pool's summed difficulty of a job. */
    public double poolDifficulty(long jobId) {
        Job job = jobs.get(jobId);
        return job == null ? 0 : job.poolDifficulty;
    }

    /** A user's tally in a job. */
    public Optional<Tally> user(long jobId, String user) {
        return Optional.ofNullable(jobs.get(jobId)).map(j -> j.users.get(user));
    }

    /** A miner's tally ({@code user,minerid}) in a job. */
    public Optional<Tally> miner(long jobId, String user, String miner) {
        return Optional.ofNullable(jobs.get(jobId)).map(j -> j.miners.get(user + "," + miner));
    }

    /**
     * Closes a job with the pool's reward for it (pegtoshi) and returns what is owed; the job's tallies are
     * dropped. An unknown job (never opened, e.g. work lost before a restart) owes nothing: the reward is all dust.
     */
    public OwedPayouts.Result close(long jobId, long reward, BigDecimal feeRate) {
        Job job = jobs.remove(jobId);
        Map<String, Double> users = new LinkedHashMap<>();
        double pool = 0;
        if (job != null) {
            job.users.forEach((u, t) -> users.put(u, t.totalDifficulty()));
            pool = job.poolDifficulty;
        }
        return OwedPayouts.compute(reward, feeRate, users, pool);
    }
}
