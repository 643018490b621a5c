package io.poolkit.packetcrypt.paymaker;

import io.poolkit.packetcrypt.http.Jsons;
import io.poolkit.packetcrypt.pool.PoolWorkMath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The PayMaker's memory: blocks (for difficulty), shares and ann slots, credited and walked exactly
 * as the node.js PayMaker does it, in IEEE doubles and in the same order of operations so that the
 * fractions agree to the last bit. Thread-safe (every method is synchronized).
 */
public final class PayBook {

    /** Hashes per unit of block difficulty in the pool's credit formula (pktd's share base). */
    static final double BASE_DIFFICULTY = 4096;

    /**
     * What applying one pay log did.
     *
     * @param added      events credited or recorded
     * @param duplicates events ignored because their id was already kept
     * @param tooOld     events older than the history depth
     * @param rejected   lines that were not usable events (see warnings)
     * @param warnings   why lines were rejected
     */
    public record Applied(int added, int duplicates, int tooOld, int rejected, List<String> warnings) {
    }

    private final PayMakerSettings settings;
    private final EventTree<PayEvent.Block> blocks = new EventTree<>(PayEvent::time, PayEvent::eventId);
    private final EventTree<CreditedShare> shares = new EventTree<>(s -> s.share.time(), s -> s.share.eventId());
    private final AnnSlots anns;
    private long mostRecentEventTime;

    private record CreditedShare(PayEvent.Share share, double credit) {
    }

    /** An empty book. */
    public PayBook(PayMakerSettings settings) {
        this.settings = settings;
        this.anns = new AnnSlots(settings.annSlotMillis(), settings.slotsToKeepEvents());
    }

    /**
     * Applies one pay log: every event is credited against the state as it is (events older than
     * the history depth are skipped), then the newest time advances and old state is collected.
     */
    public synchronized Applied apply(String body) {
        List<String> warnings = new ArrayList<>();
        List<PayEvent> events = PaylogParser.parse(body, warnings::add);
        int added = 0;
        int dup = 0;
        int old = 0;
        int rejected = warnings.size();
        long earliest = earliestValidTime();
        for (PayEvent e : events) {
            if (e.time() < earliest) {
                old++;
                continue;
            }
            boolean ok;
            if (e instanceof PayEvent.Block b) {
                ok = blocks.insert(b);
            } else if (e instanceof PayEvent.Share s) {
                ok = shares.insert(new CreditedShare(s, shareCredit(s)));
            } else {
                PayEvent.Anns a = (PayEvent.Anns) e;
                AnnSlots.Outcome out = anns.insert(a, annCredit(a));
                if (out == AnnSlots.Outcome.PRUNED) {
                    warnings.add("event " + a.eventId() + ": Unable to add event, compressor entry dedup table was pruned");
                    rejected++;
                    continue;
                }
                ok = out == AnnSlots.Outcome.ADDED;
            }
            if (ok) {
                added++;
            } else {
                dup++;
            }
        }
        newestTimestamp(body).ifPresent(t -> mostRecentEventTime = Math.max(mostRecentEventTime, t));
        garbageCollect();
        return new Applied(added, dup, old, rejected, List.copyOf(warnings));
    }

    /**
     * The time of the last line (searching back through the last 10000 characters) that parses
     * as JSON with a numeric time, as the original names its log files.
     */
    public static OptionalLong newestTimestamp(String body) {
        String s = body.length() > 10_000 ? body.substring(body.length() - 10_000) : body;
        while (true) {
            int i = s.lastIndexOf('\n');
            String candidate = i < 0 ? s : s.substring(i);
            if (i < 0 && s.isEmpty()) {
                return OptionalLong.empty();
            }
            try {
                var n = Jsons.MAPPER.readTree(candidate);
                if (n != null && n.isObject() && n.path("time").isNumber() && n.get("time").canConvertToExactIntegral()) {
                    return OptionalLong.of(n.get("time").asLong());
                }
            } catch (Exception ignored) {
                // not JSON: look one line further back
            }
            if (i < 0) {
                return OptionalLong.empty();
            }
            s = s.substring(0, i);
        }
    }

    /** The newest event time seen so far (0 before any). */
    public synchronized long mostRecentEventTime() {
        return mostRecentEventTime;
    }

    /** Raises the newest event time (used when reloading stored logs). */
    public synchronized void noteEventTime(long time) {
        mostRecentEventTime = Math.max(mostRecentEventTime, time);
    }

    private long earliestValidTime() {
        return mostRecentEventTime - 1000 * settings.historyDepthSeconds();
    }

    private void garbageCollect() {
        long evt = earliestValidTime();
        blocks.gcOld(evt);
        anns.gcOld(evt);
        shares.gcOld(evt);
    }

    /** 4096 times the difficulty of the newest block strictly before {@code time}, or -1. */
    private double difficultyAt(long time) {
        for (PayEvent.Block b : blocks.newestFirst()) {
            if (b.time() < time) {
                return b.difficulty() * BASE_DIFFICULTY;
            }
        }
        return -1;
    }

