package io.poolkit.core.ledger;

import io.poolkit.core.testing.SteppableClock;
import static io.poolkit.core.ledger.Fixtures.ALICE;
import static io.poolkit.core.ledger.Fixtures.BOB;
import static io.poolkit.core.ledger.Fixtures.CAROL;
import static io.poolkit.core.ledger.Fixtures.CHAIN;
import static io.poolkit.core.ledger.Fixtures.POOL;
import static io.poolkit.core.ledger.Fixtures.T0;
import static io.poolkit.core.ledger.Fixtures.block;
import static io.poolkit.core.ledger.Fixtures.hash;
import static io.poolkit.core.ledger.Fixtures.share;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger's behaviour, run against every database the ledger supports: each subclass hands out
 * a configuration for a new, empty database.
 */
abstract class LedgerStoreContract {

    protected final SteppableClock clock = new SteppableClock(T0.plusSeconds(3600));
    protected LedgerConfig config;
    protected LedgerStore store;

    /** A configuration of a new, empty database. */
    protected abstract LedgerConfig newDatabase();

    @BeforeEach
    void openStore() {
        config = newDatabase().withClock(clock);
        store = LedgerStore.open(config);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static final long REWARD = 5_000_000_000L;

    private Block recordBlock(long n, long reward) {
        return store.blocks().record("stratum-1", block(n, ALICE, reward, T0.plusSeconds(n))).value();
    }

    private static List<CreditLine> split(long alice, long bob, long fee) {
        return List.of(new CreditLine(ALICE, CreditKind.SHARE, alice), new CreditLine(BOB, CreditKind.SHARE, bob),
                new CreditLine(POOL, CreditKind.POOL_FEE, fee));
    }

    @Test
    void migrationIsRepeatableAndReportsTheVersion() {
        org.flywaydb.core.api.MigrationInfo[] all = store.flyway().info().all();
        String newest = all[all.length - 1].getVersion().getVersion();
        assertTrue(all.length >= 3, "V1, V2 and V2.1 at least");
        assertEquals(Optional.of(newest), store.schemaVersion(), "a new database is at the newest migration");
        MigrationResult again = store.migrate();
        assertEquals(0, again.applied());
        assertEquals(Optional.of(newest), again.fromVersion());
        assertEquals(newest, again.toVersion());
        try (LedgerStore second = LedgerStore.open(config.withMigrateOnOpen(false))) {
            assertEquals(Optional.of(newest), second.schemaVersion());
        }
    }

    @Test
    void sharesKeepExactDifficultiesAndSkipKeysAlreadyStored() {
        String regtestDiff = "0.000000000465661287307739257812500";
        List<KeyedShare> batch = List.of(
                new KeyedShare("s:1", share(ALICE, regtestDiff, T0.plusMillis(1))),
                new KeyedShare("s:2", share(BOB, "65536", T0.plusMillis(2))),
                new KeyedShare("s:3", share(ALICE, "123456789012345678901234567890.5", T0.plusMillis(3))));
        assertEquals(3, store.shares().insert("stratum-1", batch));
        assertEquals(0, store.shares().insert("stratum-1", batch), "same keys again: nothing new");
        assertEquals(1, store.shares().insert("stratum-2", batch.subList(0, 1)), "keys are per server");
        assertEquals(4, store.shares().count());
        assertEquals(3, store.shares().count("stratum-1"));

        List<StoredShare> round = store.shares().between(T0, T0.plusMillis(3));
        assertEquals(4, round.size());
        assertEquals(batch.get(0).share(), round.get(0).share(), "round trip is exact");
        assertEquals(new BigDecimal(regtestDiff).stripTrailingZeros(), round.get(0).share().difficulty());
        assertEquals(batch.get(2).share(), round.get(3).share());

        Map<String, BigDecimal> sums = store.shares().difficultyByAddress(T0.plusMillis(1), T0.plusMillis(3));
        assertEquals(Map.of(ALICE, new BigDecimal("123456789012345678901234567890.5"), BOB, new BigDecimal("65536")),
                sums, "from is exclusive");

        List<String> newestFirst = new ArrayList<>();
        store.shares().forEachBackward(T0.plusMillis(3), s -> {
            newestFirst.add(s.share().address());
            return newestFirst.size() < 2;
        });
        assertEquals(List.of(ALICE, BOB), newestFirst);

        assertEquals(2, store.shares().deleteBefore(T0.plusMillis(2)), "pruning removes the oldest two");
        assertEquals(2, store.shares().count());
    }

    @Test
    void aBlockIsRecordedOnceWhoeverRecordsIt() {
        FoundBlock found = block(1, ALICE, REWARD, T0);
        Recorded<Block> first = store.blocks().record("stratum-1", found);
        assertTrue(first.created());
        Recorded<Block> again = store.blocks().record("stratum-2", found);
        assertFalse(again.created());
        assertEquals(first.value(), again.value());
        Block b = store.blocks().find(CHAIN, hash(1).toUpperCase()).orElseThrow();
        assertEquals(BlockState.PENDING, b.state());
        assertEquals("stratum-1", b.serverId());
        assertEquals(found, b.found());
        assertEquals(List.of(b), store.blocks().uncredited(CHAIN));
        assertEquals(List.of(b), store.blocks().inState(BlockState.PENDING));
        assertEquals(List.of(b), store.blocks().recent(5));
    }

    @Test
    void creditingABlockWritesCreditsAndBalancesOnceAndMaturityConfirmsThem() {
        Block b = recordBlock(1, REWARD);
        Recorded<CreditBatch> first = store.credits().creditBlock(b.id(), "PPLNS", split(3_000_000_000L, 1_950_000_000L,
                50_000_000L));
        assertTrue(first.created());
        assertEquals(new Balance(CHAIN, ALICE, 3_000_000_000L, 0, 0, 0), store.balances().of(CHAIN, ALICE));
        assertEquals(new Balance(CHAIN, POOL, 50_000_000L, 0, 0, 0), store.balances().of(CHAIN, POOL));

        Recorded<CreditBatch> second = store.credits().creditBlock(b.id(), "PPLNS", split(1, 1, REWARD - 2));
        assertFalse(second.created(), "a block is credited once");
        assertEquals(first.value(), second.value());
        assertEquals(3_000_000_000L, store.balances().of(CHAIN, ALICE).pending(), "nothing changed");
        assertEquals(3, store.credits().ofBatch(first.value().id()).size());
        assertTrue(store.blocks().find(b.id()).orElseThrow().credited());
        assertEquals(List.of(), store.blocks().uncredited(CHAIN));

        clock.advance(Duration.ofHours(17));
        Block confirmed = store.blocks().confirm(b.id());
        assertEquals(BlockState.CONFIRMED, confirmed.state());
        assertEquals(Optional.of(clock.instant()), confirmed.confirmedAt());
        assertEquals(new Balance(CHAIN, ALICE, 0, 3_000_000_000L, 0, 0), store.balances().of(CHAIN, ALICE));
        assertEquals(new Balance(CHAIN, BOB, 0, 1_950_000_000L, 0, 0), store.balances().of(CHAIN, BOB));
        assertTrue(store.credits().ofAddress(CHAIN, ALICE).stream().allMatch(c -> c.state() == CreditState.CONFIRMED));
        assertEquals(confirmed, store.blocks().confirm(b.id()), "confirming twice changes nothing");
        assertEquals(3_000_000_000L, store.balances().of(CHAIN, ALICE).confirmed());
        assertEquals(Map.of(ALICE, 3_000_000_000L, BOB, 1_950_000_000L, POOL, 50_000_000L),
                store.credits().totals(CHAIN, CreditState.CONFIRMED));
    }

    @Test
    void blocksCreditedConcurrentlyFromTwoProcessesAreCreditedOnce() throws Exception {
        List<Block> blocks = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            blocks.add(recordBlock(n, REWARD));
        }
        List<Recorded<CreditBatch>> results = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        try (LedgerStore other = LedgerStore.open(config)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                LedgerStore s = t % 2 == 0 ? store : other;
                threads.add(new Thread(() -> {
                    for (Block b : blocks) {
                        try {
                            results.add(s.credits().creditBlock(b.id(), "PROP", split(REWARD - 2, 1, 1)));
                            s.blocks().confirm(b.id());
                        } catch (RuntimeException e) {
                            errors.add(e);
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
        }
        assertEquals(List.of(), errors);
        assertEquals(blocks.size(), results.stream().filter(Recorded::created).count());
        assertEquals(new Balance(CHAIN, ALICE, 0, 5 * (REWARD - 2), 0, 0), store.balances().of(CHAIN, ALICE));
        assertEquals(new Balance(CHAIN, POOL, 0, 5, 0, 0), store.balances().of(CHAIN, POOL));
    }

    @Test
    void aSplitMustSumToTheRewardAndABadOneChangesNothing() {
        Block b = recordBlock(1, REWARD);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.credits().creditBlock(b.id(), "PROP", split(1, 2, 3)));
        assertTrue(e.getMessage().contains("sums to 6 but its reward is 5000000000"), e.getMessage());
        assertFalse(store.blocks().find(b.id()).orElseThrow().credited(), "the claim on the block was rolled back");
        assertEquals(Balance.zero(CHAIN, ALICE), store.balances().of(CHAIN, ALICE));
        assertTrue(store.credits().batchOfBlock(b.id()).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> store.credits().creditBlock(b.id(), "PROP",
                List.of(new CreditLine(ALICE, CreditKind.SHARE, 1), new CreditLine(ALICE, CreditKind.SHARE, REWARD - 1))));
        assertTrue(store.credits().creditBlock(b.id(), "PROP", split(REWARD - 3, 2, 1)).created());
    }

    @Test
    void anOrphanedBlockCancelsItsPendingCreditsAndCannotBeCreditedOrConfirmed() {
        Block b = recordBlock(1, REWARD);
        store.credits().creditBlock(b.id(), "PROP", split(4_000_000_000L, 900_000_000L, 100_000_000L));
        Block orphaned = store.blocks().orphan(b.id());
        assertEquals(BlockState.ORPHANED, orphaned.state());
        assertEquals(Balance.zero(CHAIN, ALICE), store.balances().of(CHAIN, ALICE));
        assertEquals(0, store.balances().of(CHAIN, BOB).pending());
        assertTrue(store.credits().ofAddress(CHAIN, BOB).stream().allMatch(c -> c.state() == CreditState.CANCELLED));
        assertEquals(orphaned, store.blocks().orphan(b.id()), "orphaning twice changes nothing");
        assertThrows(LedgerStateException.class, () -> store.blocks().confirm(b.id()));

        Block other = recordBlock(2, REWARD);
        store.blocks().orphan(other.id());
        LedgerStateException e = assertThrows(LedgerStateException.class,
                () -> store.credits().creditBlock(other.id(), "PROP", split(REWARD, 0, 0)));
        assertTrue(e.getMessage().contains("orphaned"), e.getMessage());

        Block mature = recordBlock(3, REWARD);
        store.blocks().confirm(mature.id());
        assertThrows(LedgerStateException.class, () -> store.blocks().orphan(mature.id()));
        store.credits().creditBlock(mature.id(), "SOLO", List.of(new CreditLine(ALICE, CreditKind.SHARE, REWARD)));
        assertEquals(new Balance(CHAIN, ALICE, 0, REWARD, 0, 0), store.balances().of(CHAIN, ALICE),
                "a block credited after it matured is confirmed at once");
    }

    @Test
    void creditFromOtherSourcesIsConfirmedAtOnceAndExactlyOnce() {
        List<CreditLine> pps = List.of(new CreditLine(ALICE, CreditKind.PPS, 1234), new CreditLine(CAROL, CreditKind.PPS, 1));
        assertTrue(store.credits().credit(CHAIN, "pps:stratum-1:2024-05-01T12", "PPS", pps).created());
        Recorded<CreditBatch> again = store.credits().credit(CHAIN, "pps:stratum-1:2024-05-01T12", "PPS", pps);
        assertFalse(again.created());
        assertEquals(Optional.<Long>empty(), again.value().blockId());
        assertEquals(1235, again.value().total());
        assertEquals(new Balance(CHAIN, ALICE, 0, 1234, 0, 0), store.balances().of(CHAIN, ALICE));
        assertThrows(IllegalArgumentException.class, () -> store.credits().credit(CHAIN, "block:7", "PPS", pps));
        store.credits().credit(CHAIN, "pps:stratum-1:2024-05-01T13", "PPS", pps);
        assertEquals("pps:stratum-1:2024-05-01T13", store.credits().latestBatch(CHAIN, "PPS").orElseThrow().source());
        assertTrue(store.credits().latestBatch(CHAIN, "PROP").isEmpty());
    }

    /** A stand-in share valuation: 1000 base units per share, one line per address. */
    private static List<CreditLine> thousandEach(List<AcceptedShare> shares) {
        Map<String, Long> per = new java.util.TreeMap<>();
        shares.forEach(s -> per.merge(s.address(), 1000L, Long::sum));
        return per.entrySet().stream().map(e -> new CreditLine(e.getKey(), CreditKind.PPS, e.getValue())).toList();
    }

    private void insertShare(String key, String address, Instant at) {
        store.shares().insert("stratum-1", List.of(new KeyedShare(key, share(address, "1", at))));
    }

    @Test
    void ppsPaysEachShareOnceAndALateShareInTheNextRun() {
        insertShare("a1", ALICE, T0.plusSeconds(1));
        insertShare("b1", BOB, T0.plusSeconds(2));
        insertShare("a2", ALICE, T0.plusSeconds(100));
        CreditBatch first = store.credits().creditPpsShares(CHAIN, "PPS", T0.plusSeconds(60), 100,
                LedgerStoreContract::thousandEach).orElseThrow();
        assertEquals(2000, first.total(), "the two shares up to the cut, not the later one");
        assertTrue(store.credits().creditPpsShares(CHAIN, "PPS", T0.plusSeconds(60), 100,
                LedgerStoreContract::thousandEach).isEmpty(), "nothing unpaid up to the same cut");

        // Accepted before the first cut but written after it ran: the period-based crediting skipped it.
        insertShare("b0", BOB, T0.plusSeconds(30));
        CreditBatch second = store.credits().creditPpsShares(CHAIN, "PPS", T0.plusSeconds(200), 100,
                LedgerStoreContract::thousandEach).orElseThrow();
        assertEquals(2000, second.total(), "the late share and the one after the first cut");
        assertEquals(2000, store.balances().of(CHAIN, ALICE).confirmed());
        assertEquals(2000, store.balances().of(CHAIN, BOB).confirmed());
        assertTrue(store.credits().creditPpsShares("other-chain", "PPS", T0.plusSeconds(200), 100,
                LedgerStoreContract::thousandEach).isPresent(), "marks are per chain");
    }

    @Test
    void ppsSplitsARunIntoBatchesOfAtMostMaxShares() {
        for (int i = 0; i < 7; i++) {
            insertShare("s" + i, i % 2 == 0 ? ALICE : BOB, T0.plusSeconds(i));
        }
        List<Long> totals = new ArrayList<>();
        Optional<CreditBatch> b;
        while ((b = store.credits().creditPpsShares(CHAIN, "PPS", T0.plusSeconds(60), 3,
                LedgerStoreContract::thousandEach)).isPresent()) {
            totals.add(b.get().total());
        }
        assertEquals(List.of(3000L, 3000L, 1000L), totals);
        assertEquals(7000, store.balances().of(CHAIN, ALICE).confirmed() + store.balances().of(CHAIN, BOB).confirmed());
    }

    @Test
    void concurrentPpsRunsNeverPayAShareTwice() throws Exception {
        int n = 200;
        for (int i = 0; i < n; i++) {
            insertShare("c" + i, i % 3 == 0 ? ALICE : BOB, T0.plusSeconds(i));
        }
        Runnable run = () -> {
            for (int tries = 0; tries < 200; tries++) {
                try {
                    if (store.credits().creditPpsShares(CHAIN, "PPS", T0.plusSeconds(n), 7,
                            LedgerStoreContract::thousandEach).isEmpty()) {
                        return;
                    }
                } catch (LedgerException lostTheRace) {
                    // The other run marked one of these shares first; this transaction changed nothing.
                }
            }
        };
        Thread a = new Thread(run);
        Thread b = new Thread(run);
        a.start();
        b.start();
        a.join();
        b.join();
        run.run();
        assertEquals(1000L * n,
                store.balances().of(CHAIN, ALICE).confirmed() + store.balances().of(CHAIN, BOB).confirmed());
    }

    @Test
    void upgradingFromV1MarksTheSharesItsPpsPeriodsPaid() {
        store.close();
        store = LedgerStore.open(newDatabase().withClock(clock).withMigrateOnOpen(false));
        org.flywaydb.core.Flyway.configure().configuration(store.flyway().getConfiguration()).target("1").load().migrate();
        insertShare("old", ALICE, T0.plusSeconds(10));
        insertShare("new", BOB, T0.plusSeconds(70));
        // What version 1's PpsCrediter wrote for the period ending at T0+60 s.
        store.credits().credit(CHAIN, "pps:" + CHAIN + ":" + T0.plusSeconds(60).toEpochMilli(), "PPS",
                List.of(new CreditLine(ALICE, CreditKind.PPS, 1000)));
        store.credits().credit(CHAIN, "pps:not-a-v1-period", "PPS", List.of(new CreditLine(CAROL, CreditKind.PPS, 5)));
        assertTrue(store.migrate().applied() >= 2, "V2 and V2.1 at least");

        CreditBatch after = store.credits().creditPpsShares(CHAIN, "PPS", T0.plusSeconds(600), 100,
                LedgerStoreContract::thousandEach).orElseThrow();
        assertEquals(1000, after.total(), "only the share after the version 1 period");
        assertEquals(1000, store.balances().of(CHAIN, ALICE).confirmed(), "alice's share is not paid again");
        assertEquals(1000, store.balances().of(CHAIN, BOB).confirmed());
    }

    private void fund(String address, long amount, String source) {
        store.credits().credit(CHAIN, source, "PPS", List.of(new CreditLine(address, CreditKind.PPS, amount)));
    }

    @Test
    void aPayoutMovesMoneyThroughItsStatesOnceEach() {
        fund(ALICE, 10_000, "a");
        fund(BOB, 5_000, "b");
        PayoutPlan plan = new PayoutPlan(CHAIN, "run-1", "poolkit-payout-1",
                List.of(new PayoutOutput(ALICE, 9_000, 0), new PayoutOutput(BOB, 5_000, 100)));
        Payout planned = store.payouts().plan(plan);
        assertEquals(PayoutState.PLANNED, planned.state());
        assertEquals(plan.outputs().size(), planned.outputs().size());
        assertEquals(new Balance(CHAIN, ALICE, 0, 1_000, 9_000, 0), store.balances().of(CHAIN, ALICE));
        assertEquals(new Balance(CHAIN, BOB, 0, 0, 5_000, 0), store.balances().of(CHAIN, BOB));
        assertEquals(List.of(planned), store.payouts().unfinished(CHAIN));
        assertEquals(Optional.of(planned), store.payouts().findByLabel("poolkit-payout-1"));

        LedgerStateException reused = assertThrows(LedgerStateException.class, () -> store.payouts().plan(plan));
        assertTrue(reused.getMessage().contains("already used"), reused.getMessage());

        clock.advance(Duration.ofSeconds(5));
        assertEquals(PayoutState.SENDING, store.payouts().markSending(planned.id()).state());
        assertThrows(LedgerStateException.class, () -> store.payouts().markSending(planned.id()),
                "a payout that may have been sent is never sent again");
        String txid = hash(0xabc);
        Payout sent = store.payouts().markSent(planned.id(), txid.toUpperCase(), 226);
        assertEquals(PayoutState.SENT, sent.state());
        assertEquals(Optional.of(txid), sent.txid());
        assertEquals(226, sent.txFee());
        assertEquals(clock.instant(), sent.updatedAt());
        assertEquals(new Balance(CHAIN, ALICE, 0, 1_000, 0, 9_000), store.balances().of(CHAIN, ALICE));
        assertEquals(sent, store.payouts().markSent(planned.id(), txid, 226), "same txid again: no change");
        assertEquals(9_000, store.balances().of(CHAIN, ALICE).paid());
        assertThrows(LedgerStateException.class, () -> store.payouts().markSent(planned.id(), hash(1), 226));
        assertThrows(LedgerStateException.class, () -> store.payouts().markFailed(planned.id(), "too late"));
        assertEquals(PayoutState.CONFIRMED, store.payouts().markConfirmed(planned.id()).state());
        assertEquals(PayoutState.CONFIRMED, store.payouts().markConfirmed(planned.id()).state());
        assertEquals(List.of(), store.payouts().unfinished(CHAIN));
        assertEquals(1, store.payouts().recent(CHAIN, 10).size());
    }

    @Test
    void aPayoutLargerThanABalanceIsRefusedWholeAndAFailedOneReturnsTheMoney() {
        fund(ALICE, 10_000, "a");
        fund(BOB, 5_000, "b");
        PayoutPlan tooMuch = new PayoutPlan(CHAIN, "run-1", "p-1",
                List.of(new PayoutOutput(ALICE, 10_000, 0), new PayoutOutput(BOB, 5_001, 0)));
        LedgerStateException e = assertThrows(LedgerStateException.class, () -> store.payouts().plan(tooMuch));
        assertTrue(e.getMessage().contains(BOB), e.getMessage());
        assertEquals(new Balance(CHAIN, ALICE, 0, 10_000, 0, 0), store.balances().of(CHAIN, ALICE),
                "Alice's debit was rolled back with the rest");
        assertTrue(store.payouts().findByLabel("p-1").isEmpty());

        Payout p = store.payouts().plan(new PayoutPlan(CHAIN, "run-1", "p-1", List.of(new PayoutOutput(ALICE, 10_000, 0))));
        store.payouts().markSending(p.id());
        Payout failed = store.payouts().markFailed(p.id(), "wallet said insufficient funds");
        assertEquals(PayoutState.FAILED, failed.state());
        assertEquals("wallet said insufficient funds", failed.note());
        assertEquals(new Balance(CHAIN, ALICE, 0, 10_000, 0, 0), store.balances().of(CHAIN, ALICE));
        assertThrows(LedgerStateException.class, () -> store.payouts().markFailed(p.id(), "again"));
        assertEquals(List.of(store.balances().of(CHAIN, ALICE)), store.balances().payable(CHAIN, 10_000));
        assertEquals(List.of(), store.balances().payable(CHAIN, 10_001));
    }

    @Test
    void closingTheRecorderWritesEverythingItAccepted() {
        ShareRecorder recorder = ShareRecorder.builder(store.sink("stratum-1"))
                .batchSize(700).maxDelay(Duration.ofHours(1)).clock(clock).start();
        for (int i = 0; i < 2_500; i++) {
            recorder.record(share(i % 2 == 0 ? ALICE : BOB, "0.5", T0.plusMillis(i)));
        }
        recorder.recordBlock(block(1, ALICE, REWARD, T0.plusMillis(2_500)));
        recorder.close();
        assertEquals(2_500, store.shares().count("stratum-1"));
        assertTrue(store.blocks().find(CHAIN, hash(1)).isPresent());
        RecorderMetrics m = recorder.metrics();
        assertEquals(2_500, m.accepted());
        assertEquals(2_500, m.written());
        assertEquals(0, m.queued());
        assertEquals(1, m.blocksWritten());
        assertThrows(IllegalStateException.class, () -> recorder.record(share(ALICE, "1", T0)));
    }

    @Test
    void aBatchRetriedAfterALostCommitIsNotStoredTwice() {
        ShareSink real = store.sink("stratum-1");
        AtomicBoolean lostOnce = new AtomicBoolean();
        ShareSink lossy = (shares, blocks) -> {
            ShareSink.WriteResult r = real.write(shares, blocks);
            if (lostOnce.compareAndSet(false, true)) {
                throw new LedgerException("connection reset after commit");
            }
            return r;
        };
        ShareRecorder recorder = ShareRecorder.builder(lossy).batchSize(1_000).maxDelay(Duration.ofHours(1))
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(1)).clock(clock).start();
        for (int i = 0; i < 300; i++) {
            recorder.record(share(ALICE, "2", T0.plusMillis(i)));
        }
        recorder.recordBlock(block(1, ALICE, REWARD, T0));
        recorder.close();
        assertEquals(300, store.shares().count());
        assertEquals(1, store.blocks().recent(10).size());
        assertEquals(1, recorder.metrics().failedWrites());
        assertEquals(300, recorder.metrics().duplicatesSkipped());
    }

    @Test
    void twoStratumServersWriteIntoOneStoreAndBothAreCredited() throws Exception {
        int perThread = 1_500;
        try (LedgerStore secondServerStore = LedgerStore.open(config)) {
            ShareRecorder one = ShareRecorder.builder(store.sink("stratum-1")).batchSize(200)
                    .maxDelay(Duration.ofMillis(20)).start();
            ShareRecorder two = ShareRecorder.builder(secondServerStore.sink("stratum-2")).batchSize(200)
                    .maxDelay(Duration.ofMillis(20)).start();
            List<Thread> miners = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                ShareRecorder recorder = t % 2 == 0 ? one : two;
                String address = t < 2 ? ALICE : BOB;
                int offset = t;
                miners.add(new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        recorder.record(share(address, "1", T0.plusMillis(i * 4L + offset)));
                    }
                }));
            }
            miners.forEach(Thread::start);
            for (Thread m : miners) {
                m.join();
            }
            FoundBlock found = block(1, BOB, REWARD, T0.plusMillis(perThread * 4L));
            one.recordBlock(found);
            two.recordBlock(found); // both servers saw it: still one block
            one.close();
            two.close();
        }
        assertEquals(2L * perThread, store.shares().count("stratum-1"));
        assertEquals(2L * perThread, store.shares().count("stratum-2"));
        List<Block> blocks = store.blocks().recent(10);
        assertEquals(1, blocks.size());

