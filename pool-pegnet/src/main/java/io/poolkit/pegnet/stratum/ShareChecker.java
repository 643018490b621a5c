package io.poolkit.pegnet.stratum;

import io.poolkit.core.bytes.Hex;
import io.poolkit.pegnet.lxr.LxrHash;
import io.poolkit.pegnet.pool.ShareDifficulty;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One connection's {@code mining.submit} checks, in Prosper's order:
 * <ol>
 * <li>the submitting name is the authorized one (upstream lets a connection that never authorized submit as "":
 *     refused here unless {@code allowUnauthorized});</li>
 * <li>a current job exists;</li>
 * <li>the job id and the OPR hash strings equal the job's exactly (case-sensitive);</li>
 * <li>OPR hash and nonce are hex, the target is 16 hex digits or fewer without {@code 0x};</li>
 * <li>target at or above {@link ShareDifficulty#PDIFF};</li>
 * <li>the nonce string was not submitted before on this connection for this job (cleared on every notify);</li>
 * <li>if every share is validated: {@code first8(LXRHash(oprhash || nonce))} equals the claimed target exactly;</li>
 * <li>submissions are open (factomd is not between minute 0 and 1).</li>
 * </ol>
 * Not thread-safe: one connection's handler owns it.
 */
public final class ShareChecker {

    /** Why a share was refused (or that it was accepted). */
    public enum Verdict {
        ACCEPTED, NOT_AUTHORIZED, NO_JOB, WRONG_JOB, BAD_PARAMS, BELOW_POOL_TARGET, DUPLICATE, WRONG_TARGET,
        SUBMISSIONS_CLOSED
    }

    /** The current job as notified: the height being mined (decimal) and the OPR hash (64 lowercase hex). */
    public record Job(String jobId, String oprHashHex) {
    }

    /** An accepted share, ready for the accountant and the submitter. */
    public record Share(String username, String minerId, String jobId, byte[] oprHash, byte[] nonce, long target) {
    }

    /** The outcome: a verdict and, when accepted, the share. */
    public record Result(Verdict verdict, Optional<Share> share) {
        /** Whether the share was accepted. */
        public boolean accepted() {
            return verdict == Verdict.ACCEPTED;
        }
    }

    private final LxrHash lxr;
    private final boolean validateAllShares;
    private final boolean allowUnauthorized;
    private final Set<String> nonces = new HashSet<>();
    private Job job;
    private String username = "";
    private String minerId = "";
    private boolean authorized;

    /**
     * @param lxr               the 30-bit hasher on mainnet
     * @param validateAllShares recompute every share's hash (upstream's default, true)
     * @param allowUnauthorized upstream's behaviour: a connection that never authorized submits as ""
     */
    public ShareChecker(LxrHash lxr, boolean validateAllShares, boolean allowUnauthorized) {
        this.lxr = lxr;
        this.validateAllShares = validateAllShares;
        this.allowUnauthorized = allowUnauthorized;
    }

    /** Records a successful {@code mining.authorize} of {@code "username,minerid"}. */
    public void authorized(String user, String miner) {
        this.username = user;
        this.minerId = miner;
        this.authorized = true;
    }

    /** A {@code mining.notify}: the new job; the nonce history is cleared. */
    public void notify(Job newJob) {
        this.job = newJob;
        nonces.clear();
    }

    /** Checks {@code mining.submit [username, jobID, nonceHex, oprHashHex, targetHex]}. */
    public Result submit(String user, String jobId, String nonceHex, String oprHashHex, String targetHex,
            boolean submissionsOpen) {
        if ((!authorized && !allowUnauthorized) || !user.equals(username)) {
            return refused(Verdict.NOT_AUTHORIZED);
        }
        if (job == null) {
            return refused(Verdict.NO_JOB);
        }
        if (!job.jobId().equals(jobId) || !job.oprHashHex().equals(oprHashHex)) {
            return refused(Verdict.WRONG_JOB);
        }
        byte[] oprHash;
        byte[] nonce;
        long target;
        try {
            oprHash = Hex.decode(oprHashHex);
            nonce = Hex.decode(nonceHex);
            if (targetHex.isEmpty() || targetHex.length() > 16 || !Hex.isHex(targetHex.length() % 2 == 0
                    ? targetHex : "0" + targetHex)) {
                return refused(Verdict.BAD_PARAMS);
            }
            target = Long.parseUnsignedLong(targetHex, 16);
        } catch (IllegalArgumentException e) {
            return refused(Verdict.BAD_PARAMS);
        }
        if (Long.compareUnsigned(target, ShareDifficulty.PDIFF) < 0) {
            return refused(Verdict.BELOW_POOL_TARGET);
        }
        if (!nonces.add(nonceHex)) {
            return refused(Verdict.DUPLICATE);
        }
        if (validateAllShares && lxr.difficulty(oprHash, nonce) != target) {
            return refused(Verdict.WRONG_TARGET);
        }
        if (!submissionsOpen) {
            return refused(Verdict.SUBMISSIONS_CLOSED);
        }
        return new Result(Verdict.ACCEPTED, Optional.of(new Share(username, minerId, jobId, oprHash, nonce, target)));
    }

    private static Result refused(Verdict v) {
        return new Result(v, Optional.empty());
    }
}
