package io.poolkit.hn.scheduler;

import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.registration.RegistrationList;
import io.poolkit.hn.round.RoundClock;
import io.poolkit.hn.schedule.ConnectTo;
import io.poolkit.hn.schedule.ForgerSlot;
import io.poolkit.hn.schedule.Peer;
import io.poolkit.hn.schedule.PeerTest;
import io.poolkit.hn.schedule.ScheduleParameters;
import io.poolkit.hn.schedule.Ticket;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a hypernode needs for one round.
 *
 * @param round         the round
 * @param referenceHash the 20-byte hash the forgers and tests derive from
 * @param registrations the round's registrations, with {@code active} marked
 * @param inactive      PoS addresses that lost their tickets (inactive in the previous round)
 * @param tickets       the tickets of the active hypernodes, in creation order
 * @param forgers       the forgers of slots 0 to 18
 * @param testSlots     the tests of slots 0 to 18
 * @param parameters    the tunable numbers used
 */
public record RoundSchedule(long round, ImmutableBytes referenceHash, RegistrationList registrations,
                            Set<String> inactive, List<Ticket> tickets, List<ForgerSlot> forgers,
                            List<List<PeerTest>> testSlots, ScheduleParameters parameters) {

    public RoundSchedule {
        inactive = Set.copyOf(inactive);
        tickets = List.copyOf(tickets);
        forgers = List.copyOf(forgers);
        testSlots = testSlots.stream().map(List::copyOf).toList();
    }

    /** Every registered hypernode, in order. */
    public List<Peer> allPeers() {
        return registrations.allPeers();
    }

    /** The hypernodes that hold tickets this round, in order. */
    public List<Peer> activePeers() {
        return registrations.activePeers();
    }

    /** The forger of {@code slot}; empty for the closing slot 19. */
    public Optional<String> forgerOf(int slot) {
        checkSlot(slot);
        return slot < forgers.size() ? Optional.of(forgers.get(slot).posAddress()) : Optional.empty();
    }

    /** The tests of {@code slot}; none in the closing slot 19. */
    public List<PeerTest> testsOf(int slot) {
        checkSlot(slot);
        return slot < testSlots.size() ? testSlots.get(slot) : List.of();
    }

    /** The tests {@code posAddress} runs in {@code slot}, in order. */
    public List<PeerTest> testsRunBy(String posAddress, int slot) {
        return testsOf(slot).stream().filter(t -> t.tester().equals(posAddress)).toList();
    }

    /** The peers {@code myAddress} connects to this round. */
    public List<Peer> connectTo(String myAddress) {
        return ConnectTo.choose(allPeers(), round, myAddress, parameters.maxConnectTo());
    }

    private static void checkSlot(int slot) {
        if (slot < 0 || slot >= RoundClock.SLOTS_PER_ROUND) {
            throw new IllegalArgumentException("slot must be 0 to " + (RoundClock.SLOTS_PER_ROUND - 1) + ", got " + slot);
        }
    }
}
