package io.poolkit.pegnet.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.bytes.Hex;
import io.poolkit.pegnet.factom.EcKey;
import io.poolkit.pegnet.factom.FactomdClient;
import io.poolkit.pegnet.factom.FactomdRpc;
import io.poolkit.pegnet.factom.FactomdSimulator;
import io.poolkit.pegnet.factom.MinuteKeeper;
import io.poolkit.pegnet.lxr.ByteMap;
import io.poolkit.pegnet.lxr.LxrHash;
import io.poolkit.pegnet.opr.FactomEntry;
import io.poolkit.pegnet.opr.Grader;
import io.poolkit.pegnet.stratum.Authorizer;
import io.poolkit.pegnet.stratum.ProsperConfig;
import io.poolkit.pegnet.stratum.ProsperMiner;
import io.poolkit.pegnet.stratum.ProsperServer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * End to end through the factomd SIMULATOR: the Prosper stratum server, two users' test miners (three rigs), the
 * rolling submitter (commit + reveal, SoftMax 2) and the accountant, through three scripted PegNet v5 blocks with
 * 30 other miners each, on an 8-bit LXRHash table. Every expectation is recomputed here from the simulator's
 * blocks and the recorded attempts.
 */
class PegnetPoolEndToEndTest {

    static final int START = 300_000;
    static final String IDENTITY = "poolkit";
    static final BigDecimal FEE = new BigDecimal("0.05");

    @Test
    void threeBlocksWithTestMiners() throws Exception {
        run(AccountantStore.inMemory(), attempt -> { });
    }

    @Test
    void threeBlocksOnTheSqliteLedger(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        io.poolkit.core.ledger.LedgerConfig cfg = io.poolkit.core.ledger.LedgerConfig.sqlite(dir.resolve("l.db"));
        try (io.poolkit.core.ledger.LedgerStore ledger = io.poolkit.core.ledger.LedgerStore.open(cfg);
                LedgerPegnetStore store = new LedgerPegnetStore(ledger, cfg, "pool-fee")) {
            long reward = run(store, store);
            List<LedgerPegnetStore.JobSummary> jobs = store.closedJobs(10);
            assertEquals(List.of((long) START + 3, (long) START + 2, (long) START + 1),
                    jobs.stream().map(LedgerPegnetStore.JobSummary::jobId).toList());
            assertEquals(reward, jobs.stream().mapToLong(LedgerPegnetStore.JobSummary::reward).sum());
            long credited = 0;
            for (String who : List.of("alice", "bob", "pool-fee")) {
                credited += ledger.balances().of(LedgerPegnetStore.CHAIN, who).confirmed();
            }
            long dust = jobs.stream().mapToLong(LedgerPegnetStore.JobSummary::dust).sum();
            assertEquals(reward, credited + dust, "credits plus recorded dust equal the pool's rewards");
            assertEquals(18, store.attempts(START + 1).size() + store.attempts(START + 2).size()
                    + store.attempts(START + 3).size(), "every attempt is in the ledger");
            assertEquals(List.of((long) START + 4), store.openJobs(), "only the job being mined is open");
        }
    }

