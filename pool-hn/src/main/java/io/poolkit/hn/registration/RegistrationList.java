package io.poolkit.hn.registration;

import io.poolkit.hn.schedule.Peer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registrations of a round in insertion order, keyed by PoW address (the reference's ordered
 * dict). An unregistration removes an entry; registering again appends it at the end. This order
 * is the order of tickets, test candidates and connect_to candidates.
 *
 * @param registrations the entries, in order, at most one per PoW address
 */
public record RegistrationList(List<Registration> registrations) {

    public RegistrationList {
        registrations = List.copyOf(registrations);
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Registration r : registrations) {
            if (seen.put(r.powAddress(), Boolean.TRUE) != null) {
                throw new IllegalArgumentException("PoW address " + r.powAddress() + " is registered twice");
            }
        }
    }

    public static RegistrationList empty() {
        return new RegistrationList(List.of());
    }

    public int size() {
        return registrations.size();
    }

    /** The registration made by {@code powAddress}, if any. */
    public Optional<Registration> byPowAddress(String powAddress) {
        return registrations.stream().filter(r -> r.powAddress().equals(powAddress)).findFirst();
    }

    /** The PoS addresses, in order. */
    public List<String> posAddresses() {
        return registrations.stream().map(Registration::posAddress).toList();
    }

    /** Every registration as a peer, in order ({@code all_peers}). */
    public List<Peer> allPeers() {
        return registrations.stream().map(Registration::toPeer).toList();
    }

    /** The active registrations as peers, in order ({@code active_peers}). */
    public List<Peer> activePeers() {
        return registrations.stream().filter(Registration::active).map(Registration::toPeer).toList();
    }

    /** The list with {@code active} set to whether the PoS address is not in {@code inactivePosAddresses}. */
    public RegistrationList withInactive(Set<String> inactivePosAddresses) {
        return new RegistrationList(registrations.stream()
                .map(r -> r.withActive(!inactivePosAddresses.contains(r.posAddress())))
                .toList());
    }
}
