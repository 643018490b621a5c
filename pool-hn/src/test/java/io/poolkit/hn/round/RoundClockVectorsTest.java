package io.poolkit.hn.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.testing.TestVectors;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** hn/time_round_slot.json: determine.py timestamp_to_round_slot, round_to_timestamp, round_to_reference_timestamp. */
class RoundClockVectorsTest {

    private static final JsonNode VECTORS = TestVectors.json("hn/time_round_slot.json");

    static Stream<JsonNode> timestamps() {
        return StreamSupport.stream(VECTORS.get("timestamp_to_round_slot").spliterator(), false);
    }

    static Stream<JsonNode> rounds() {
        return StreamSupport.stream(VECTORS.get("round_to_timestamp_and_reference").spliterator(), false);
    }

    @Test
    void constantsMatchTheReference() {
        JsonNode c = VECTORS.get("constants");
        assertEquals(c.get("ORIGIN_OF_TIME").asLong(), RoundClock.ORIGIN_OF_TIME);
        assertEquals(c.get("POS_SLOT_TIME_SEC").asLong(), RoundClock.SLOT_SECONDS);
        assertEquals(c.get("MAX_ROUND_SLOTS").asInt(), RoundClock.FORGING_SLOTS);
        assertEquals(c.get("END_ROUND_SLOTS").asInt(), RoundClock.END_ROUND_SLOTS);
        assertEquals(c.get("ROUND_TIME_SEC").asLong(), RoundClock.ROUND_SECONDS);
    }

    @ParameterizedTest
    @MethodSource("timestamps")
    void timestampToRoundAndSlot(JsonNode v) {
        // Fractional timestamps: flooring to the second never changes the slot.
        long second = new BigDecimal(v.get("ts").asText()).setScale(0, RoundingMode.FLOOR).longValueExact();
        RoundSlot rs = RoundClock.roundSlot(second);
        assertEquals(v.get("round").asLong(), rs.round(), "round of " + v.get("ts"));
        assertEquals(v.get("slot").asInt(), rs.slot(), "slot of " + v.get("ts"));
        String text = v.get("ts").asText();
        Instant instant = Instant.ofEpochSecond(second, new BigDecimal(text).subtract(BigDecimal.valueOf(second))
                .movePointRight(9).intValue());
        assertEquals(rs, RoundClock.roundSlot(instant));
    }

    @ParameterizedTest
    @MethodSource("rounds")
    void roundStartAndReferenceTimestamp(JsonNode v) {
        long round = v.get("round").asLong();
        assertEquals(v.get("round_start_ts").asLong(), RoundClock.roundStart(round));
        assertEquals(v.get("reference_ts").asLong(), RoundClock.referenceTimestamp(round));
        assertEquals(RoundClock.roundStart(round - 1), RoundClock.referenceTimestamp(round));
    }

    @Test
    void slotNineteenHasNoForger() {
        assertEquals(false, RoundClock.roundSlot(1534719420L).isForgingSlot());
        assertEquals(true, RoundClock.roundSlot(1534719419L).isForgingSlot());
    }

    @Test
    void currentComesFromTheInjectedClock() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1700000000L), ZoneOffset.UTC);
        assertEquals(new RoundSlot(45912, 4), RoundClock.current(clock));
    }

    @Test
    void slotStartRejectsSlotsOutsideTheRound() {
        assertEquals(1534716180L, RoundClock.slotStart(0, 1));
        assertThrows(IllegalArgumentException.class, () -> RoundClock.slotStart(0, 20));
        assertThrows(IllegalArgumentException.class, () -> new RoundSlot(0, -1));
    }

    @Test
    void weekFortyOneEndsWhenRound7186Starts() {
        RewardWeek week = new RewardWeek(41);
        assertEquals(1560585600L, week.endTimestamp());
        assertEquals(new RoundSlot(7186, 0), RoundClock.roundSlot(week.endTimestamp()));
        assertEquals(7018, week.startRound());
        assertEquals(7185, week.endRound());
        assertEquals(RoundClock.roundStart(week.endRound() + 1), week.endTimestamp());
        assertEquals(week, RewardWeek.containingRound(7185));
        assertEquals(new RewardWeek(42), RewardWeek.containingRound(7186));
    }

    @Test
    void weekTwoIsRounds466To633() {
        RewardWeek week = new RewardWeek(2);
        assertEquals(466, week.startRound());
        assertEquals(633, week.endRound());
        assertEquals(1536998400L, week.endTimestamp());
        assertThrows(IllegalArgumentException.class, () -> RewardWeek.containingRound(465));
    }
}
