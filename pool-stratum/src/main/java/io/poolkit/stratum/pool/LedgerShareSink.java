package io.poolkit.stratum.pool;

import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.ledger.FoundBlock;
import io.poolkit.core.ledger.ShareRecorder;
import io.poolkit.core.pow.PowAlgorithm;
import io.poolkit.core.pow.Sha256d;
import io.poolkit.stratum.job.StratumJob;
import io.poolkit.stratum.share.AcceptedShare;
import io.poolkit.stratum.share.ShareSink;

/**
 * Hands accepted shares and accepted blocks to the ledger's batching {@link ShareRecorder}. A full
 * recorder throws (see {@link io.poolkit.core.ledger.RecorderFullException}), which the server turns
 * into a rejected share rather than a lost one.
 */
final class LedgerShareSink implements ShareSink {

    private final ShareRecorder recorder;
    private final String chain;
    private final PowAlgorithm pow;

    LedgerShareSink(ShareRecorder recorder, String chain, PowAlgorithm pow) {
        this.recorder = recorder;
        this.chain = chain;
        this.pow = pow;
    }

    @Override
    public void shareAccepted(AcceptedShare s) {
        recorder.record(new io.poolkit.core.ledger.AcceptedShare(s.address(), s.worker(), s.difficulty(),
                s.networkDifficulty(), s.jobId(), s.height(), s.acceptedAt()));
    }

    /** Called for blocks a node accepted. */
    @Override
    public void blockFound(AcceptedShare s, StratumJob job, byte[] header, byte[] block) {
        byte[] hash = pow.powHashIsBlockHash() ? pow.hashHeader(header) : Sha256d.hash(header);
        recorder.recordBlock(new FoundBlock(chain, job.height(), Hex.encode(Bytes.reversed(hash)), s.address(), s.worker(),
                job.coinbaseValue(), s.networkDifficulty(), s.acceptedAt()));
    }
}
