package io.poolkit.core.ledger;

import static io.poolkit.core.ledger.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever happens to blocks, credits and payouts, in whatever order, the balances the ledger keeps
 * equal what its credit and payout rows say: pending is the pending credits, confirmed + in flight +
 * paid is the confirmed credits, in flight and paid are the outputs of the payouts in those states,
 * nothing is negative, and no satoshi appears or vanishes. Each try runs on its own chain of one
 * SQLite store.
 */
class LedgerProperties {

    private static final String[] MINERS = {Fixtures.ALICE, Fixtures.BOB, Fixtures.CAROL, "mzBc4XEFSdzCDcTxAgf6EZXgsZWpztRhef"};
    private static final AtomicInteger TRY = new AtomicInteger();

    private static Path dir;
    private static LedgerStore store;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("poolkit-ledger-props-");
        store = LedgerStore.open(LedgerConfig.of(dir.resolve("props.db").toString()));
    }

    @AfterContainer
    static void close() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** One step: what to do, two choosers and an amount. */
    record Op(int kind, int a, int b, long amount) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 50),
                Arbitraries.integers().between(0, 50), Arbitraries.longs().between(1, 5_000_000_000L)).as(Op::new);
        return op.list().ofMinSize(5).ofMaxSize(40);
    }

    @Property(tries = 50)
    void balancesAlwaysEqualCreditsMinusPayouts(@ForAll("operations") List<Op> ops) {
        String chain = "prop-" + TRY.incrementAndGet();
        List<Long> blocks = new ArrayList<>();
        List<Long> payouts = new ArrayList<>();
        Map<Long, Long> rewards = new HashMap<>();
        long[] outside = {0}; // credited from sources other than blocks
        int[] counter = {0};
        for (Op op : ops) {
            try {
                apply(chain, op, blocks, payouts, rewards, outside, counter);
                Statistics.label("steps").collect("op " + op.kind() + " done");
            } catch (LedgerStateException refused) {
                Statistics.label("steps").collect("op " + op.kind() + " refused");
                // A refused change (confirming an orphan, sending twice, ...) must leave everything as it was:
                // the invariants below check that.
            }
            checkInvariants(chain, blocks, rewards, outside[0]);
        }
    }

    private static void apply(String chain, Op op, List<Long> blocks, List<Long> payouts, Map<Long, Long> rewards,
            long[] outside, int[] counter) {
        switch (op.kind()) {
            case 0 -> {
                int n = ++counter[0];
                FoundBlock found = new FoundBlock(chain, n, Fixtures.hash(n), MINERS[op.a() % 4], "", op.amount(),
                        BigDecimal.ONE, T0.plusSeconds(n));
                Block b = store.blocks().record("stratum-1", found).value();
                long first = op.amount() * (op.a() % 10 + 1) / 11;
                long second = (op.amount() - first) * (op.b() % 10) / 10;
                List<CreditLine> lines = new ArrayList<>();
                lines.add(new CreditLine(MINERS[op.a() % 4], CreditKind.SHARE, first));
                if (op.b() % 4 != op.a() % 4) {
                    lines.add(new CreditLine(MINERS[op.b() % 4], CreditKind.SHARE, second));
                } else {
                    second = 0;
                }
                lines.add(new CreditLine(Fixtures.POOL, CreditKind.POOL_FEE, op.amount() - first - second));
                assertTrue(store.credits().creditBlock(b.id(), "PROP", lines).created());
                blocks.add(b.id());
                rewards.put(b.id(), op.amount());
            }
            case 1 -> pick(blocks, op.a()).ifPresent(id -> store.blocks().confirm(id));
            case 2 -> pick(blocks, op.a()).ifPresent(id -> store.blocks().orphan(id));
            case 3 -> {
                List<Balance> payable = store.balances().payable(chain, 1);
                if (payable.isEmpty()) {
                    return;
                }
                List<PayoutOutput> outputs = new ArrayList<>();
                for (int i = 0; i < Math.min(payable.size(), 1 + op.b() % 3); i++) {
                    Balance bal = payable.get((op.a() + i) % payable.size());
                    if (outputs.stream().anyMatch(o -> o.address().equals(bal.address()))) {
                        continue;
                    }
                    long amount = Math.min(bal.confirmed(), op.amount());
                    long fee = amount > 1 ? Math.min(amount - 1, op.b()) : 0;
                    // Now and then ask for more than there is: the whole plan must be refused.
                    if (op.a() % 7 == 0) {
                        amount = bal.confirmed() + 1;
                    }
                    outputs.add(new PayoutOutput(bal.address(), amount, fee));
                }
                Payout p = store.payouts().plan(new PayoutPlan(chain, "run", chain + "-p" + (++counter[0]), outputs));
                payouts.add(p.id());
            }
            case 4 -> pick(payouts, op.a()).ifPresent(id -> {
                if (store.payouts().find(id).orElseThrow().state() == PayoutState.PLANNED) {
                    store.payouts().markSending(id);
                }
                store.payouts().markSent(id, Fixtures.hash(id), op.b());
            });
            case 5 -> pick(payouts, op.a()).ifPresent(id -> store.payouts().markFailed(id, "test"));
            case 6 -> pick(payouts, op.a()).ifPresent(id -> store.payouts().markConfirmed(id));
            case 7 -> {
                Recorded<CreditBatch> r = store.credits().credit(chain, chain + "-pps-" + (++counter[0]), "PPS",
                        List.of(new CreditLine(MINERS[op.a() % 4], CreditKind.PPS, op.amount())));
                assertTrue(r.created());
                outside[0] += op.amount();
            }
            case 8 -> pick(payouts, op.a()).ifPresent(id -> store.payouts().markSending(id));
            default -> pick(blocks, op.a()).ifPresent(id -> assertFalse(store.credits().creditBlock(id, "PROP",
                    List.of(new CreditLine(MINERS[0], CreditKind.SHARE, rewards.get(id)))).created(),
                    "crediting a block again is a no-op"));
        }
    }

    private static java.util.Optional<Long> pick(List<Long> ids, int chooser) {
        return ids.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ids.get(chooser % ids.size()));
    }

    private static void checkInvariants(String chain, List<Long> blocks, Map<Long, Long> rewards, long outside) {
        Map<String, Long> pendingCredits = store.credits().totals(chain, CreditState.PENDING);
        Map<String, Long> confirmedCredits = store.credits().totals(chain, CreditState.CONFIRMED);
        Map<String, Long> inFlight = new HashMap<>();
        Map<String, Long> paid = new HashMap<>();
        for (Payout p : store.payouts().recent(chain, 100_000)) {
            for (PayoutOutput o : p.outputs()) {
                if (p.state().inFlight()) {
                    inFlight.merge(o.address(), o.amount(), Long::sum);
                } else if (p.state() != PayoutState.FAILED) {
                    paid.merge(o.address(), o.amount(), Long::sum);
                }
            }
        }
        TreeSet<String> addresses = new TreeSet<>(pendingCredits.keySet());
        addresses.addAll(confirmedCredits.keySet());
        long total = 0;
        for (Balance b : store.balances().all(chain)) {
            addresses.add(b.address());
        }
        for (String address : addresses) {
            Balance b = store.balances().of(chain, address);
            assertTrue(b.pending() >= 0 && b.confirmed() >= 0 && b.inFlight() >= 0 && b.paid() >= 0, b.toString());
            assertEquals(pendingCredits.getOrDefault(address, 0L), b.pending(), "pending of " + address);
            assertEquals(confirmedCredits.getOrDefault(address, 0L), b.earned(), "earned of " + address);
            assertEquals(inFlight.getOrDefault(address, 0L), b.inFlight(), "in flight of " + address);
            assertEquals(paid.getOrDefault(address, 0L), b.paid(), "paid of " + address);
            total += b.pending() + b.earned();
        }
        long expected = outside;
        for (long id : blocks) {
            if (store.blocks().find(id).orElseThrow().state() != BlockState.ORPHANED) {
                expected += rewards.get(id);
            }
        }
        assertEquals(expected, total, "every satoshi of every block that is not orphaned, and of other credit, is owed or paid");
    }
}
