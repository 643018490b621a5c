package io.poolkit.hn.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.crypto.PosAddress;
import io.poolkit.hn.crypto.PosNetwork;
import io.poolkit.hn.registration.Registration;
import io.poolkit.hn.registration.RegistrationList;
import io.poolkit.hn.registration.PowAddressRule;
import io.poolkit.hn.registration.RegistrationEvent;
import io.poolkit.hn.registration.RegistrationProcessor;
import io.poolkit.hn.round.RoundClock;
import io.poolkit.hn.schedule.ForgerSlot;
import io.poolkit.hn.schedule.Peer;
import io.poolkit.hn.schedule.PeerTest;
import io.poolkit.hn.schedule.ScheduleParameters;
import io.poolkit.hn.schedule.Ticket;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Schedules are deterministic, do not depend on how equal inputs were built, and give slots to ticket holders. */
class ScheduleProperties {

    /** A round's inputs: registrations (1 to 40 hypernodes, both sample branches), inactive ones, a reference hash. */
    record Inputs(List<Registration> registrations, Set<String> inactive, byte[] referenceHash, long round) {
    }

    @Provide
    Arbitrary<Inputs> inputs() {
        Arbitrary<List<Registration>> regs = Arbitraries.integers().between(1, 40).flatMap(n ->
                Combinators.combine(
                        Arbitraries.bytes().array(byte[].class).ofSize(20).list().ofSize(n).uniqueElements(a -> new String(a, java.nio.charset.StandardCharsets.ISO_8859_1)),
                        Arbitraries.integers().between(-1, 3).list().ofSize(n))
                        .as(ScheduleProperties::registrations));
        return Combinators.combine(regs, Arbitraries.doubles().between(0, 0.5),
                        Arbitraries.bytes().array(byte[].class).ofSize(20), Arbitraries.longs().between(0, 200_000))
                .as((list, share, hash, round) -> {
                    Set<String> inactive = new LinkedHashSet<>();
                    for (int i = 0; i < list.size() * share; i++) {
                        inactive.add(list.get(i * 2 % list.size()).posAddress());
                    }
                    return new Inputs(list, inactive, hash, round);
                });
    }

