package io.poolkit.hn.scheduler;

import io.poolkit.hn.chain.PosBlock;
import io.poolkit.hn.chain.PosTransaction;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Activity in a round (beta99 {@code check_round}): a hypernode was active if it forged a block of
 * the round or sent a transaction that is in one. Registered hypernodes that were not active lose
 * their tickets for the next round, unless fewer than {@value #MIN_ACTIVE_HNS} were active (a
 * failsafe that also covers a round without blocks): then nobody is inactive. Inactive hypernodes
 * are still tested, still connected to, and may still send transactions.
 */
public final class Activity {

    /** Below this many active hypernodes, nobody is marked inactive. */
    public static final int MIN_ACTIVE_HNS = 10;

    private Activity() {
    }

    /** The forgers of the blocks of {@code round} and the senders of their transactions. */
    public static Set<String> activeIn(List<PosBlock> blocks, long round) {
        Set<String> active = new LinkedHashSet<>();
        for (PosBlock b : blocks) {
            if (b.round() == round) {
                active.add(b.forger());
                for (PosTransaction tx : b.transactions()) {
                    active.add(tx.sender());
                }
            }
        }
        return active;
    }

    /**
     * The registered PoS addresses that were not active, or none if fewer than
     * {@value #MIN_ACTIVE_HNS} addresses were active.
     *
     * @param registered PoS addresses registered in the round checked
     * @param active     addresses active in it ({@link #activeIn})
     */
    public static Set<String> inactive(Collection<String> registered, Set<String> active) {
        Set<String> inactive = new LinkedHashSet<>();
        if (active.size() < MIN_ACTIVE_HNS) {
            return inactive;
        }
        for (String pos : registered) {
            if (!active.contains(pos)) {
                inactive.add(pos);
            }
        }
        return inactive;
    }
}
