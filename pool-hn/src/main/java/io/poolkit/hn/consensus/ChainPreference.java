package io.poolkit.hn.consensus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which chain wins (beta99): compare {@code (forgers, uniques, round, height, forgersRound,
 * uniquesRound, block hash as hex)}, bigger is better. Sorting statuses is stable.
 */
public final class ChainPreference {

    /** Best first. */
    public static final Comparator<ChainHeight> BEST_FIRST = Comparator
            .comparingLong(ChainHeight::forgers)
            .thenComparingLong(ChainHeight::uniques)
            .thenComparingLong(ChainHeight::round)
            .thenComparingLong(ChainHeight::height)
            .thenComparingLong(ChainHeight::forgersRound)
            .thenComparingLong(ChainHeight::uniquesRound)
            .thenComparing(h -> h.blockHash().hex())
            .reversed();

    private ChainPreference() {
    }

    /** True if {@code a} is a better chain than {@code b}; never when they have the same tip hash ({@code first_height_is_better}). */
    public static boolean firstIsBetter(ChainHeight a, ChainHeight b) {
        if (a.blockHash().equals(b.blockHash())) {
            return false;
        }
        return BEST_FIRST.compare(a, b) < 0;
    }

    /** The statuses, best first; equal ones keep their order. */
    public static List<ChainHeight> sortBestFirst(List<ChainHeight> statuses) {
        List<ChainHeight> sorted = new ArrayList<>(statuses);
        sorted.sort(BEST_FIRST);
        return List.copyOf(sorted);
    }
}
