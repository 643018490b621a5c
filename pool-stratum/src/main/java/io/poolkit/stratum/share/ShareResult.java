package io.poolkit.stratum.share;

import java.math.BigDecimal;

/** The verdict on one submitted share. */
public sealed interface ShareResult {

    /**
     * A share that met its target.
     *
     * @param powHashLe      the PoW hash, 32 bytes as produced (little-endian number)
     * @param header         the 80-byte header the miner hashed
     * @param coinbase       the completed coinbase (non-witness serialization)
     * @param difficulty     the share difficulty it was accepted at (the job's, as sent)
     * @param blockCandidate true if the hash also meets the network target
     * @param shareKey       the key this share holds in the job's duplicate set
     */
    record Accepted(byte[] powHashLe, byte[] header, byte[] coinbase, BigDecimal difficulty, boolean blockCandidate,
                    String shareKey)
            implements ShareResult {
    }

    /** A rejected share, with the reason counted and a detail for the miner. */
    record Rejected(RejectReason reason, String detail) implements ShareResult {
    }
}
