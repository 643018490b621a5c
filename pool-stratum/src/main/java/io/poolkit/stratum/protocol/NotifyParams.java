package io.poolkit.stratum.protocol;

import java.util.List;

/**
 * The params of {@code mining.notify}, already rendered as stratum expects them: the previous block
 * hash with its 4-byte words reversed, version/bits/time as big-endian hex of the 32-bit value,
 * merkle branch entries as hex of internal-order hashes.
 */
public record NotifyParams(String jobId, String previousHashHex, String coinbase1Hex, String coinbase2Hex,
                           List<String> merkleBranchHex, String versionHex, String bitsHex, String timeHex,
                           boolean cleanJobs) {

    public NotifyParams {
        merkleBranchHex = List.copyOf(merkleBranchHex);
    }

    public NotifyParams withJobId(String newJobId, boolean clean) {
        return new NotifyParams(newJobId, previousHashHex, coinbase1Hex, coinbase2Hex, merkleBranchHex, versionHex,
                bitsHex, timeHex, clean);
    }
}
