package io.poolkit.pegnet.pool;

import java.time.Instant;

/** Where every submission attempt is recorded (Prosper's {@code entry_submissions}). */
@FunctionalInterface
public interface SubmissionLog {

    /** What became of a share offered to the submitter. */
    enum Outcome {
        /** Committed and revealed. */
        SUBMITTED,
        /** Not above the EMA or refused by SoftMax. */
        BLOCKED,
        /** For a job other than the current one. */
        STALE,
        /** factomd refused or could not be reached. */
        FAILED
    }

    /**
     * One attempt.
     *
     * @param jobId      block height of the job
     * @param user       user name
     * @param minerId    miner id
     * @param oprHashHex the OPR hash
     * @param nonceHex   the nonce
     * @param target     the share's target (unsigned)
     * @param outcome    what happened
     * @param entryHash  the entry hash ("" unless built)
     * @param commitTxId factomd's commit transaction id ("" unless committed)
     * @param error      why it failed ("" unless FAILED)
     * @param at         when
     */
    record Attempt(long jobId, String user, String minerId, String oprHashHex, String nonceHex, long target,
            Outcome outcome, String entryHash, String commitTxId, String error, Instant at) {
    }

    /** Records {@code attempt}. */
    void record(Attempt attempt);
}
