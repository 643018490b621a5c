package io.poolkit.pegnet.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionPolicyTest {

    @Test
    void estimateRoundTripsAtTheSameSpot() {
        long d = 0xfffffd42a39f96d0L;
        double hr = NetworkDifficulty.effectiveHashRate(d, 50);
        long back = NetworkDifficulty.expectedMinimumDifficulty(hr, 50);
        // the same spot gives the same difficulty back, up to double rounding (2^64 has 11 bits below a double's ulp)
        assertTrue(Math.abs(back - d) < 1 << 12, Long.toHexString(back));
        // aiming for spot 200 needs less than spot 50
        assertTrue(Long.compareUnsigned(NetworkDifficulty.expectedMinimumDifficulty(hr, 200), d) < 0);
        assertEquals(0, NetworkDifficulty.minimumDifficulty(List.of(), 200));
    }

    @Test
    void softMaxAdmitsOnlyImprovementsOverTheKeptSlots() {
        SubmissionPolicy p = new SubmissionPolicy(36, 200, 3, true, 100);
        p.newJob(7);
        assertFalse(p.admit(6, 1000), "other job");
        assertFalse(p.admit(7, 100), "not strictly above the EMA");
        assertTrue(p.admit(7, 500));
        assertTrue(p.admit(7, 300));
        assertTrue(p.admit(7, 400));
        assertFalse(p.admit(7, 250), "below all three kept");
        assertTrue(p.admit(7, 0xffff000000000000L), "unsigned: the best target");
        assertEquals(List.of(0xffff000000000000L, 500L, 400L), toList(p.kept()));
        p.newJob(8);
        assertTrue(p.admit(8, 250));
        SubmissionPolicy unlimited = new SubmissionPolicy(36, 200, 0, true, 0);
        unlimited.newJob(1);
        for (int i = 0; i < 100; i++) {
            assertTrue(unlimited.admit(1, 5));
        }
    }

    @Test
    void emaFollowsGradedBlocksWithTheSpotReadingAsConfigured() {
        List<Long> gradeOrder = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            gradeOrder.add(0xffffff0000000000L + ((long) i << 20)); // position 0 is the easiest here
        }
        SubmissionPolicy fixed = new SubmissionPolicy(36, 200, 25, true, 0);
        SubmissionPolicy upstream = new SubmissionPolicy(36, 200, 25, false, 0);
        SubmissionPolicy.EmaUpdate f = fixed.onGradedBlock(gradeOrder);
        SubmissionPolicy.EmaUpdate u = upstream.onGradedBlock(gradeOrder);
        assertEquals(f.minimumTarget(), f.ema(), "first value seeds the EMA");
        // upstream reads element 49 in grade order (here the hardest); the fix reads the 50th hardest (the easiest)
        assertEquals(NetworkDifficulty.minimumDifficulty(gradeOrder, 200), u.minimumTarget());
        assertEquals(NetworkDifficulty.minimumDifficulty(List.of(gradeOrder.get(0)), 200) != 0, true);
        assertTrue(Long.compareUnsigned(f.minimumTarget(), u.minimumTarget()) < 0);
        long second = fixed.onGradedBlock(gradeOrder).ema();
        assertEquals(Ema.next(f.ema(), f.minimumTarget(), 36), second);
    }

    private static List<Long> toList(long[] a) {
        List<Long> l = new ArrayList<>();
        for (long v : a) {
            l.add(v);
        }
        return l;
    }
}
