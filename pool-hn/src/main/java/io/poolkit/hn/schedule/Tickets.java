package io.poolkit.hn.schedule;

import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.crypto.Blake2b;
import io.poolkit.hn.round.RoundClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tickets from the active hypernodes ({@code hn_list_to_tickets}): walk the list in order, giving
 * each hypernode {@code weight} tickets numbered by one counter; while there are fewer tickets than
 * forging slots (19), walk the whole list again, the counter going on. Five hypernodes weighing
 * 1, 2, 1, 1, 1 make 6 tickets a walk, so 4 walks and 24 tickets.
 */
public final class Tickets {

    private Tickets() {
    }

    /**
     * The tickets of {@code activePeers}, in creation order.
     *
     * @throws IllegalArgumentException if no peer has a positive weight (the reference would loop forever)
     */
    public static List<Ticket> issue(List<Peer> activePeers) {
        long totalWeight = 0;
        for (Peer p : activePeers) {
            totalWeight += Math.max(0, p.weight());
        }
        if (totalWeight <= 0) {
            throw new IllegalArgumentException("no active hypernode has a positive weight ("
                    + activePeers.size() + " active): there is nobody to forge this round");
        }
        List<Ticket> tickets = new ArrayList<>();
        int id = 0;
        while (tickets.size() < RoundClock.FORGING_SLOTS) {
            for (Peer p : activePeers) {
                for (int i = 0; i < p.weight(); i++) {
                    tickets.add(new Ticket(p.posAddress(), id, hash(p.posAddress(), id)));
                    id++;
                }
            }
        }
        return tickets;
    }

    /** The hash of ticket {@code id} of {@code posAddress}. */
    public static ImmutableBytes hash(String posAddress, int id) {
        return ImmutableBytes.of(Blake2b.hash20((posAddress + id).getBytes(StandardCharsets.UTF_8)));
    }
}