    /** Runs three blocks; returns the pool's total reward. */
    static long run(AccountantStore store, SubmissionLog extraLog) throws Exception {
        LxrHash lxr = new LxrHash(ByteMap.generate(8));
        PoolTestData chain = new PoolTestData(lxr, 8);
        List<SubmissionLog.Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        Clock clock = Clock.systemUTC();
        try (FactomdSimulator sim = new FactomdSimulator(START)) {
            List<String> winners = Collections.nCopies(25, "");
            List<FactomEntry> first = chain.others(START, winners, 30);
            sim.addBlock(START, first);
            winners = Grader.grade(START, winners, first, lxr::difficulty).winnersForNext(winners);

            FactomdClient factomd = new FactomdClient(new FactomdRpc(sim.url(), Duration.ofSeconds(10)));
            MinuteKeeper keeper = new MinuteKeeper(factomd);
            OprSubmitter submitter = new OprSubmitter(factomd, EcKey.fromSeed(new byte[32]),
                    new SubmissionPolicy(36, 200, 2, true, 0), a -> {
                        attempts.add(a);
                        extraLog.record(a);
                    }, clock);
            Accountant accountant = new Accountant(store, FEE, clock);
            String coinbase = PoolTestData.faAddress("pool");
            JobFactory jobs = new JobFactory(IDENTITY, coinbase, PriceSource.fixed(PoolTestData.basePrices(5)));
            PegnetPool[] pool = new PegnetPool[1];
            try (ProsperServer server = new ProsperServer(ProsperConfig.defaults("127.0.0.1", 0), lxr, Authorizer.ANY,
                    s -> pool[0].offer(s), keeper, clock, RandomGenerator.of("L64X128MixRandom"), 1).start()) {
                pool[0] = new PegnetPool(factomd, lxr, jobs, submitter, accountant, server::notifyAll, START);
                assertTrue(pool[0].runOnce().isEmpty());
                assertEquals(START + 1, pool[0].job().orElseThrow().height());

                try (ProsperMiner a1 = new ProsperMiner("127.0.0.1", server.port(), "alice", "rig1", lxr);
                        ProsperMiner a2 = new ProsperMiner("127.0.0.1", server.port(), "alice", "rig2", lxr);
                        ProsperMiner b1 = new ProsperMiner("127.0.0.1", server.port(), "bob", "rig1", lxr)) {
                    assertTrue(a1.start() && a2.start() && b1.start());
                    long previousEma = 0;
                    long totalReward = 0;
                    for (int h = START + 1; h <= START + 3; h++) {
                        PegnetJob job = pool[0].job().orElseThrow();
                        assertEquals(h, job.height());
                        assertEquals(winners, job.opr().winners(), "the job lists the previous block's winners");
                        waitForJob(a1, h);
                        waitForJob(a2, h);
                        waitForJob(b1, h);
                        keeper.poll();
                        assertEquals(3, a1.mine(3, Duration.ofSeconds(60)));
                        assertEquals(1, a2.mine(1, Duration.ofSeconds(60)));
                        assertEquals(2, b1.mine(2, Duration.ofSeconds(60)));
                        pool[0].drainShares();

                        List<SubmissionLog.Attempt> ofJob = attemptsOf(attempts, h);
                        assertEquals(6, ofJob.size(), "every accepted share is offered and recorded");
                        // SoftMax 2 and the EMA, replayed independently over the recorded targets
                        SubmissionPolicy replay = new SubmissionPolicy(36, 200, 2, true, previousEma);
                        replay.newJob(h);
                        List<String> submitted = new ArrayList<>();
                        for (SubmissionLog.Attempt a : ofJob) {
                            SubmissionLog.Outcome expected = replay.admit(h, a.target())
                                    ? SubmissionLog.Outcome.SUBMITTED : SubmissionLog.Outcome.BLOCKED;
                            assertEquals(expected, a.outcome());
                            if (a.outcome() == SubmissionLog.Outcome.SUBMITTED) {
                                FactomEntry e = OprSubmitter.entryFor(job, Hex.decode(a.nonceHex()), a.target());
                                assertEquals(e.hashHex(), a.entryHash());
                                assertEquals(64, a.commitTxId().length());
                                submitted.add(a.entryHash());
                            }
                        }
                        assertTrue(submitted.size() >= 2);
                        List<String> revealed = sim.revealed().stream().map(FactomEntry::hashHex)
                                .filter(submitted::contains).toList();
                        assertEquals(submitted, revealed, "committed and revealed, in order");

                        List<FactomEntry> others = chain.others(h, winners, 30);
                        sim.sealBlock(others);
                        List<PegnetPool.BlockReport> reports = pool[0].runOnce();
                        assertEquals(1, reports.size());
                        PegnetPool.BlockReport report = reports.get(0);
                        assertEquals(h, report.height());

                        // the block as the simulator sealed it: others first, then the pool's revealed entries
                        List<FactomEntry> block = new ArrayList<>(others);
                        sim.revealed().stream().filter(e -> submitted.contains(e.hashHex())).forEach(block::add);
                        Grader.GradedBlock graded = Grader.grade(h, winners, block, lxr::difficulty);
                        long reward = graded.graded().stream()
                                .filter(g -> g.entry().opr().minerId().equals(IDENTITY)).mapToLong(Grader.GradedOpr::payout)
                                .sum();
                        assertEquals(reward, report.reward());
                        assertEquals(submitted.size(), report.graded(), "every submitted entry was graded");
                        totalReward += reward;

                        // owed payouts recomputed from the recorded shares, in arrival order
                        Map<String, Double> users = new LinkedHashMap<>();
                        double poolDiff = 0;
                        for (SubmissionLog.Attempt a : ofJob) {
                            double d = ShareDifficulty.difficulty(a.target());
                            users.merge(a.user(), d, Double::sum);
                            poolDiff += d;
                        }
                        OwedPayouts.Result expected = OwedPayouts.compute(reward, FEE, users, poolDiff);
                        OwedPayouts.Result owed = report.owed().orElseThrow();
                        assertEquals(expected, owed);
                        long paid = owed.users().stream().mapToLong(OwedPayouts.UserPayout::payout).sum();
                        assertEquals(reward, owed.poolFee() + paid + owed.dust(), "every pegtoshi accounted for");
                        // proportions are cut to 8 decimals: each user loses less than remaining / 1e8 + 1
                        assertTrue(owed.dust() >= 0
                                && owed.dust() <= owed.users().size() * (owed.remaining() / 100_000_000 + 1));

                        List<Long> diffs = graded.graded().stream().map(g -> g.entry().selfReportedDifficulty())
                                .sorted((x, y) -> Long.compareUnsigned(y, x)).toList();
                        long min = NetworkDifficulty.minimumDifficulty(diffs, 200);
                        assertEquals(min, report.minimumTarget());
                        previousEma = Ema.next(previousEma, min, 36);
                        assertEquals(previousEma, report.ema());
                        winners = graded.winnersForNext(winners);
                    }
                    assertTrue(totalReward > 0, "the pool's exact-median prices won something");
                    assertEquals(18, server.metrics().shares(io.poolkit.pegnet.stratum.ShareChecker.Verdict.ACCEPTED));
                    return totalReward;
                }
            }
        }
    }

    private static List<SubmissionLog.Attempt> attemptsOf(List<SubmissionLog.Attempt> all, long job) {
        synchronized (all) {
            return all.stream().filter(a -> a.jobId() == job).toList();
        }
    }

    private static void waitForJob(ProsperMiner m, long h) throws InterruptedException {
        for (int i = 0; i < 500 && !Long.toString(h).equals(m.jobId()); i++) {
            Thread.sleep(10);
        }
        assertEquals(Long.toString(h), m.jobId());
    }
}
