package io.poolkit.stratum.pool;

import java.time.Instant;
import java.util.List;

/**
 * A block a miner found and what the nodes said when it was submitted.
 *
 * @param height       block height
 * @param hashDisplay  block hash, display order
 * @param address      the finder's payout address
 * @param worker       the finder's worker name
 * @param foundAt      when the share arrived
 * @param accepted     true if at least one node accepted it
 * @param nodeResults  one line per node: "name: accepted" or "name: rejected (reason)"
 */
public record BlockSubmission(long height, String hashDisplay, String address, String worker, Instant foundAt, boolean accepted,
                         List<String> nodeResults) {

    public BlockSubmission {
        nodeResults = List.copyOf(nodeResults);
    }
}
