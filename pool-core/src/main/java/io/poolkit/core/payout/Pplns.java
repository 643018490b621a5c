package io.poolkit.core.payout;

import io.poolkit.core.ledger.AcceptedShare;
import io.poolkit.core.ledger.Block;
import io.poolkit.core.ledger.ShareRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Pay per last N shares: the window is the last {@code N = factor * networkDifficulty} difficulty
 * units of shares up to the block, walking back from the block; the oldest share in the window
 * counts only with the part that fits, so the window holds exactly N units (or every share, if
 * there are fewer).
 *
 * @param factor N as a multiple of the block's network difficulty, positive
 */
public record Pplns(BigDecimal factor) implements RewardScheme {

    public Pplns {
        Objects.requireNonNull(factor, "factor");
        if (factor.signum() <= 0) {
            throw new IllegalArgumentException("the PPLNS window factor must be positive, got " + factor.toPlainString());
        }
    }

    @Override
    public String name() {
        return "PPLNS";
    }

    @Override
    public SortedMap<String, BigDecimal> weights(Block block, ShareRepository shares, Instant roundStart) {
        Window w = new Window(factor.multiply(block.found().networkDifficulty()));
        shares.forEachBackward(block.found().foundAt(), s -> w.add(s.share()));
        return w.weights();
    }

    /** A window being filled newest share first. */
    public static final class Window {
        private final BigDecimal size;
        private BigDecimal filled = BigDecimal.ZERO;
        private final SortedMap<String, BigDecimal> weights = new TreeMap<>();

        /** An empty window of {@code size} difficulty units. */
        public Window(BigDecimal size) {
            if (size.signum() <= 0) {
                throw new IllegalArgumentException("a PPLNS window needs a positive size, got " + size.toPlainString());
            }
            this.size = size;
        }

        /** Adds the next older share; false once the window is full. */
        public boolean add(AcceptedShare share) {
            BigDecimal room = size.subtract(filled);
            if (room.signum() <= 0) {
                return false;
            }
            BigDecimal counted = share.difficulty().min(room);
            filled = filled.add(counted);
            weights.merge(share.address(), counted, BigDecimal::add);
            return filled.compareTo(size) < 0;
        }

        /** The difficulty each address has in the window. */
        public SortedMap<String, BigDecimal> weights() {
            return new TreeMap<>(weights);
        }
    }
}
