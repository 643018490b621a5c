package io.poolkit.stratum.share;

import io.poolkit.stratum.job.StratumJob;

/**
 * Where accepted work goes: the share recorder, and for block candidates the block submitter.
 * Called on network threads: implementations must hand work off and return quickly.
 */
public interface ShareSink {

    void shareAccepted(AcceptedShare share);

    /** A share met the network target: submit {@code block} (serialized) built from {@code job}. */
    void blockFound(AcceptedShare share, StratumJob job, byte[] header, byte[] block);

    /** A sink that drops everything (for tools and tests that only count). */
    ShareSink NONE = new ShareSink() {
        @Override
        public void shareAccepted(AcceptedShare share) {
        }

        @Override
        public void blockFound(AcceptedShare share, StratumJob job, byte[] header, byte[] block) {
        }
    };
}
