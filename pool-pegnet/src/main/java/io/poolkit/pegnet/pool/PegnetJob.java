package io.poolkit.pegnet.pool;

import io.poolkit.core.bytes.Hex;
import io.poolkit.pegnet.opr.Opr;
import io.poolkit.pegnet.stratum.ShareChecker;

/**
 * A job: the OPR the pool mines for block {@code height} (the job id), its encoded content and
 * {@code oprHash = sha256(content)}.
 */
public record PegnetJob(long height, Opr opr, byte[] content, byte[] oprHash) {

    /** Copies the arrays. */
    public PegnetJob {
        content = content.clone();
        oprHash = oprHash.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public byte[] oprHash() {
        return oprHash.clone();
    }

    /** The OPR version byte of ExtID[2]. */
    public int version() {
        return opr.version();
    }

    /** The job as stratum notifies it: decimal height and lowercase hex OPR hash. */
    public ShareChecker.Job stratumJob() {
        return new ShareChecker.Job(Long.toString(height), Hex.encode(oprHash));
    }
}
