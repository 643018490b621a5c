package io.poolkit.stratum.share;

import io.poolkit.stratum.protocol.StratumError;

/** Why a share was rejected: the monitor counts each; each maps to the stratum error sent back. */
public enum RejectReason {
    UNKNOWN_JOB(StratumError.JOB_NOT_FOUND),
    STALE_JOB(StratumError.JOB_NOT_FOUND),
    BAD_EXTRANONCE2(StratumError.OTHER),
    BAD_NTIME(StratumError.OTHER),
    BAD_NONCE(StratumError.OTHER),
    BAD_VERSION_BITS(StratumError.OTHER),
    DUPLICATE(StratumError.DUPLICATE_SHARE),
    LOW_DIFFICULTY(StratumError.LOW_DIFFICULTY),
    UNAUTHORIZED(StratumError.UNAUTHORIZED),
    NOT_SUBSCRIBED(StratumError.NOT_SUBSCRIBED),
    MALFORMED(StratumError.OTHER),
    /** The share was valid but the pool could not record it (the ledger writer is full): the miner may resubmit. */
    POOL_BUSY(StratumError.OTHER);

    private final StratumError error;

    RejectReason(StratumError error) {
        this.error = error;
    }

    public StratumError error() {
        return error;
    }

    /** Lower-case label for metrics, e.g. {@code low_difficulty}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
