package io.poolkit.core.payout;

import io.poolkit.core.ledger.Block;
import io.poolkit.core.ledger.ShareRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

/** Proportional: the round is every share after the previous block up to this one, weighted by difficulty. */
public record Prop() implements RewardScheme {

    @Override
    public String name() {
        return "PROP";
    }

    @Override
    public SortedMap<String, BigDecimal> weights(Block block, ShareRepository shares, Instant roundStart) {
        return new TreeMap<>(shares.difficultyByAddress(roundStart, block.found().foundAt()));
    }
}