    private double shareCredit(PayEvent.Share s) {
        double diff = difficultyAt(s.time());
        return diff < 1 ? 0 : PoolWorkMath.workMultiple(s.target()) / diff;
    }

    private double annCredit(PayEvent.Anns a) {
        double diff = difficultyAt(a.time());
        if (diff < 1) {
            return 0;
        }
        // Unsigned anns are never paid (the AnnHandler counts them only when the pool signs).
        long payable = Math.max(0, a.accepted() - a.unsigned());
        if (a.totalLen() != 0) {
            // Every 16 KiB of content costs one announcement's pay.
            payable = Math.max(0, payable - (a.totalLen() >> 14));
        }
        return PoolWorkMath.workMultiple(a.target()) * (double) payable / diff;
    }

    /**
     * The split for events up to {@code maxTime} (inclusive): shares newest first until
     * blockPayoutFraction is paid, ann slots newest first until the rest is paid (a zero-credit
     * entry ends its slot, as in the original), leftovers to defaultAddress, then the pool fee.
     */
    public synchronized WhoToPay whoToPay(long maxTime) {
        double remaining = settings.blockPayoutFraction();
        Map<String, Double> payouts = new LinkedHashMap<>();
        Map<String, Long> payoutShares = new LinkedHashMap<>();
        Map<String, Long> seen = new LinkedHashMap<>();
        List<String> warn = new ArrayList<>();
        OptionalLong earliestBlock = OptionalLong.empty();
        for (CreditedShare cs : shares.newestFirst()) {
            PayEvent.Share s = cs.share();
            if (s.time() > maxTime) {
                continue;
            }
            earliestBlock = OptionalLong.of(s.time());
            double toPay = cs.credit() / settings.pplnsBlkConstantX();
            if (toPay >= remaining) {
                toPay = remaining;
            }
            seen.putIfAbsent(s.payTo(), s.time());
            payoutShares.merge(s.payTo(), 1L, Long::sum);
            add(payouts, s.payTo(), toPay);
            remaining -= toPay;
            if (remaining == 0) {
                break;
            }
        }
        if (remaining != 0) {
            warn.add("Ran out of block shares to pay paying [" + Jsons.jsString(remaining * 100) + "%] to defaultAddress");
            add(payouts, settings.defaultAddress(), remaining);
        }

        remaining = 1 - settings.blockPayoutFraction();
        OptionalLong earliestAnn = OptionalLong.empty();
        Map<String, Long> payoutAnns = new LinkedHashMap<>();
        walk:
        for (AnnSlots.Slot a : anns.newestFirst()) {
            if (a.time > maxTime) {
                continue;
            }
            for (Map.Entry<String, AnnSlots.Credit> e : a.credits.entrySet()) {
                AnnSlots.Credit credit = e.getValue();
                if (credit.credit == 0) {
                    // The original returns from the slot here: the rest of this slot is not paid.
                    continue walk;
                }
                earliestAnn = OptionalLong.of(a.time);
                double toPay = credit.credit / settings.pplnsAnnConstantX();
                if (toPay >= remaining) {
                    toPay = remaining;
                }
                seen.putIfAbsent(e.getKey(), a.time);
                payoutAnns.merge(e.getKey(), credit.accepted, Long::sum);
                add(payouts, e.getKey(), toPay);
                remaining -= toPay;
                if (remaining == 0) {
                    break walk;
                }
            }
        }
        if (remaining != 0) {
            warn.add("Ran out of ann shares to pay paying [" + Jsons.jsString(remaining * 100) + "%] to defaultAddress");
            add(payouts, settings.defaultAddress(), remaining);
        }

        CreditedShare ms = shares.newest();
        AnnSlots.Slot ma = anns.newest();
        long latest = Math.max(ms == null ? 0 : ms.share().time(), ma == null ? 0 : ma.time);

        double fee = settings.poolFee();
        // The original's reply order: the fee address first, then the largest fraction first (a stable
        // sort, so equal fractions keep the order in which they were first paid).
        Map<String, Double> ordered = new LinkedHashMap<>();
        if (fee > 0) {
            // Everyone else keeps (1 - fee) of their fraction; the fee address gets the fee.
            payouts.replaceAll((k, v) -> v * (1 - fee));
            ordered.put(settings.poolFeeAddress().orElseThrow(), fee);
        }
        payouts.entrySet().stream()
                .filter(e -> !ordered.containsKey(e.getKey())) // as upstream, the fee replaces the fee address's own share
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEachOrdered(e -> ordered.put(e.getKey(), e.getValue()));
        return new WhoToPay(ordered, warn, earliestBlock, earliestAnn, latest, payoutShares, payoutAnns, seen, fee);
    }

    private static void add(Map<String, Double> m, String k, double v) {
        Double old = m.get(k);
        // (old || 0) + v, as in the original (0 + v == v exactly).
        m.put(k, (old == null ? 0 : old) + v);
    }

    /** Sizes: blocks, compressedAnnSlots, shares. */
    public synchronized Map<String, Integer> stats() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("blocks", blocks.size());
        m.put("compressedAnnSlots", anns.size());
        m.put("shares", shares.size());
        return m;
    }
}
