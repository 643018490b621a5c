package io.poolkit.core.payout;

import io.poolkit.core.testing.SteppableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.ledger.Balance;
import io.poolkit.core.ledger.CreditKind;
import io.poolkit.core.ledger.CreditLine;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.ledger.PayoutState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Rerunning a finished payout is a no-op: random balances, minimums, batch sizes and fee policies in
 * a SQLite ledger (a temporary folder per try), paid through an in-memory wallet; the second run
 * sends nothing, reconciles nothing, fails nothing and leaves every balance as the first run left it.
 */
class RerunProperties {

    static final String CHAIN = "bcoin-regtest";

    /** A wallet double in memory: every send is kept with its outputs; "mined" makes them confirmed. */
    static final class MemoryWallet implements PayoutWallet {
        final Map<String, WalletTx> txs = new LinkedHashMap<>();
        private final Clock clock;
        boolean mined;

        MemoryWallet(Clock clock) {
            this.clock = clock;
        }

        @Override
        public String send(String label, SortedMap<String, Long> amounts) {
            String txid = String.format("%064x", txs.size() + 1);
            txs.put(txid, new WalletTx(txid, Optional.of(label), amounts, 0, 0, clock.instant()));
            return txid;
        }

        @Override
        public List<WalletTx> sends(Instant since) {
            return txs.values().stream().filter(t -> !t.time().isBefore(since)).map(this::view).toList();
        }

        @Override
        public Optional<WalletTx> transaction(String txid) {
            return Optional.ofNullable(txs.get(txid)).map(this::view);
        }

        private WalletTx view(WalletTx t) {
            return new WalletTx(t.txid(), t.comment(), t.outputs(), t.fee(), mined ? 1 : 0, t.time());
        }
    }

    @Provide
    Arbitrary<Map<String, Long>> balances() {
        return Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5).map(s -> "R" + s),
                Arbitraries.longs().between(1, 20_000_000_000L)).ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 40)
    void rerunningAFinishedPayoutIsANoOp(@ForAll("balances") Map<String, Long> owed,
            @ForAll @LongRange(min = 2, max = 10_000_000_000L) long minimum, @ForAll @IntRange(min = 1, max = 9) int batchSize,
            @ForAll boolean feePerOutput, @ForAll boolean minedBetweenRuns) {
        Path dir = tempDir();
        SteppableClock clock = new SteppableClock(Instant.parse("2026-11-21T00:00:00Z"));
        MemoryWallet wallet = new MemoryWallet(clock);
        FeePolicy fee = feePerOutput ? FeePolicy.perOutput(1) : FeePolicy.poolPays();
        try (LedgerStore store = LedgerStore.open(LedgerConfig.sqlite(dir.resolve("ledger.db")).withClock(clock))) {
            List<CreditLine> lines = new ArrayList<>();
            owed.forEach((a, v) -> lines.add(new CreditLine(a, CreditKind.ADJUSTMENT, v)));
            store.credits().credit(CHAIN, "test:rerun", "TEST", lines);
            PayoutPlanner planner = new PayoutPlanner(minimum, fee, batchSize);

            PayoutRunner.Summary first = new PayoutRunner(store, wallet, planner, CHAIN, clock).run();
            long payable = owed.values().stream().filter(v -> v >= minimum).count();
            assertEquals((payable + batchSize - 1) / batchSize, first.sent().size(), "one transaction per batch");
            assertEquals(first.sent().size(), wallet.txs.size());
            List<Balance> afterFirst = store.balances().all(CHAIN);
            owed.forEach((a, v) -> assertEquals(v >= minimum ? new Balance(CHAIN, a, 0, 0, 0, v)
                    : new Balance(CHAIN, a, 0, v, 0, 0), store.balances().of(CHAIN, a)));

            wallet.mined = minedBetweenRuns;
            clock.advance(java.time.Duration.ofMinutes(1));
            PayoutRunner.Summary second = new PayoutRunner(store, wallet, planner, CHAIN, clock).run();
            assertEquals(List.of(), second.sent(), "the second run sends nothing");
            assertEquals(List.of(), second.failed());
            assertEquals(List.of(), second.reconciled());
            assertEquals(first.sent().size(), wallet.txs.size(), "the wallet was not asked again");
            assertEquals(minedBetweenRuns ? first.sent().size() : 0, second.confirmed().size());
            assertEquals(afterFirst, store.balances().all(CHAIN), "no balance changed");
            assertTrue(store.payouts().unfinished(CHAIN).stream()
                    .allMatch(p -> p.state() == PayoutState.SENT && !minedBetweenRuns));
        } finally {
            delete(dir);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("poolkit-rerun-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
