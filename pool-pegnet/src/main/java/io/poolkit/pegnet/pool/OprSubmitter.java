package io.poolkit.pegnet.pool;

import io.poolkit.core.bytes.Hex;
import io.poolkit.pegnet.factom.EcKey;
import io.poolkit.pegnet.factom.EntryCommit;
import io.poolkit.pegnet.factom.FactomdClient;
import io.poolkit.pegnet.opr.FactomEntry;
import io.poolkit.pegnet.stratum.ShareChecker;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolling submission: each share of the current job that the {@link SubmissionPolicy} admits becomes an OPR entry
 * (ExtIDs {@code [nonce, u64be(target), version]}, content the job's OPR) paid with the EC key: commit, then
 * reveal. Every share offered is recorded in the {@link SubmissionLog}, whatever became of it. Not thread safe: the
 * pool's thread owns it.
 */
public final class OprSubmitter {

    private static final Logger LOG = LoggerFactory.getLogger(OprSubmitter.class);

    private final FactomdClient factomd;
    private final EcKey key;
    private final SubmissionPolicy policy;
    private final SubmissionLog log;
    private final Clock clock;
    private PegnetJob job;

    /** Submits through {@code factomd} paying with {@code key}. */
    public OprSubmitter(FactomdClient factomd, EcKey key, SubmissionPolicy policy, SubmissionLog log, Clock clock) {
        this.factomd = factomd;
        this.key = key;
        this.policy = policy;
        this.log = log;
        this.clock = clock;
    }

    /** The policy (EMA, SoftMax). */
    public SubmissionPolicy policy() {
        return policy;
    }

    /** A new current job: SoftMax restarts. */
    public void newJob(PegnetJob newJob) {
        job = newJob;
        policy.newJob(newJob.height());
    }

    /** Folds a graded block's difficulties (grade order) into the EMA. */
    public SubmissionPolicy.EmaUpdate onGraded(List<Long> gradedDifficulties) {
        return policy.onGradedBlock(gradedDifficulties);
    }

    /** The entry a share becomes. */
    public static FactomEntry entryFor(PegnetJob job, byte[] nonce, long target) {
        byte[] srd = new byte[8];
        for (int i = 0; i < 8; i++) {
            srd[i] = (byte) (target >>> (56 - 8 * i));
        }
        return FactomEntry.onOprChain(List.of(nonce, srd, new byte[] {(byte) job.version()}), job.content());
    }

    /** Offers an accepted share; returns (and records) what became of it. */
    public SubmissionLog.Attempt offer(ShareChecker.Share share) {
        long jobId = parseJob(share.jobId());
        String opr = Hex.encode(share.oprHash());
        String nonce = Hex.encode(share.nonce());
        SubmissionLog.Attempt a;
        if (job == null || jobId != job.height() || !opr.equals(Hex.encode(job.oprHash()))) {
            a = attempt(jobId, share, opr, nonce, SubmissionLog.Outcome.STALE, "", "", "");
        } else if (!policy.admit(jobId, share.target())) {
            a = attempt(jobId, share, opr, nonce, SubmissionLog.Outcome.BLOCKED, "", "", "");
        } else {
            FactomEntry entry = entryFor(job, share.nonce(), share.target());
            String txId = "";
            try {
                FactomdClient.Commit commit = factomd.commitEntry(EntryCommit.message(entry, key, clock.millis()));
                txId = commit.txId();
                factomd.revealEntry(entry);
                a = attempt(jobId, share, opr, nonce, SubmissionLog.Outcome.SUBMITTED, entry.hashHex(), txId, "");
            } catch (RuntimeException e) {
                LOG.warn("submitting entry {} failed: {}", entry.hashHex(), e.getMessage());
                a = attempt(jobId, share, opr, nonce, SubmissionLog.Outcome.FAILED, entry.hashHex(), txId,
                        String.valueOf(e.getMessage()));
            }
        }
        log.record(a);
        return a;
    }

    private SubmissionLog.Attempt attempt(long jobId, ShareChecker.Share s, String opr, String nonce,
            SubmissionLog.Outcome outcome, String entryHash, String txId, String error) {
        return new SubmissionLog.Attempt(jobId, s.username(), s.minerId(), opr, nonce, s.target(), outcome,
                entryHash, txId, error, clock.instant());
    }

    private static long parseJob(String jobId) {
        try {
            return Long.parseLong(jobId);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
