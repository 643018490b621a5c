package io.poolkit.pegnet.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.ledger.CreditKind;
import io.poolkit.core.ledger.CreditLine;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.pegnet.stratum.ShareChecker;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accountant on the ledger: a restart loses nothing, and each job is credited exactly once. Run on
 * SQLite here and on a real PostgreSQL by {@link PostgresLedgerPegnetStoreTest}.
 */
class LedgerPegnetStoreTest {

    /** A new, empty ledger database; {@code dir} is a fresh temporary folder. */
    LedgerConfig newDatabase(Path dir) {
        return LedgerConfig.sqlite(dir.resolve("ledger.db"));
    }

    private static final BigDecimal FEE = new BigDecimal("0.05");
    private static final long REWARD = 720_00000000L;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T22:00:00Z"), ZoneOffset.UTC);

    private static ShareChecker.Share share(long job, String user, String miner, long target) {
        return new ShareChecker.Share(user, miner, Long.toString(job), new byte[32], new byte[9], target);
    }

    private static final List<ShareChecker.Share> SHARES = List.of(
            share(100, "alice", "rig1", 0xffff123456789abcL),
            share(100, "bob", "rig1", 0xfffff00000000001L),
            share(100, "alice", "rig2", 0xffff800000000000L),
            share(100, "carol", "x", 0xffffffff00000000L),
            share(99, "alice", "rig1", 0xffffffffffff0000L)); // job 99 was never opened: ignored

    @Test
    void restartKeepsInFlightWorkAndCreditsOnce(@TempDir Path dir) {
        LedgerConfig cfg = newDatabase(dir);
        Accountant reference = new Accountant(AccountantStore.inMemory(), FEE, clock);
        reference.open(100);
        SHARES.forEach(reference::add);
        OwedPayouts.Result expected = reference.reward(100, REWARD, 2, 2).orElseThrow();

        try (LedgerStore ledger = LedgerStore.open(cfg);
                LedgerPegnetStore store = new LedgerPegnetStore(ledger, cfg, "pool-fee")) {
            Accountant before = new Accountant(store, FEE, clock);
            before.open(100);
            long counted = SHARES.stream().filter(before::add).count();
            assertEquals(4, counted);
            // the process dies here, before the block's reward is known
        }
        try (LedgerStore ledger = LedgerStore.open(cfg);
                LedgerPegnetStore store = new LedgerPegnetStore(ledger, cfg, "pool-fee")) {
            Accountant after = new Accountant(store, FEE, clock);
            assertEquals(4, after.restore(), "every in-flight share is replayed");
            OwedPayouts.Result owed = after.reward(100, REWARD, 2, 2).orElseThrow();
            assertEquals(expected, owed, "same split as if the process had never stopped");
            assertTrue(owed.users().stream().allMatch(u -> u.payout() > 0));

            for (OwedPayouts.UserPayout u : owed.users()) {
                assertEquals(u.payout(), ledger.balances().of(LedgerPegnetStore.CHAIN, u.user()).confirmed());
            }
            assertEquals(owed.poolFee(), ledger.balances().of(LedgerPegnetStore.CHAIN, "pool-fee").confirmed());
            assertEquals(REWARD - owed.dust(), ledger.credits().batch(LedgerPegnetStore.source(100)).orElseThrow().total());

            assertFalse(store.close(100, 2, 2, owed, clock.instant()), "a job closes once");
            assertTrue(after.reward(100, REWARD, 2, 2).isEmpty());
            LedgerPegnetStore.JobSummary job = store.closedJobs(10).get(0);
            assertEquals(100, job.jobId());
            assertEquals(REWARD, job.reward());
            assertEquals(owed.poolFee(), job.poolFee());
            assertEquals(owed.dust(), job.dust());
            assertEquals(3, store.owed(100).size());
            assertEquals(owed.users().stream().mapToLong(OwedPayouts.UserPayout::payout).sum(),
                    store.owed(100).stream().mapToLong(LedgerPegnetStore.UserOwed::payout).sum());
        }
        try (LedgerStore ledger = LedgerStore.open(cfg);
                LedgerPegnetStore store = new LedgerPegnetStore(ledger, cfg, "pool-fee")) {
            assertEquals(0, new Accountant(store, FEE, clock).restore());
            assertTrue(store.openJobs().isEmpty());
        }
    }

    @Test
    void crashBetweenCreditingAndClosingDoesNotPayTwice(@TempDir Path dir) {
        LedgerConfig cfg = newDatabase(dir);
        try (LedgerStore ledger = LedgerStore.open(cfg);
                LedgerPegnetStore store = new LedgerPegnetStore(ledger, cfg, "pool-fee")) {
            Accountant a = new Accountant(store, FEE, clock);
            a.open(7);
            a.add(share(7, "alice", "rig1", 0xffff000000000001L));
            OwedPayouts.Result owed = OwedPayouts.compute(1000, FEE,
                    java.util.Map.of("alice", ShareDifficulty.difficulty(0xffff000000000001L)),
                    ShareDifficulty.difficulty(0xffff000000000001L));
            // the crediting happened, then the process died before the job was marked closed
            ledger.credits().credit(LedgerPegnetStore.CHAIN, LedgerPegnetStore.source(7), LedgerPegnetStore.SCHEME,
                    List.of(new CreditLine("alice", CreditKind.SHARE, owed.users().get(0).payout()),
                            new CreditLine("pool-fee", CreditKind.POOL_FEE, owed.poolFee())));
            Accountant restarted = new Accountant(store, FEE, clock);
            assertEquals(1, restarted.restore());
            assertEquals(owed, restarted.reward(7, 1000, 1, 1).orElseThrow());
            assertEquals(950, ledger.balances().of(LedgerPegnetStore.CHAIN, "alice").confirmed());
            assertEquals(50, ledger.balances().of(LedgerPegnetStore.CHAIN, "pool-fee").confirmed());
        }
    }

    @Test
    void submissionsAndEmaAreRecorded(@TempDir Path dir) {
        LedgerConfig cfg = newDatabase(dir);
        try (LedgerStore ledger = LedgerStore.open(cfg);
                LedgerPegnetStore store = new LedgerPegnetStore(ledger, cfg, "pool-fee")) {
            SubmissionLog.Attempt a = new SubmissionLog.Attempt(5, "alice", "rig1", "ab".repeat(32), "00ff",
                    0xffffffffffffffffL, SubmissionLog.Outcome.FAILED, "cd".repeat(32), "", "factomd: Repeated Commit",
                    clock.instant());
            store.record(a);
            assertEquals(List.of(a), store.attempts(5), "unsigned targets survive the signed column");
            assertTrue(store.latestEma().isEmpty());
            store.saveEma(10, 0xfff0000000000000L, 0xfff1000000000000L);
            store.saveEma(11, 1, 0xfff2000000000000L);
            assertEquals(0xfff2000000000000L, store.latestEma().orElseThrow()[1]);
        }
    }
}
