package io.poolkit.hn.schedule;

import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.round.RoundClock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Forgers from tickets ({@code tickets_to_jurors}): rank the tickets by the L1 distance between
 * their hash and the round's reference hash, smallest first, with a stable sort so that equal
 * distances keep ticket creation order (ties are frequent); the first 19 tickets give the forgers
 * of slots 0 to 18. A hypernode may forge several slots.
 */
public final class ForgerSchedule {

    /** Length of the reference hash and of ticket hashes. */
    public static final int HASH_BYTES = 20;

    private ForgerSchedule() {
    }

    /** The forgers of slots 0 to 18. */
    public static List<ForgerSlot> forgers(List<Ticket> tickets, ImmutableBytes referenceHash) {
        List<RankedTicket> ranked = rank(tickets, referenceHash);
        if (ranked.size() < RoundClock.FORGING_SLOTS) {
            throw new IllegalArgumentException("need at least " + RoundClock.FORGING_SLOTS + " tickets, got " + ranked.size());
        }
        List<ForgerSlot> slots = new ArrayList<>(RoundClock.FORGING_SLOTS);
        for (RankedTicket r : ranked.subList(0, RoundClock.FORGING_SLOTS)) {
            slots.add(new ForgerSlot(r.ticket().posAddress(), r.ticket().id()));
        }
        return List.copyOf(slots);
    }

    /** All tickets with their distances, closest first; ties keep their order in {@code tickets}. */
    public static List<RankedTicket> rank(List<Ticket> tickets, ImmutableBytes referenceHash) {
        checkHash(referenceHash);
        List<RankedTicket> ranked = new ArrayList<>(tickets.size());
        for (Ticket t : tickets) {
            ranked.add(new RankedTicket(t, distance(t.hash(), referenceHash)));
        }
        ranked.sort(Comparator.comparingInt(RankedTicket::distance)); // List.sort is stable
        return List.copyOf(ranked);
    }

    /** Sum of |a[i] - b[i]| over the 20 unsigned bytes. */
    public static int distance(ImmutableBytes a, ImmutableBytes b) {
        checkHash(a);
        checkHash(b);
        int sum = 0;
        for (int i = 0; i < HASH_BYTES; i++) {
            sum += Math.abs(a.unsignedAt(i) - b.unsignedAt(i));
        }
        return sum;
    }

    private static void checkHash(ImmutableBytes hash) {
        if (hash.length() != HASH_BYTES) {
            throw new IllegalArgumentException("reference and ticket hashes are " + HASH_BYTES + " bytes, got "
                    + hash.length());
        }
    }
}
