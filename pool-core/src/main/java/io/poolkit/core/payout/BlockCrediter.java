package io.poolkit.core.payout;

import io.poolkit.core.ledger.Block;
import io.poolkit.core.ledger.CreditBatch;
import io.poolkit.core.ledger.CreditLine;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.ledger.Recorded;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits the reward of every found block that has not been split yet, with one scheme and one fee
 * policy. Each block is credited at most once (the ledger refuses a second split), so running it
 * again, or from two processes, credits nothing twice.
 *
 * @param scheme how the reward is shared
 * @param splitter the pool fee and finder bonus
 */
public record BlockCrediter(RewardScheme scheme, BlockSplitter splitter) {

    private static final Logger LOG = LoggerFactory.getLogger(BlockCrediter.class);

    public BlockCrediter {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(splitter, "splitter");
    }

    /** The split {@code block} would get now, without writing anything. */
    public List<CreditLine> splitOf(LedgerStore store, Block block) {
        Instant roundStart = store.blocks().previous(block).map(b -> b.found().foundAt()).orElse(Instant.EPOCH);
        SortedMap<String, BigDecimal> weights = scheme.weights(block, store.shares(), roundStart);
        return splitter.split(block.found().reward(), block.found().finderAddress(), weights);
    }

    /** Credits every uncredited block of {@code chain}; the batches this call created. */
    public List<CreditBatch> creditAll(LedgerStore store, String chain) {
        List<CreditBatch> created = new ArrayList<>();
        for (Block block : store.blocks().uncredited(chain)) {
            Recorded<CreditBatch> r = store.credits().creditBlock(block.id(), scheme.name(), splitOf(store, block));
            if (r.created()) {
                LOG.info("credited block {} at height {} ({} base units, {})", block.found().hash(),
                        block.found().height(), block.found().reward(), scheme.name());
                created.add(r.value());
            }
        }
        return created;
    }
}
