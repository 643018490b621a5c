package io.poolkit.stratum.share;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An accepted share as the pool records it.
 *
 * @param address        the payout address the worker authorized with
 * @param worker         the worker name (may be empty)
 * @param difficulty     the share difficulty it was accepted at
 * @param networkDifficulty the network difficulty of the job (bdiff)
 * @param height         height of the block the job built
 * @param jobId          the pool job id
 * @param powHashDisplay the PoW hash, display order hex
 * @param blockCandidate true if it met the network target
 * @param acceptedAt     when it was accepted
 */
public record AcceptedShare(String address, String worker, BigDecimal difficulty, BigDecimal networkDifficulty, long height, String jobId,
                            String powHashDisplay, boolean blockCandidate, Instant acceptedAt) {
}
