package io.poolkit.pegnet.pool;

import io.poolkit.pegnet.factom.FactomdClient;
import io.poolkit.pegnet.lxr.LxrHash;
import io.poolkit.pegnet.opr.FactomEntry;
import io.poolkit.pegnet.opr.Grader;
import io.poolkit.pegnet.stratum.ShareChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool's engine (Prosper's sync loop, hooks, submitter and accountant on one thread). Each {@link #runOnce()}
 * first hands queued shares to the accountant and the submitter, then syncs: for every directory block not yet
 * seen it reads the OPR chain's entry block, grades it, folds it into the EMA, gives the accountant the pool's
 * reward for that job (payouts of graded records carrying the pool's identity or coinbase) and, at the top height,
 * builds and notifies the job for the next height. Differences from upstream, on purpose: a height without an OPR
 * entry block still yields a job (with the carried-forward winners), and a job that cannot be built (no prices)
 * still lets the reward and EMA be processed.
 */
public final class PegnetPool {

    private static final Logger LOG = LoggerFactory.getLogger(PegnetPool.class);

    /** Accepted shares waiting for the pool thread; stratum drops (and counts) shares when it is full. */
    public static final int QUEUE = 10_000;

    private final FactomdClient factomd;
    private final LxrHash lxr;
    private final JobFactory jobs;
    private final OprSubmitter submitter;
    private final Accountant accountant;
    private final Consumer<ShareChecker.Job> notifier;
    private final BlockingQueue<ShareChecker.Share> queue = new ArrayBlockingQueue<>(QUEUE);
    private long synced;
    private List<String> previousWinners;
    private PegnetJob current;
    private final List<BlockReport> reports = new ArrayList<>();

    /** What one synced block did. */
    public record BlockReport(long height, int graded, int winning, long reward, long minimumTarget, long ema,
            Optional<OwedPayouts.Result> owed) {
    }

    /**
     * @param factomd    the node
     * @param lxr        the hasher graded blocks are checked with
     * @param jobs       builds the pool's OPRs
     * @param submitter  rolling submission
     * @param accountant the accountant
     * @param notifier   stratum's {@code mining.notify} to everyone
     * @param startAfter the pool syncs the blocks after this height (the block at it is graded only for its
     *                   winners)
     */
    public PegnetPool(FactomdClient factomd, LxrHash lxr, JobFactory jobs, OprSubmitter submitter,
            Accountant accountant, Consumer<ShareChecker.Job> notifier, long startAfter) {
        this.factomd = factomd;
        this.lxr = lxr;
        this.jobs = jobs;
        this.submitter = submitter;
        this.accountant = accountant;
        this.notifier = notifier;
        this.synced = startAfter;
    }

    /** Queues an accepted share from stratum (never blocks); false when the queue is full. */
    public boolean offer(ShareChecker.Share share) {
        return queue.offer(share);
    }

    /** Handles queued shares, then syncs new blocks. Returns the blocks synced. */
    public synchronized List<BlockReport> runOnce() {
        drainShares();
        List<BlockReport> done = new ArrayList<>();
        long top = factomd.heights().directoryBlock();
        if (previousWinners == null) {
            bootstrap(top);
        }
        for (long h = synced + 1; h <= top; h++) {
            done.add(sync(h, h == top));
            synced = h;
        }
        reports.addAll(done);
        return done;
    }

    /** Handles the queued shares only. */
    public synchronized void drainShares() {
        ShareChecker.Share s;
        while ((s = queue.poll()) != null) {
            accountant.add(s);
            submitter.offer(s);
        }
    }

    /** The current job. */
    public synchronized Optional<PegnetJob> job() {
        return Optional.ofNullable(current);
    }

    /** The last height synced. */
    public synchronized long synced() {
        return synced;
    }

    /** Every block synced so far. */
    public synchronized List<BlockReport> reports() {
        return List.copyOf(reports);
    }

    /**
     * Without history, the winners of the start block come from grading it with the winners its own records list;
     * at the top, the job for the next height is built right away.
     */
    private void bootstrap(long top) {
        int h = Math.toIntExact(synced);
        List<FactomEntry> entries = factomd.entriesAt(FactomEntry.OPR_CHAIN_ID, h).orElse(List.of());
        List<String> listed = PreviousWinners.inferFrom(h, entries);
        previousWinners = Grader.grade(h, listed, entries, lxr::difficulty).winnersForNext(listed);
        if (synced == top) {
            newJob(synced + 1);
        }
    }

    private void newJob(long height) {
        try {
            PegnetJob job = jobs.build(height, previousWinners);
            current = job;
            submitter.newJob(job);
            accountant.open(job.height());
            notifier.accept(job.stratumJob());
        } catch (RuntimeException e) {
            LOG.warn("cannot build the job for height {}: {}", height, e.getMessage());
        }
    }

    private BlockReport sync(long height, boolean top) {
        List<FactomEntry> entries = factomd.entriesAt(FactomEntry.OPR_CHAIN_ID, height).orElse(List.of());
        Grader.GradedBlock graded = Grader.grade(Math.toIntExact(height), previousWinners, entries, lxr::difficulty);
        previousWinners = graded.winnersForNext(previousWinners);
        List<Long> difficulties = graded.graded().stream().map(g -> g.entry().selfReportedDifficulty()).toList();
        SubmissionPolicy.EmaUpdate ema = difficulties.isEmpty()
                ? new SubmissionPolicy.EmaUpdate(0, submitter.policy().ema()) : submitter.onGraded(difficulties);
        long reward = 0;
        int ours = 0;
        int winning = 0;
        for (Grader.GradedOpr g : graded.graded()) {
            if (g.entry().opr().minerId().equals(jobs.identity()) || g.entry().opr().coinbase().equals(jobs.coinbase())) {
                ours++;
                if (g.payout() > 0) {
                    winning++;
                    reward += g.payout();
                }
            }
        }
        Optional<OwedPayouts.Result> owed = accountant.reward(height, reward, ours, winning);
        if (top) {
            newJob(height + 1);
        }
        return new BlockReport(height, ours, winning, reward, ema.minimumTarget(), ema.ema(), owed);
    }
}
