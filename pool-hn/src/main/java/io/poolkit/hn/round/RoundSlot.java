package io.poolkit.hn.round;

/**
 * A slot of a round. Slots 0 to 18 each have a forger and tests; slot 19 is the empty closing slot
 * of the round.
 *
 * @param round the round, negative before the genesis
 * @param slot  the slot in the round, 0 to 19
 */
public record RoundSlot(long round, int slot) {

    public RoundSlot {
        if (slot < 0 || slot >= RoundClock.SLOTS_PER_ROUND) {
            throw new IllegalArgumentException("slot must be 0 to " + (RoundClock.SLOTS_PER_ROUND - 1) + ", got " + slot);
        }
    }

    /** True for slots 0 to 18, which have a forger; false for the closing slot 19. */
    public boolean isForgingSlot() {
        return slot < RoundClock.FORGING_SLOTS;
    }

    /** {@code "ROUND SLOT"}, as {@code poolkit hn round} prints it. */
    @Override
    public String toString() {
        return round + " " + slot;
    }
}
