package io.poolkit.hn.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RoundClockProperties {

    @Property
    void slotStartMapsBackToItsRoundAndSlot(@ForAll @LongRange(min = -1_000_000, max = 10_000_000) long round,
                                            @ForAll @IntRange(min = 0, max = 19) int slot) {
        long start = RoundClock.slotStart(round, slot);
        assertEquals(new RoundSlot(round, slot), RoundClock.roundSlot(start));
        assertEquals(new RoundSlot(round, slot), RoundClock.roundSlot(start + RoundClock.SLOT_SECONDS - 1));
    }

    @Property
    void everyTimestampLiesInItsSlot(@ForAll @LongRange(min = -10_000_000_000L, max = 100_000_000_000L) long ts) {
        RoundSlot rs = RoundClock.roundSlot(ts);
        long slotStart = RoundClock.slotStart(rs.round(), rs.slot());
        assertTrue(slotStart <= ts && ts < slotStart + RoundClock.SLOT_SECONDS, rs + " for " + ts);
        assertTrue(RoundClock.roundStart(rs.round()) <= ts && ts < RoundClock.roundStart(rs.round() + 1));
    }

    @Property
    void theReferenceTimeIsThePreviousRoundStart(@ForAll @LongRange(min = -1_000_000, max = 10_000_000) long round) {
        assertEquals(RoundClock.roundStart(round - 1), RoundClock.referenceTimestamp(round));
    }

    @Property
    void weeksAreConsecutive(@ForAll @IntRange(min = 2, max = 5000) int week) {
        RewardWeek w = new RewardWeek(week);
        assertEquals(w.endRound() + 1, new RewardWeek(week + 1).startRound());
        assertEquals(RoundClock.roundStart(w.endRound() + 1), w.endTimestamp());
        assertEquals(w, RewardWeek.containingRound(w.startRound()));
        assertEquals(w, RewardWeek.containingRound(w.endRound()));
    }
}
