package io.poolkit.hn.round;

import java.time.Clock;
import java.time.Instant;

/**
 * The HN round clock. A timestamp {@code ts} (unix seconds) falls in round
 * {@code floor((ts - ORIGIN) / 3600)} and, within it, in slot {@code floor((ts - roundStart) / 180)}.
 * Floors are exact integer floors, so timestamps before the genesis give negative rounds (one
 * second before it is round -1, slot 19). Unlike the reference, a timestamp of 0 means 1970, not
 * "now": ask {@link #current(Clock)} for now.
 */
public final class RoundClock {

    /** Start of round 0, slot 0: the genesis block timestamp, 2018-08-20 22:00:00 UTC. */
    public static final long ORIGIN_OF_TIME = 1534716000L;
    /** Length of one slot, in seconds. */
    public static final long SLOT_SECONDS = 180;
    /** Slots with a forger, numbered 0 to 18. */
    public static final int FORGING_SLOTS = 19;
    /** Empty slots closing a round (slot 19), left for consensus. */
    public static final int END_ROUND_SLOTS = 1;
    /** All slots of a round. */
    public static final int SLOTS_PER_ROUND = FORGING_SLOTS + END_ROUND_SLOTS;
    /** Length of one round, in seconds: one hour. */
    public static final long ROUND_SECONDS = SLOT_SECONDS * SLOTS_PER_ROUND;
    /** How far before a round's start its PoW reference time lies, before flooring to the hour. */
    private static final long REFERENCE_LEAD_SECONDS = 2400;

    private RoundClock() {
    }

    /** The round and slot of a unix timestamp in whole seconds. */
    public static RoundSlot roundSlot(long epochSecond) {
        long round = Math.floorDiv(Math.subtractExact(epochSecond, ORIGIN_OF_TIME), ROUND_SECONDS);
        long slot = Math.floorDiv(epochSecond - roundStart(round), SLOT_SECONDS);
        return new RoundSlot(round, (int) slot);
    }

    /**
     * The round and slot of an instant. Fractions of a second never change the slot (slots start on
     * whole seconds), so this is {@link #roundSlot(long)} of the floored second.
     */
    public static RoundSlot roundSlot(Instant instant) {
        return roundSlot(instant.getEpochSecond());
    }

    /** The round and slot now, by {@code clock}. */
    public static RoundSlot current(Clock clock) {
        return roundSlot(clock.instant());
    }

    /** Unix time at which {@code round} starts (its slot 0). */
    public static long roundStart(long round) {
        return Math.addExact(ORIGIN_OF_TIME, Math.multiplyExact(round, ROUND_SECONDS));
    }

    /** Unix time at which {@code slot} of {@code round} starts. */
    public static long slotStart(long round, int slot) {
        if (slot < 0 || slot >= SLOTS_PER_ROUND) {
            throw new IllegalArgumentException("slot must be 0 to " + (SLOTS_PER_ROUND - 1) + ", got " + slot);
        }
        return roundStart(round) + slot * SLOT_SECONDS;
    }

    /**
     * The PoW reference timestamp of {@code round} (beta99): the round start minus 40 minutes,
     * floored to the hour. As the origin is hour-aligned this is the start of the previous round.
     * The HN list of a round is read from the PoW chain as it stood at this time.
     */
    public static long referenceTimestamp(long round) {
        return Math.floorDiv(roundStart(round) - REFERENCE_LEAD_SECONDS, ROUND_SECONDS) * ROUND_SECONDS;
    }
}
