package io.poolkit.hn.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.chain.Genesis;
import io.poolkit.hn.chain.PosBlock;
import io.poolkit.hn.chain.PosTransaction;
import io.poolkit.hn.crypto.HnSignatures;
import io.poolkit.hn.crypto.PosAddress;
import io.poolkit.hn.crypto.PosNetwork;
import io.poolkit.hn.registration.Registration;
import io.poolkit.hn.registration.RegistrationList;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoundSchedulerTest {

    private static byte[] key(int i) {
        byte[] k = new byte[32];
        k[31] = (byte) (i + 1);
        k[0] = 1;
        return k;
    }

    private static String address(int i) {
        return PosAddress.fromPublicKey(HnSignatures.publicKey(key(i)), PosNetwork.MAINNET).text();
    }

    private static RegistrationList registrations(int n) {
        List<Registration> regs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String pow = String.format("%056x", i + 1);
            regs.add(new Registration(pow, "10.0.0." + (i + 1), "6969", address(i), pow, 1 + i % 3,
                    BigDecimal.valueOf(i), true));
        }
        return new RegistrationList(regs);
    }

    /** A block of {@code round} forged by hypernode {@code forger}, with one START from each of {@code senders}. */
    private static PosBlock block(long height, long round, int forger, int... senders) {
        List<PosTransaction> txs = new ArrayList<>();
        for (int s : senders) {
            txs.add(PosTransaction.unsigned(1534716000L + round * 3600, address(s), address(s), 202, "START", round)
                    .signedWith(key(s)));
        }
        return PosBlock.forge(height, round, 0, 1534716000L + round * 3600 + 30, Genesis.BLOCK.blockHash(), txs,
                address(forger), key(forger));
    }

    @Test
    void inactiveHypernodesLoseTheirTicketsOnlyWithEnoughActivity() {
        RegistrationList regs = registrations(12);
        // Round 9: hypernodes 0 to 10 active (11 >= 10), hypernode 11 silent.
        List<PosBlock> previous = List.of(block(1, 9, 0, 1, 2, 3, 4, 5), block(2, 9, 6, 7, 8, 9, 10));
        ImmutableBytes ref = ReferenceHash.of(10, previous, Genesis.BLOCK.blockHash());
        assertEquals(previous.get(1).blockHash(), ref);
        RoundSchedule s = RoundScheduler.beta99().schedule(10, regs, regs, previous, ref);
        assertEquals(Set.of(address(11)), s.inactive());
        assertEquals(11, s.activePeers().size());
        assertEquals(12, s.allPeers().size());
        assertTrue(s.tickets().stream().noneMatch(t -> t.posAddress().equals(address(11))));
        // Hypernode 11 is still tested.
        assertTrue(s.testSlots().stream().flatMap(List::stream)
                .anyMatch(t -> t.tested().equals(address(11)) || t.tester().equals(address(11))));

        // Only 6 active: the failsafe keeps everybody.
        List<PosBlock> quiet = List.of(block(1, 9, 0, 1, 2, 3, 4, 5));
        assertEquals(Set.of(), RoundScheduler.beta99().schedule(10, regs, regs, quiet, ref).inactive());
    }

    @Test
    void referenceHashFallsBackToTheTipWhenThePreviousRoundIsEmpty() {
        List<PosBlock> older = List.of(block(1, 7, 0), block(2, 7, 1));
        assertEquals(Genesis.BLOCK.blockHash(), ReferenceHash.of(10, older, Genesis.BLOCK.blockHash()));
        assertEquals(older.get(1).blockHash(), ReferenceHash.of(8, older, Genesis.BLOCK.blockHash()));
    }

    @Test
    void aListWithoutWeightCannotBeScheduled() {
        List<Registration> regs = new ArrayList<>();
        for (Registration r : registrations(3).registrations()) {
            regs.add(new Registration(r.powAddress(), r.ip(), r.port(), r.posAddress(), r.rewardAddress(), 0,
                    r.timestamp(), true));
        }
        assertThrows(IllegalArgumentException.class, () -> RoundScheduler.beta99().schedule(1,
                new RegistrationList(regs), Set.of(), Genesis.BLOCK.blockHash()));
        assertThrows(IllegalArgumentException.class, () -> RoundScheduler.beta99().schedule(1,
                registrations(3), Set.of(), ImmutableBytes.of(new byte[19])));
    }

    @Test
    void testsRunByANodeInASlot() {
        RoundSchedule s = RoundScheduler.beta99().schedule(3, registrations(5), Set.of(), Genesis.BLOCK.blockHash());
        for (int slot = 0; slot < 19; slot++) {
            for (int i = 0; i < 5; i++) {
                String me = address(i);
                assertTrue(s.testsRunBy(me, slot).stream().allMatch(t -> t.tester().equals(me)));
            }
        }
        assertEquals(List.of(), s.testsOf(19));
        assertThrows(IllegalArgumentException.class, () -> s.testsOf(20));
    }
}
