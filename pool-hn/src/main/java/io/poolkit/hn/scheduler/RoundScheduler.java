package io.poolkit.hn.scheduler;

import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.chain.PosBlock;
import io.poolkit.hn.registration.RegistrationList;
import io.poolkit.hn.schedule.ForgerSchedule;
import io.poolkit.hn.schedule.ForgerSlot;
import io.poolkit.hn.schedule.PeerTest;
import io.poolkit.hn.schedule.ScheduleParameters;
import io.poolkit.hn.schedule.TestSlots;
import io.poolkit.hn.schedule.Ticket;
import io.poolkit.hn.schedule.Tickets;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Computes a round's schedule as every hypernode must: inactive hypernodes of the previous round
 * lose their tickets; the active ones, in registration order, get tickets; the 19 tickets closest
 * to the reference hash forge; the tests are drawn over all registered hypernodes; connect_to is
 * drawn per node. The result depends only on the inputs: no clock, no randomness of its own.
 */
public final class RoundScheduler {

    private final ScheduleParameters parameters;

    public RoundScheduler(ScheduleParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /** A scheduler with the beta99 defaults (8 tests per slot, 40 peers). */
    public static RoundScheduler beta99() {
        return new RoundScheduler(ScheduleParameters.BETA99);
    }

    /**
     * The schedule of {@code round}, marking as inactive the hypernodes registered in the previous
     * round that neither forged nor sent a transaction in its blocks (see {@link Activity}).
     *
     * @param round                 the round to schedule
     * @param registrations         the round's registrations, in order
     * @param previousRegistrations the previous round's registrations
     * @param previousRoundBlocks   the blocks of the previous round (blocks of other rounds are ignored)
     * @param referenceHash         the round's reference hash (see {@link ReferenceHash})
     */
    public RoundSchedule schedule(long round, RegistrationList registrations, RegistrationList previousRegistrations,
                                  List<PosBlock> previousRoundBlocks, ImmutableBytes referenceHash) {
        Set<String> inactive = Activity.inactive(previousRegistrations.posAddresses(),
                Activity.activeIn(previousRoundBlocks, round - 1));
        return schedule(round, registrations, inactive, referenceHash);
    }

    /**
     * The schedule of {@code round} when the inactive hypernodes are already known.
     *
     * @throws IllegalArgumentException if no active hypernode has a positive weight, or the
     *                                  reference hash is not 20 bytes
     */
    public RoundSchedule schedule(long round, RegistrationList registrations, Set<String> inactive,
                                  ImmutableBytes referenceHash) {
        RegistrationList marked = registrations.withInactive(inactive);
        List<Ticket> tickets = Tickets.issue(marked.activePeers());
        List<ForgerSlot> forgers = ForgerSchedule.forgers(tickets, referenceHash);
        List<List<PeerTest>> tests = TestSlots.plan(marked.posAddresses(), forgers, referenceHash,
                parameters.testsPerSlot());
        return new RoundSchedule(round, referenceHash, marked, inactive, tickets, forgers, tests, parameters);
    }
}
