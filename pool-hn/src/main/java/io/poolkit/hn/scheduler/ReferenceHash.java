package io.poolkit.hn.scheduler;

import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.chain.PosBlock;
import java.util.List;

/**
 * The reference hash of a round (beta99): the hash of the last (highest) block of the previous
 * round, or, if the previous round has no block, the chain tip's hash at the round start (usually
 * the last block of the latest round that has one). There is no separate round digest.
 */
public final class ReferenceHash {

    private ReferenceHash() {
    }

    /**
     * The reference hash of {@code round}.
     *
     * @param blocks  blocks of the chain, at least those of {@code round - 1} (others are ignored)
     * @param tipHash the chain tip's hash, used when {@code round - 1} has no block
     */
    public static ImmutableBytes of(long round, List<PosBlock> blocks, ImmutableBytes tipHash) {
        PosBlock last = null;
        for (PosBlock b : blocks) {
            if (b.round() == round - 1 && (last == null || b.height() > last.height())) {
                last = b;
            }
        }
        return last != null ? last.blockHash() : tipHash;
    }
}
