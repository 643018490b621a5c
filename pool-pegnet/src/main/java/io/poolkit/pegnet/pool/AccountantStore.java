package io.poolkit.pegnet.pool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Persistence of the accountant: open jobs and their shares as they arrive, and each job's owed payouts once its
 * reward is known (exactly once). A restart reloads the open jobs and replays their shares, so the in-flight block
 * is not lost (upstream loses it).
 */
public interface AccountantStore {

    /** A share as stored, in arrival order. */
    record StoredShare(long jobId, String user, String minerId, long target, Instant at) {
    }

    /** Records that {@code jobId} is open (idempotent). */
    void openJob(long jobId, Instant at);

    /** Appends a share of an open job. */
    void saveShare(StoredShare share);

    /** Jobs open and not yet closed, ascending. */
    List<Long> openJobs();

    /** Shares of open jobs in arrival order. */
    List<StoredShare> openShares();

    /**
     * Closes {@code jobId} with what is owed, exactly once: returns false (and changes nothing) if it was closed
     * before.
     */
    boolean close(long jobId, int graded, int winning, OwedPayouts.Result owed, Instant at);

    /** In memory (tests, and the stratum-only mode without a ledger). Thread safe. */
    static AccountantStore inMemory() {
        return new AccountantStore() {
            private final Map<Long, Boolean> jobs = new TreeMap<>();
            private final List<StoredShare> shares = new ArrayList<>();

            @Override
            public synchronized void openJob(long jobId, Instant at) {
                jobs.putIfAbsent(jobId, true);
            }

            @Override
            public synchronized void saveShare(StoredShare share) {
                shares.add(share);
            }

            @Override
            public synchronized List<Long> openJobs() {
                return jobs.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
            }

            @Override
            public synchronized List<StoredShare> openShares() {
                return shares.stream().filter(s -> Boolean.TRUE.equals(jobs.get(s.jobId()))).toList();
            }

            @Override
            public synchronized boolean close(long jobId, int graded, int winning, OwedPayouts.Result owed,
                    Instant at) {
                if (Boolean.FALSE.equals(jobs.get(jobId))) {
                    return false;
                }
                jobs.put(jobId, false);
                shares.removeIf(s -> s.jobId() == jobId);
                return true;
            }
        };
    }
}
