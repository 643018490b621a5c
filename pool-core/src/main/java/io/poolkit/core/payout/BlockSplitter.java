package io.poolkit.core.payout;

import io.poolkit.core.ledger.CreditKind;
import io.poolkit.core.ledger.CreditLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Turns a block reward and the miners' weights into ledger credit lines: first the pool fee
 * ({@link PoolFee#of}, rounded down), then the finder bonus ({@code floor(reward * bonusPerMille /
 * 1000)}, to the finder), then the rest by {@link WeightSplitter}. If there are no weights (no share
 * in the window) the rest goes to the finder. Lines of zero are left out; the lines always sum to
 * the reward.
 *
 * @param fee the pool fee
 * @param finderBonusPerMille the finder's bonus in thousandths of the reward, 0 for none
 */
public record BlockSplitter(PoolFee fee, int finderBonusPerMille) {

    public BlockSplitter {
        Objects.requireNonNull(fee, "fee");
        if (finderBonusPerMille < 0 || finderBonusPerMille + fee.perMille() > 1000) {
            throw new IllegalArgumentException("the finder bonus must be 0 to " + (1000 - fee.perMille())
                    + " per mille with a pool fee of " + fee.perMille() + ", got " + finderBonusPerMille);
        }
    }

    /** Splits {@code reward} found by {@code finder} among {@code weights}. */
    public List<CreditLine> split(long reward, String finder, Map<String, BigDecimal> weights) {
        if (reward < 0) {
            throw new IllegalArgumentException("negative reward: " + reward);
        }
        List<CreditLine> lines = new ArrayList<>();
        long poolFee = fee.of(reward);
        long bonus = PerMille.of(reward, finderBonusPerMille);
        long rest = reward - poolFee - bonus;
        add(lines, fee.address(), CreditKind.POOL_FEE, poolFee);
        add(lines, finder, CreditKind.FINDER_BONUS, bonus);
        boolean anyWeight = weights.values().stream().anyMatch(w -> w.signum() > 0);
        if (!anyWeight) {
            add(lines, finder, CreditKind.SHARE, rest);
        } else {
            SortedMap<String, Long> parts = WeightSplitter.split(rest, weights);
            parts.forEach((address, amount) -> add(lines, address, CreditKind.SHARE, amount));
        }
        return List.copyOf(lines);
    }

    private static void add(List<CreditLine> lines, String address, CreditKind kind, long amount) {
        if (amount > 0) {
            lines.add(new CreditLine(address, kind, amount));
        }
    }
}
