package io.poolkit.core.payout;

import io.poolkit.core.ledger.Block;
import io.poolkit.core.ledger.ShareRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.SortedMap;

/**
 * How a block's reward (after the pool fee and finder bonus, see {@link BlockSplitter}) is shared:
 * each scheme gives the miners' weights for one block.
 */
public sealed interface RewardScheme permits Prop, Pplns, Solo {

    /** The name stored with the credits, e.g. {@code PPLNS}. */
    String name();

    /**
     * The miners' weights for {@code block}.
     *
     * @param block the block whose reward is split
     * @param shares the ledger's shares
     * @param roundStart when the previous block of the chain was found (the epoch if none): where a
     *     PROP round starts
     * @return a weight per address; empty gives the whole rest to the finder
     */
    SortedMap<String, BigDecimal> weights(Block block, ShareRepository shares, Instant roundStart);

    /** Parses {@code PROP}, {@code SOLO} or {@code PPLNS} (window factor 2) / {@code PPLNS:F}. */
    static RewardScheme parse(String text) {
        String t = text.strip().toUpperCase(java.util.Locale.ROOT);
        if (t.equals("PROP")) {
            return new Prop();
        }
        if (t.equals("SOLO")) {
            return new Solo();
        }
        if (t.equals("PPLNS")) {
            return new Pplns(BigDecimal.valueOf(2));
        }
        if (t.startsWith("PPLNS:")) {
            return new Pplns(new BigDecimal(t.substring("PPLNS:".length())));
        }
        throw new IllegalArgumentException("unknown reward scheme '" + text
                + "': use PROP, SOLO, PPLNS or PPLNS:F (window of F times the network difficulty)");
    }
}
