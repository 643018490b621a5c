package io.poolkit.qtum.watch;

import java.util.Map;

/**
 * What processing one block did.
 *
 * @param height block height
 * @param hash block hash (display hex)
 * @param kind pool block, self stake, someone else's block, or proof of work / no coinstake
 * @param stakerRewardSats the staker reward (0 unless the block is ours)
 * @param creditsSats satoshis credited to each delegate (empty unless a pool block)
 */
public record BlockOutcome(int height, String hash, Kind kind, long stakerRewardSats, Map<String, Long> creditsSats) {

    /** The kinds of block the watcher tells apart. */
    public enum Kind {
        /** Delegated block staked by our super staker: the reward is shared. */
        POOL_BLOCK,
        /**
         * Delegated block staked by our super staker while no delegation had eligible weight: nobody
         * to share with, so the reward is pool revenue (logged).
         */
        POOL_BLOCK_UNSHARED,
        /** Our staker won with its own coins (no PoD): the reward is pool revenue. */
        SELF_STAKE,
        /** Someone else's block. */
        OTHER
    }

    public BlockOutcome {
        creditsSats = Map.copyOf(creditsSats);
    }
}
