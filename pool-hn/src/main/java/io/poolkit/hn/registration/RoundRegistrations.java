package io.poolkit.hn.registration;

import io.poolkit.hn.round.RoundClock;
import java.util.List;
import java.util.OptionalLong;

/**
 * The hypernode list of a round from the PoW ledger (beta99's {@code HN_reg_round}): the reference
 * height is the last PoW block at the round's reference timestamp (the start of the previous
 * round), and every registration event from the first possible one (after height
 * {@value #CHECKPOINT}) up to it is applied in order.
 *
 * @param round           the PoS round
 * @param referenceTime   the round's PoW reference timestamp
 * @param referenceHeight the PoW height the list was read at
 * @param result          the list and what each event did
 */
public record RoundRegistrations(long round, long referenceTime, long referenceHeight,
                                 RegistrationProcessor.Result result) {

    /** No hypernode transaction exists at or below this PoW height. */
    public static final long CHECKPOINT = 773800;

    /**
     * Computes the list of {@code round}.
     *
     * @throws IllegalStateException if the ledger does not reach 20 blocks past the reference
     *                               height yet ("POW is late": wait for the PoW node to sync)
     */
    public static RoundRegistrations compute(PowLedger ledger, long round, RegistrationProcessor processor) {
        long referenceTime = RoundClock.referenceTimestamp(round);
        OptionalLong height = ledger.referenceHeight(referenceTime);
        if (height.isEmpty()) {
            throw new IllegalStateException("the PoW ledger has no block with a reward at " + referenceTime
                    + " followed by more than " + PowLedger.REQUIRED_BLOCKS_AFTER_REFERENCE
                    + " blocks (POW is late): wait for the PoW node to sync");
        }
        List<RegistrationEvent> events = ledger.registrationEvents(CHECKPOINT + 1, height.getAsLong());
        return new RoundRegistrations(round, referenceTime, height.getAsLong(),
                processor.process(RegistrationList.empty(), events));
    }

    /** The registrations. */
    public RegistrationList registrations() {
        return result.registrations();
    }
}