    private static List<Registration> registrations(List<byte[]> hashes, List<Integer> weights) {
        List<Registration> out = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
            String pos = PosAddress.fromHash20(hashes.get(i), PosNetwork.MAINNET).text();
            String pow = String.format("%056x", i + 1);
            out.add(new Registration(pow, "10.1." + i / 250 + "." + i % 250, "6969", pos, pow, weights.get(i),
                    BigDecimal.valueOf(1534716000L + i), true));
        }
        return out;
    }

    private static boolean someActiveHasWeight(Inputs in) {
        return in.registrations().stream().anyMatch(r -> r.weight() > 0 && !in.inactive().contains(r.posAddress()));
    }

    private static RoundSchedule schedule(Inputs in, int testsPerSlot) {
        return new RoundScheduler(new ScheduleParameters(testsPerSlot, 40)).schedule(in.round(),
                new RegistrationList(in.registrations()), in.inactive(), ImmutableBytes.of(in.referenceHash()));
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void sameInputsGiveTheSameSchedule(@ForAll("inputs") Inputs in, @ForAll @IntRange(min = 0, max = 12) int tests) {
        Assume.that(someActiveHasWeight(in));
        RoundSchedule first = schedule(in, tests);
        // Work in between must not leak into the next computation (no shared generator).
        schedule(new Inputs(in.registrations(), Set.of(), new byte[20], in.round() + 1), tests + 1);
        assertEquals(first, schedule(in, tests));
        String me = in.registrations().get(0).posAddress();
        assertEquals(first.connectTo(me), schedule(in, tests).connectTo(me));
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void equalInputsBuiltDifferentlyGiveTheSameSchedule(@ForAll("inputs") Inputs in) {
        Assume.that(someActiveHasWeight(in));
        RoundSchedule direct = schedule(in, 8);

        // The same values through other objects and collection types: fresh strings, a linked list,
        // the inactive set in another iteration order, the hash through hex.
        List<Registration> copied = new LinkedList<>();
        for (Registration r : in.registrations()) {
            copied.add(new Registration(new String(r.powAddress().toCharArray()), new String(r.ip().toCharArray()),
                    String.valueOf(Integer.parseInt(r.port())), new StringBuilder(r.posAddress()).toString(),
                    new String(r.rewardAddress().toCharArray()), r.weight(), new BigDecimal(r.timestamp().toString()),
                    false));
        }
        List<String> inactiveReversed = new ArrayList<>(in.inactive());
        Collections.reverse(inactiveReversed);
        Set<String> otherOrders = new HashSet<>(inactiveReversed);
        Set<String> sorted = new TreeSet<>(in.inactive());
        ImmutableBytes hashFromHex = ImmutableBytes.fromHex(ImmutableBytes.of(in.referenceHash()).hex().toUpperCase());
        RoundScheduler scheduler = new RoundScheduler(new ScheduleParameters(8, 40));

        RoundSchedule rebuilt = scheduler.schedule(in.round(), new RegistrationList(copied), otherOrders, hashFromHex);
        assertEquals(direct, rebuilt);
        assertEquals(direct, scheduler.schedule(in.round(), new RegistrationList(copied), sorted, hashFromHex));
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void aListReplayedFromPowEventsSchedulesLikeTheSameListBuiltDirectly(@ForAll("inputs") Inputs in) {
        Assume.that(someActiveHasWeight(in));
        // The same registrations, reached through the plugin's rules with noise around them: a decoy
        // that registers first and unregisters last, and a rejected duplicate.
        java.util.Map<String, Integer> weights = new java.util.HashMap<>();
        in.registrations().forEach(r -> weights.put(r.powAddress(), r.weight()));
        String decoyPow = "f".repeat(56);
        String decoyPos = PosAddress.fromHash20(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
                18, 19, 20}, PosNetwork.MAINNET).text();
        Assume.that(in.registrations().stream().noneMatch(r -> r.posAddress().equals(decoyPos)));
        weights.put(decoyPow, 3);
        List<RegistrationEvent> events = new ArrayList<>();
        events.add(new RegistrationEvent(773801, decoyPow, RegistrationEvent.REGISTER, "10.9.9.9:6969:" + decoyPos,
                BigDecimal.ONE));
        long height = 773802;
        for (Registration r : in.registrations()) {
            events.add(new RegistrationEvent(height++, r.powAddress(), RegistrationEvent.REGISTER,
                    r.ip() + ":" + r.port() + ":" + r.posAddress(), r.timestamp()));
        }
        Registration first = in.registrations().get(0);
        events.add(new RegistrationEvent(height++, decoyPow, RegistrationEvent.REGISTER,
                first.ip() + ":" + first.port() + ":" + first.posAddress(), BigDecimal.TEN));
        events.add(new RegistrationEvent(height, decoyPow, RegistrationEvent.UNREGISTER, "10.9.9.9:6969:" + decoyPos,
                BigDecimal.TEN));
        RegistrationList replayed = new RegistrationProcessor((pow, h) -> weights.get(pow), PowAddressRule.LEGACY,
                PosNetwork.MAINNET).process(RegistrationList.empty(), events).registrations();
        assertEquals(new RegistrationList(in.registrations()), replayed);
        RoundScheduler scheduler = new RoundScheduler(ScheduleParameters.BETA99);
        ImmutableBytes ref = ImmutableBytes.of(in.referenceHash());
        assertEquals(schedule(in, 8), scheduler.schedule(in.round(), replayed, in.inactive(), ref));
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void everyForgerHoldsTheTicketOfItsSlot(@ForAll("inputs") Inputs in) {
        Assume.that(someActiveHasWeight(in));
        RoundSchedule s = schedule(in, 8);
        assertEquals(RoundClock.FORGING_SLOTS, s.forgers().size());
        Set<Ticket> tickets = new HashSet<>(s.tickets());
        Set<String> ticketHolders = new HashSet<>();
        s.activePeers().stream().filter(p -> p.weight() > 0).forEach(p -> ticketHolders.add(p.posAddress()));
        for (ForgerSlot f : s.forgers()) {
            assertTrue(s.tickets().stream().anyMatch(t -> t.posAddress().equals(f.posAddress()) && t.id() == f.ticketId()),
                    f + " holds no such ticket");
            assertTrue(ticketHolders.contains(f.posAddress()), f + " is not an active hypernode with weight");
            assertTrue(!s.inactive().contains(f.posAddress()));
        }
        assertTrue(tickets.size() >= RoundClock.FORGING_SLOTS);
        assertEquals(s.tickets().size(), tickets.size());
        for (int slot = 0; slot < RoundClock.FORGING_SLOTS; slot++) {
            assertEquals(s.forgers().get(slot).posAddress(), s.forgerOf(slot).orElseThrow());
        }
        assertTrue(s.forgerOf(19).isEmpty());
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void testsNeverInvolveTheSlotForger(@ForAll("inputs") Inputs in, @ForAll @IntRange(min = 0, max = 12) int tests) {
        Assume.that(someActiveHasWeight(in));
        RoundSchedule s = schedule(in, tests);
        assertEquals(RoundClock.FORGING_SLOTS, s.testSlots().size());
        Set<String> registered = new HashSet<>(s.registrations().posAddresses());
        for (int slot = 0; slot < RoundClock.FORGING_SLOTS; slot++) {
            String forger = s.forgerOf(slot).orElseThrow();
            List<PeerTest> slotTests = s.testsOf(slot);
            long candidates = registered.stream().filter(a -> !a.equals(forger)).count();
            assertEquals(candidates >= 2 ? tests : 0, slotTests.size());
            for (PeerTest t : slotTests) {
                assertNotEquals(forger, t.tester());
                assertNotEquals(forger, t.tested());
                assertNotEquals(t.tester(), t.tested());
                assertTrue(registered.contains(t.tester()) && registered.contains(t.tested()));
                assertTrue(t.type() >= 0 && t.type() <= 4);
            }
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void connectToLeavesMeOutAndKeepsAtMostTheMaximum(@ForAll("inputs") Inputs in,
                                                       @ForAll @IntRange(min = 0, max = 45) int max) {
        Assume.that(someActiveHasWeight(in));
        RoundSchedule s = new RoundScheduler(new ScheduleParameters(8, max)).schedule(in.round(),
                new RegistrationList(in.registrations()), in.inactive(), ImmutableBytes.of(in.referenceHash()));
        String me = in.registrations().get(in.registrations().size() / 2).posAddress();
        List<Peer> chosen = s.connectTo(me);
        assertEquals(Math.min(max, s.allPeers().size() - 1), chosen.size());
        assertTrue(chosen.stream().noneMatch(p -> p.posAddress().equals(me)));
        assertTrue(s.allPeers().containsAll(chosen));
        assertEquals(chosen.size(), new HashSet<>(chosen).size());
    }
}
