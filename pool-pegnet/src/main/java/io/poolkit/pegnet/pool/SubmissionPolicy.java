package io.poolkit.pegnet.pool;

import java.util.Arrays;
import java.util.List;

/**
 * Which shares the pool writes on chain as OPR entries (Prosper's rolling submission): a share for the current job
 * is submitted iff its target is strictly above the EMA of the network's minimum difficulty and SoftMax admits it.
 * SoftMax keeps, per job, the {@code limit} best targets submitted so far (initially zeros); a target is admitted
 * iff it beats the smallest kept one, which it then replaces. A limit of 0 disables SoftMax.
 *
 * <p>Upstream's README documents a limit of 25 but its code loads {@code ema-n} (36) into it: the limit here is
 * its own setting (default {@value #DEFAULT_SOFTMAX}). Not thread-safe: one submitter thread owns it.
 */
public final class SubmissionPolicy {

    /** SoftMax limit documented upstream. */
    public static final int DEFAULT_SOFTMAX = 25;

    private final int emaN;
    private final int cutoff;
    private final boolean sortByDifficulty;
    private final int softMax;
    private long ema;
    private long jobId = -1;
    private long[] kept;

    /**
     * @param emaN             EMA window in blocks (upstream default 36)
     * @param cutoff           spot to aim for (upstream hard-codes 200)
     * @param softMax          SoftMax limit (0 disables)
     * @param sortByDifficulty read spot 50 from the graded set sorted by difficulty (fixed) rather than in grade
     *                         order (upstream's behaviour)
     * @param initialEma       the EMA reloaded from the store (0: none yet)
     */
    public SubmissionPolicy(int emaN, int cutoff, int softMax, boolean sortByDifficulty, long initialEma) {
        if (emaN < 1 || cutoff < 1 || softMax < 0) {
            throw new IllegalArgumentException("ema-n and cutoff must be positive and softmax not negative");
        }
        this.emaN = emaN;
        this.cutoff = cutoff;
        this.softMax = softMax;
        this.sortByDifficulty = sortByDifficulty;
        this.ema = initialEma;
        this.kept = new long[softMax];
    }

    /** What one graded block did to the EMA. */
    public record EmaUpdate(long minimumTarget, long ema) {
    }

    /**
     * Folds a graded block into the EMA: {@code gradedDifficulties} are the graded records' self-reported
     * difficulties in grade order (position 0 first).
     */
    public EmaUpdate onGradedBlock(List<Long> gradedDifficulties) {
        List<Long> set = gradedDifficulties;
        if (sortByDifficulty) {
            set = gradedDifficulties.stream().sorted((a, b) -> Long.compareUnsigned(b, a)).toList();
        }
        long min = NetworkDifficulty.minimumDifficulty(set, cutoff);
        ema = Ema.next(ema, min, emaN);
        return new EmaUpdate(min, ema);
    }

    /** Starts a job: SoftMax slots are cleared. */
    public void newJob(long job) {
        jobId = job;
        kept = new long[softMax];
    }

    /** The current EMA. */
    public long ema() {
        return ema;
    }

    /** Whether a share of {@code target} for {@code job} should be submitted; records it in SoftMax if so. */
    public boolean admit(long job, long target) {
        if (job != jobId || Long.compareUnsigned(target, ema) <= 0) {
            return false;
        }
        if (softMax == 0) {
            return true;
        }
        // kept is sorted descending; the smallest is last
        if (Long.compareUnsigned(target, kept[softMax - 1]) <= 0) {
            return false;
        }
        int i = softMax - 1;
        while (i > 0 && Long.compareUnsigned(kept[i - 1], target) < 0) {
            kept[i] = kept[i - 1];
            i--;
        }
        kept[i] = target;
        return true;
    }

    /** The SoftMax slots of the current job, best first (for status). */
    public long[] kept() {
        return Arrays.copyOf(kept, kept.length);
    }
}
