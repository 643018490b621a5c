package io.poolkit.stratum.share;

import io.poolkit.core.bytes.Hex;
import io.poolkit.core.pow.PowAlgorithm;
import io.poolkit.core.target.Target;
import io.poolkit.stratum.job.StratumJob;
import java.math.BigDecimal;
import java.util.Set;

/**
 * Checks a submitted share against the job and the difficulty that job was sent with, in this
 * order: field formats and lengths, ntime range, version bits, duplicate, PoW hash against the
 * share target, and against the network target. Stateless and thread safe; the caller owns the
 * duplicate set of the job.
 */
public final class ShareValidator {

    private final PowAlgorithm pow;

    public ShareValidator(PowAlgorithm pow) {
        this.pow = pow;
    }

    public PowAlgorithm pow() {
        return pow;
    }

    /**
     * Validates {@code s} for {@code job}.
     *
     * @param extranonce1      the connection's extranonce1
     * @param extranonce2Size  the subscribed extranonce2 size in bytes
     * @param versionMask      the negotiated BIP310 mask (0 when version rolling is off)
     * @param difficulty       the difficulty the job was sent to this connection with
     * @param shareTarget      the target of that difficulty
     * @param seen             the job's set of share keys already accepted (updated on accept)
     */
    public ShareResult validate(StratumJob job, Submission s, byte[] extranonce1, int extranonce2Size, int versionMask,
                                BigDecimal difficulty, Target shareTarget, Set<String> seen) {
        if (!Hex.isHex(s.extranonce2Hex()) || s.extranonce2Hex().length() != extranonce2Size * 2) {
            return reject(RejectReason.BAD_EXTRANONCE2, "extranonce2 must be " + extranonce2Size * 2 + " hex digits");
        }
        if (!Hex.isHex(s.ntimeHex()) || s.ntimeHex().length() != 8) {
            return reject(RejectReason.BAD_NTIME, "ntime must be 8 hex digits");
        }
        if (!Hex.isHex(s.nonceHex()) || s.nonceHex().length() != 8) {
            return reject(RejectReason.BAD_NONCE, "nonce must be 8 hex digits");
        }
        long ntime = Long.parseLong(s.ntimeHex(), 16);
        if (ntime < job.minTime() || ntime > job.maxTime()) {
            return reject(RejectReason.BAD_NTIME, "ntime " + ntime + " outside " + job.minTime() + ".." + job.maxTime());
        }
        int version = job.version();
        String versionKey = "";
        if (s.versionBitsHex().isPresent()) {
            String vb = s.versionBitsHex().get();
            if (!Hex.isHex(vb) || vb.length() != 8) {
                return reject(RejectReason.BAD_VERSION_BITS, "version bits must be 8 hex digits");
            }
            int bits = (int) Long.parseLong(vb, 16);
            if ((bits & ~versionMask) != 0) {
                return reject(RejectReason.BAD_VERSION_BITS, "version bits outside the negotiated mask");
            }
            version = (version & ~versionMask) | bits;
            versionKey = Integer.toHexString(bits);
        }
        long nonce = Long.parseLong(s.nonceHex(), 16);
        byte[] extranonce2 = Hex.decode(s.extranonce2Hex());
        String key = Hex.encode(extranonce1) + ':' + s.extranonce2Hex().toLowerCase(java.util.Locale.ROOT) + ':'
                + Long.toHexString(ntime) + ':' + Long.toHexString(nonce) + ':' + versionKey;
        if (seen.contains(key)) {
            return reject(RejectReason.DUPLICATE, null);
        }
        byte[] coinbase = job.coinbase(extranonce1, extranonce2);
        byte[] header = job.header(coinbase, ntime, nonce, version);
        byte[] hash = pow.hashHeader(header);
        if (!shareTarget.isMetBy(hash)) {
            return reject(RejectReason.LOW_DIFFICULTY, null);
        }
        if (!seen.add(key)) {
            // Another thread accepted the same share between the check and now.
            return reject(RejectReason.DUPLICATE, null);
        }
        return new ShareResult.Accepted(hash, header, coinbase, difficulty, job.networkTarget().isMetBy(hash), key);
    }

    private static ShareResult reject(RejectReason reason, String detail) {
        return new ShareResult.Rejected(reason, detail);
    }
}