        Map<String, BigDecimal> work = store.shares().difficultyByAddress(T0.minusMillis(1), blocks.get(0).found().foundAt());
        assertEquals(Map.of(ALICE, BigDecimal.valueOf(2L * perThread), BOB, BigDecimal.valueOf(2L * perThread)), work);
        store.credits().creditBlock(blocks.get(0).id(), "PROP",
                List.of(new CreditLine(ALICE, CreditKind.SHARE, REWARD / 2), new CreditLine(BOB, CreditKind.SHARE, REWARD / 2)));
        store.blocks().confirm(blocks.get(0).id());
        Payout p = store.payouts().plan(new PayoutPlan(CHAIN, "run-1", "both-servers",
                List.of(new PayoutOutput(ALICE, REWARD / 2, 0), new PayoutOutput(BOB, REWARD / 2, 0))));
        assertEquals(REWARD, p.total());
    }

    @Test
    void timesAreTheInjectedClocks() {
        Block b = recordBlock(1, REWARD);
        Instant creditedAt = clock.instant();
        store.credits().creditBlock(b.id(), "SOLO", List.of(new CreditLine(ALICE, CreditKind.SHARE, REWARD)));
        assertEquals(Optional.of(creditedAt), store.blocks().find(b.id()).orElseThrow().creditedAt());
        assertEquals(creditedAt, store.credits().ofAddress(CHAIN, ALICE).get(0).createdAt());
    }
}
