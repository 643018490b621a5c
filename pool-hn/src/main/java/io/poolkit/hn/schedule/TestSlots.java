package io.poolkit.hn.schedule;

import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.random.PythonRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Test slots ({@code hn_list_to_test_slots}): seed CPython's generator with the raw 20-byte
 * reference hash, then for each of the 19 slots in order take the addresses of all registered
 * hypernodes except that slot's forger and draw up to {@code testsPerSlot} tests, each
 * {@code sample(candidates, 2)} (tester, tested) then {@code choice([0, 1, 2, 3, 4])} for the type.
 * With fewer than two candidates a slot has no tests. Duplicate tests are possible.
 */
public final class TestSlots {

    /** Test types drawn by {@code choice}. */
    public static final List<Integer> TEST_TYPES = List.of(0, 1, 2, 3, 4);

    private TestSlots() {
    }

    /**
     * The tests of each forging slot.
     *
     * @param allAddresses  PoS addresses of all registered hypernodes (active or not), in registration order
     * @param forgers       the forgers of the 19 slots
     * @param referenceHash the round's 20-byte reference hash
     * @param testsPerSlot  tests per slot (8 in beta99, network-tunable)
     */
    public static List<List<PeerTest>> plan(List<String> allAddresses, List<ForgerSlot> forgers,
                                            ImmutableBytes referenceHash, int testsPerSlot) {
        if (testsPerSlot < 0) {
            throw new IllegalArgumentException("tests per slot must not be negative, got " + testsPerSlot);
        }
        PythonRandom random = PythonRandom.seededWithBytes(referenceHash.toByteArray());
        List<List<PeerTest>> slots = new ArrayList<>(forgers.size());
        for (ForgerSlot forger : forgers) {
            List<String> candidates = new ArrayList<>(allAddresses.size());
            for (String address : allAddresses) {
                if (!address.equals(forger.posAddress())) {
                    candidates.add(address);
                }
            }
            List<PeerTest> tests = new ArrayList<>(testsPerSlot);
            while (tests.size() < testsPerSlot && candidates.size() >= 2) {
                List<String> pair = random.sample(candidates, 2);
                int type = random.choice(TEST_TYPES);
                tests.add(new PeerTest(pair.get(0), pair.get(1), type));
            }
            slots.add(List.copyOf(tests));
        }
        return List.copyOf(slots);
    }
}
