package io.poolkit.core.payout;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.ledger.Block;
import io.poolkit.core.ledger.BlockRepository;
import io.poolkit.core.rpc.JsonRpc;
import io.poolkit.core.rpc.RpcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles pending blocks against the node: a block whose hash is no longer the main chain's block
 * at its height (another block is there) is orphaned and its credits are cancelled; while the
 * chain is shorter than the block's height it waits. One with at least {@code maturity}
 * confirmations ({@code tip - height + 1}) is confirmed (its credits become payable). Anything else
 * stays pending. Uses only {@code getblockcount} and {@code getblockhash}, which every bitcoind-like
 * node answers.
 *
 * @param node the coin node
 * @param maturity the confirmations a coinbase needs before it is paid out, at least 1 (Bitcoin's
 *     coinbase maturity is 100)
 */
public record BlockMaturity(JsonRpc node, int maturity) {

    /** Bitcoin's coinbase maturity. */
    public static final int DEFAULT_MATURITY = 100;

    private static final Logger LOG = LoggerFactory.getLogger(BlockMaturity.class);

    public BlockMaturity {
        Objects.requireNonNull(node, "node");
        if (maturity < 1) {
            throw new IllegalArgumentException("maturity must be at least 1 confirmation, got " + maturity);
        }
    }

    /**
     * What a check did.
     *
     * @param confirmed blocks confirmed now
     * @param orphaned blocks orphaned now
     * @param stillPending blocks left pending
     */
    public record Result(List<Block> confirmed, List<Block> orphaned, List<Block> stillPending) {
        public Result {
            confirmed = List.copyOf(confirmed);
            orphaned = List.copyOf(orphaned);
            stillPending = List.copyOf(stillPending);
        }
    }

    /** What a check would do to one pending block. */
    public enum Verdict {
        /** It has the confirmations: its credits become payable. */
        CONFIRM,
        /** Another block is at its height: its credits are cancelled. */
        ORPHAN,
        /** Not enough confirmations yet, or the chain is shorter than its height. */
        WAIT
    }

    /**
     * A pending block and what a check would do to it.
     *
     * @param block the block
     * @param confirmations its confirmations on the node's main chain (0 if not on it)
     * @param verdict what {@link #settle} does to it
     */
    public record Assessment(Block block, long confirmations, Verdict verdict) {
    }

    /** What a check would do to each pending block of {@code chain}, changing nothing. */
    public List<Assessment> assess(BlockRepository blocks, String chain) {
        long tip = node.call("getblockcount", List.of()).asLong();
        List<Assessment> out = new ArrayList<>();
        for (Block b : blocks.pending(chain)) {
            long height = b.found().height();
            Optional<String> mainHash = height <= tip ? hashAt(height) : Optional.empty();
            if (mainHash.isEmpty()) {
                // The chain is shorter than the block (a reorg in progress, a node catching up): wait.
                out.add(new Assessment(b, 0, Verdict.WAIT));
            } else if (!mainHash.get().equalsIgnoreCase(b.found().hash())) {
                out.add(new Assessment(b, 0, Verdict.ORPHAN));
            } else {
                long confirmations = confirmations(tip, height);
                out.add(new Assessment(b, confirmations, confirmations >= maturity ? Verdict.CONFIRM : Verdict.WAIT));
            }
        }
        return out;
    }

    /** Checks every pending block of {@code chain}: confirms the mature ones, orphans the ones off the main chain. */
    public Result settle(BlockRepository blocks, String chain) {
        List<Block> confirmed = new ArrayList<>();
        List<Block> orphaned = new ArrayList<>();
        List<Block> pending = new ArrayList<>();
        for (Assessment a : assess(blocks, chain)) {
            Block b = a.block();
            switch (a.verdict()) {
                case ORPHAN -> {
                    LOG.warn("block {} at height {} is not on the main chain: orphaned", b.found().hash(),
                            b.found().height());
                    orphaned.add(blocks.orphan(b.id()));
                }
                case CONFIRM -> {
                    LOG.info("block {} at height {} has {} confirmations: confirmed", b.found().hash(),
                            b.found().height(), a.confirmations());
                    confirmed.add(blocks.confirm(b.id()));
                }
                case WAIT -> pending.add(b);
                default -> throw new IllegalStateException("unknown verdict " + a.verdict());
            }
        }
        return new Result(confirmed, orphaned, pending);
    }

    /** How many confirmations a block at {@code height} has with the node's tip at {@code tip}. */
    public static long confirmations(long tip, long height) {
        return Math.max(0, tip - height + 1);
    }

    private Optional<String> hashAt(long height) {
        try {
            JsonNode h = node.call("getblockhash", List.of(height));
            return h.isTextual() ? Optional.of(h.textValue()) : Optional.empty();
        } catch (RpcException e) {
            // The node has no block at that height (the chain got shorter).
            return Optional.empty();
        }
    }
}
