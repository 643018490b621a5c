package io.poolkit.packetcrypt.paymaker;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The PPLNS split at one moment: fractions of the next block reward per address (summing to 1,
 * within double rounding), with the bookkeeping the node.js PayMaker reports beside it.
 *
 * @param result              address to fraction of the reward, in the order first paid
 * @param warn                warnings (history ran out, ...)
 * @param earliestBlockPayout time of the oldest share paid, if any
 * @param earliestAnnPayout   time of the oldest ann slot paid, if any
 * @param latestPayout        time of the newest share or ann slot kept (0 if none)
 * @param payoutShares        shares paid per address
 * @param payoutAnns          anns paid per address
 * @param lastSubmissions     newest paid event time per address
 * @param poolFee             the fee fraction applied
 */
public record WhoToPay(Map<String, Double> result, List<String> warn, OptionalLong earliestBlockPayout,
                       OptionalLong earliestAnnPayout, long latestPayout, Map<String, Long> payoutShares,
                       Map<String, Long> payoutAnns, Map<String, Long> lastSubmissions, double poolFee) {

    /** Copies the maps and list (keeping their order). */
    public WhoToPay {
        result = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(result));
        warn = List.copyOf(warn);
        payoutShares = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payoutShares));
        payoutAnns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payoutAnns));
        lastSubmissions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lastSubmissions));
    }
}
