package io.poolkit.core.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.ledger.Balance;
import io.poolkit.core.ledger.PayoutOutput;
import io.poolkit.core.ledger.PayoutPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The planner never pays below the minimum, never drops carry-over, and groups deterministically. */
class PlannerProperties {

    @Provide
    Arbitrary<Map<String, Long>> confirmed() {
        return Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(4).map(s -> "R" + s),
                Arbitraries.longs().between(0, 10_000_000_000L)).ofMaxSize(60);
    }

    @Property
    void paysWholeBalancesAtOrAboveTheMinimumAndCarriesTheRest(@ForAll("confirmed") Map<String, Long> confirmed,
            @ForAll @LongRange(min = 2, max = 5_000_000_000L) long minimum, @ForAll @IntRange(min = 1, max = 7) int k,
            @ForAll boolean feePerOutput) {
        FeePolicy fee = feePerOutput ? FeePolicy.perOutput(1) : FeePolicy.poolPays();
        List<Balance> balances = new ArrayList<>();
        confirmed.forEach((a, c) -> balances.add(new Balance("bcoin-regtest", a, 0, c, 0, 0)));
        List<PayoutPlan> plans = new PayoutPlanner(minimum, fee, k).plan("bcoin-regtest", "run-1", balances);

        Set<String> paid = new HashSet<>();
        List<String> order = new ArrayList<>();
        for (PayoutPlan p : plans) {
            assertTrue(p.outputs().size() <= k && !p.outputs().isEmpty());
            for (PayoutOutput o : p.outputs()) {
                assertTrue(o.amount() >= minimum, "never below the minimum");
                assertEquals(confirmed.get(o.address()), o.amount(), "the whole confirmed balance");
                assertEquals(feePerOutput ? 1 : 0, o.fee());
                assertTrue(paid.add(o.address()), "each address once");
                order.add(o.address());
            }
        }
        confirmed.forEach((a, c) -> assertEquals(c >= minimum, paid.contains(a),
                "a balance below the minimum carries over untouched, one at or above it is paid"));
        assertEquals(order.stream().sorted().toList(), order, "grouped in address order");
        List<Balance> reversed = new ArrayList<>(balances);
        java.util.Collections.reverse(reversed);
        assertEquals(plans, new PayoutPlanner(minimum, fee, k).plan("bcoin-regtest", "run-1", reversed));
    }
}
