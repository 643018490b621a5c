package io.poolkit.stratum.miner;

import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.chain.BlockHeader;
import io.poolkit.core.chain.MerkleTree;
import io.poolkit.core.pow.Sha256d;
import io.poolkit.core.target.Target;
import io.poolkit.core.chain.StratumEncoding;
import io.poolkit.stratum.protocol.NotifyParams;
import java.util.ArrayList;
import java.util.List;

/**
 * What a miner works on: a notify's fields, the session's extranonce1 and extranonce2 size, and
 * the share target of the difficulty in force when the notify arrived (as cpuminer applies
 * set_difficulty only with the next job).
 *
 * @param generation increases with every new notify, so workers notice new work
 */
record MinerWork(long generation, String jobId, byte[] previousHashInternal, byte[] coinbase1, byte[] coinbase2,
                 List<byte[]> merkleBranch, int version, int bits, int ntime, byte[] extranonce1, int extranonce2Size,
                 Target target) {

    static MinerWork from(long generation, NotifyParams n, byte[] extranonce1, int extranonce2Size, Target target) {
        List<byte[]> branch = new ArrayList<>();
        for (String b : n.merkleBranchHex()) {
            branch.add(Hex.decode(b, 32, "merkle branch entry"));
        }
        return new MinerWork(generation, n.jobId(), StratumEncoding.prevHashFromNotify(n.previousHashHex()),
                Hex.decode(n.coinbase1Hex()), Hex.decode(n.coinbase2Hex()), branch, parseWord(n.versionHex(), "version"),
                parseWord(n.bitsHex(), "nbits"), parseWord(n.timeHex(), "ntime"), extranonce1, extranonce2Size, target);
    }

    /** The 80-byte header for an extranonce2, with nonce 0 (the caller scans offset 76). */
    byte[] header(byte[] extranonce2) {
        byte[] coinbase = Bytes.concat(coinbase1, extranonce1, extranonce2, coinbase2);
        byte[] root = MerkleTree.rootFromBranch(Sha256d.hash(coinbase), merkleBranch);
        return new BlockHeader(version, previousHashInternal, root, Integer.toUnsignedLong(ntime), bits, 0).serialize();
    }

    /** Notify fields must be exactly 8 hex digits, as cpuminer insists. */
    private static int parseWord(String hex, String what) {
        if (hex.length() != 8 || !Hex.isHex(hex)) {
            throw new IllegalArgumentException("notify " + what + " must be 8 hex digits, got '" + hex + "'");
        }
        return (int) Long.parseLong(hex, 16);
    }
}
