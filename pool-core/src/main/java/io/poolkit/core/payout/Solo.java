package io.poolkit.core.payout;

import io.poolkit.core.ledger.Block;
import io.poolkit.core.ledger.ShareRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

/** Solo: the finder takes the whole reward (after the pool fee). */
public record Solo() implements RewardScheme {

    @Override
    public String name() {
        return "SOLO";
    }

    @Override
    public SortedMap<String, BigDecimal> weights(Block block, ShareRepository shares, Instant roundStart) {
        return new TreeMap<>();
    }
}
