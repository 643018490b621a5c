package io.poolkit.qtum.watch;

import io.poolkit.core.testing.SteppableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.rpc.JsonRpcClient;
import io.poolkit.core.rpc.RpcCredentials;
import io.poolkit.core.rpc.RpcEndpoint;
import io.poolkit.qtum.alert.Alert;
import io.poolkit.qtum.consensus.QtumChain;
import io.poolkit.qtum.ppm.DailyLog;
import io.poolkit.qtum.ppm.LogNames;
import io.poolkit.qtum.ppmu.Rounding;
import io.poolkit.qtum.watch.QtumdSimulator.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch service against the qtumd SIMULATOR (recorded getstakinginfo, getwalletinfo and getinfo
 * answers, a scripted chain) with a steppable clock: the node detectors, the pool block alert, the
 * daily CSV log with its day rollover, a reorganisation deeper than the delay, a pool block nobody
 * can share and the catch-up progress.
 */
class WatchServiceSimulationTest {

    private static final int START = 700_000;
    private static final String A = "qUXM5s6exwXZoUQQXSvVeyrGGhoo5ZKCE2";
    private static final String B = "qVhvEFRtpnaRQbuJiQERQ9zi5N9HxkswQX";

    @TempDir
    Path dir;

    private QtumdSimulator sim;
    private JsonRpcClient rpc;
    private final SteppableClock clock = new SteppableClock(Instant.parse("2020-09-19T22:10:00Z"));
    private final List<Alert> alerts = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sim = new QtumdSimulator("qtum", "pw");
        sim.setTip(START);
        sim.setUtxos(A, List.of(new long[] {20_000_000_000L, 690_000}));
        sim.setUtxos(B, List.of(new long[] {50_000_000_000L, 650_000}));
        rpc = JsonRpcClient.create(RpcEndpoint.http("qtumd-sim", "127.0.0.1", sim.url().getPort(),
                RpcCredentials.basic("qtum", "pw")));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private WatchConfig config() {
        return new WatchConfig(QtumChain.TESTNET, QtumdSimulator.MY_STAKER, 5, 100, 25 * 100_000_000L, Rounding.EXACT,
                dir.resolve("data"), START);
    }

    private void mine(Kind... kinds) {
        for (Kind k : kinds) {
            sim.mine(k, 400_000_000L, true);
        }
    }

    private WatchLoop loop(PoolWatcher w) {
        NodeMonitor monitor = new NodeMonitor(NodeMonitor.Settings.defaults("LD18"), clock, alerts::add);
        return new WatchLoop(w, Duration.ofSeconds(3), Duration.ofMinutes(5), d -> { }, alerts::add,
                Optional.of(monitor), "LD18");
    }

    private List<Alert.Kind> kinds() {
        return alerts.stream().map(Alert::kind).toList();
    }

    @Test
    void detectorsRaiseEachAlertOncePerEpisode() {
        PoolWatcher w = new PoolWatcher(rpc, config(), Optional.empty(), Optional.empty(), clock, CatchUpProgress.none());
        WatchLoop loop = loop(w);
        mine(Kind.OTHER, Kind.POOL, Kind.OTHER, Kind.OTHER, Kind.OTHER, Kind.OTHER, Kind.OTHER);
        loop.step();
        assertEquals(List.of(Alert.Kind.POOL_BLOCK), kinds(), "the pool block at 700 002 is processed at tip 700 007");
        assertEquals(".REWARD", alerts.get(0).subject());
        assertEquals(".LD18 blk 700002 reward 4.00 stk 3532.95 ", alerts.get(0).body());

        // not staking and low connections: once each, however many polls
        alerts.clear();
        sim.setStaking(false);
        sim.setConnections(3);
        clock.advance(Duration.ofMinutes(1));
        loop.step();
        loop.step();
        assertEquals(List.of(Alert.Kind.NOT_STAKING, Alert.Kind.LOW_CONNECTIONS), kinds());
        assertEquals(".on LD18", alerts.get(0).body());
        assertEquals(".LD18 only 3", alerts.get(1).body());
        // recovery re-arms them
        sim.setStaking(true);
        sim.setConnections(8);
        loop.step();
        sim.setStaking(false);
        loop.step();
        assertEquals(3, alerts.size());
        assertEquals(Alert.Kind.NOT_STAKING, alerts.get(2).kind());
        sim.setStaking(true);

        // stale chain (the tip last moved at 22:10): 29 minutes without a block is fine, 30 is not; alerted
        // once; a new block re-arms it
        alerts.clear();
        clock.advance(Duration.ofMinutes(28));
        loop.step();
        assertTrue(alerts.isEmpty(), alerts.toString());
        clock.advance(Duration.ofMinutes(1));
        loop.step();
        clock.advance(Duration.ofMinutes(5));
        loop.step();
        assertEquals(List.of(Alert.Kind.STALE_CHAIN), kinds());
        assertEquals(".LD18 no new block for 30 min, tip 700007", alerts.get(0).body());
        mine(Kind.OTHER);
        loop.step();
        clock.advance(Duration.ofMinutes(31));
        loop.step();
        assertEquals(List.of(Alert.Kind.STALE_CHAIN, Alert.Kind.STALE_CHAIN),
                alerts.stream().map(Alert::kind).filter(k -> k != Alert.Kind.HOURLY_STATUS).toList());

        // the hourly status when the (4 s early) hour turns: the clock is at 23:16 now; to 23:59:56
        alerts.clear();
        mine(Kind.OTHER);
        clock.set(Instant.parse("2020-09-19T23:59:55Z"));
        loop.step();
        assertTrue(alerts.isEmpty(), alerts.toString());
        clock.set(Instant.parse("2020-09-19T23:59:56Z"));
        loop.step();
        assertEquals(List.of(Alert.Kind.HOURLY_STATUS), kinds());
        assertEquals(".LD18 stk 3532.95", alerts.get(0).subject());
        assertEquals(" bal 4788.36 blk 700004 mwt 71616 dwt 607820 stking  yes", alerts.get(0).body());
        loop.step();
        assertEquals(1, alerts.size(), "once per hour");

        // qtumd down: one alert, then one when it is back
        alerts.clear();
        sim.setDown(true);
        loop.step();
        loop.step();
        sim.setDown(false);
        loop.step();
        assertEquals(List.of(Alert.Kind.QTUMD_DOWN, Alert.Kind.QTUMD_DOWN), kinds());
        assertEquals("QTUMD NOT RUNNING", alerts.get(0).subject());
        assertEquals(".QTUMD BACK", alerts.get(1).subject());
    }

    @Test
    void dailyLogRowsFollowPpmsFormatAcrossMidnight() throws Exception {
        Path logs = dir.resolve("logs");
        DailyLog log = new DailyLog(logs, clock, ZoneOffset.UTC, "poolkit-test");
        PoolWatcher w = new PoolWatcher(rpc, config(), Optional.empty(), Optional.of(log), clock, CatchUpProgress.none());
        WatchLoop loop = loop(w);
        mine(Kind.POOL, Kind.OTHER_POD, Kind.POW, Kind.SELF, Kind.OTHER, Kind.OTHER, Kind.OTHER, Kind.OTHER, Kind.OTHER);
        loop.step();
        sim.setDown(true);
        loop.step();
        sim.setDown(false);
        clock.set(Instant.parse("2020-09-20T00:00:01Z"));
        mine(Kind.OTHER, Kind.OTHER);
        loop.step();

        List<String> day1 = Files.readAllLines(logs.resolve("PPM_Log_2020_09_19.csv"));
        assertEquals(List.of("000,Program,start,or,restart,version,poolkit-test",
                "000,Logging,start,22:10:00,GMT,2020_09_19", LogNames.COLUMN_LABELS), day1.subList(0, 3));
        List<String> rows = day1.subList(3, day1.size());
        assertEquals(6, rows.size(), String.join("\n", day1));
        // 700 001: our pool block; figures from the recorded getstakinginfo/getwalletinfo/getinfo answers
        long time = 1_600_000_000L + 128L * 700_001;
        assertEquals("100," + time + "," + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .format(Instant.ofEpochSecond(time).atZone(ZoneOffset.UTC)) + ",700001,4788.4,3532.9, 71616.7,7109520,607820,3,9, yes,"
                + "0.4," + QtumdSimulator.MY_STAKER + ",4.000,none,0.000,nan,yes,4.000,", rows.get(0));
        String[] other = rows.get(1).split(",", -1);
        assertEquals(21, other.length);
        assertEquals(QtumdSimulator.OTHER_STAKER, other[13]);
        assertEquals("0.400", other[14], "another pool's staker: 10 % of 4 QTUM");
        assertEquals(sim.kernelOwner(), other[15], "the delegate: owner of the kernel UTXO, paid by vout[2]");
        assertEquals("3.600", other[16]);
        assertEquals("10", other[17]);
        assertEquals("no", other[18]);
        String[] pow = rows.get(2).split(",", -1);
        assertEquals("none", pow[13]);
        assertEquals("nan", pow[17]);
        String[] self = rows.get(3).split(",", -1);
        assertEquals("no", self[18]);
        assertEquals("self", self[20]);
        assertEquals("8.000", self[19], "pool balance after the pool block and the self stake");
        assertEquals("900, QTUMD OFFLINE", rows.get(4));
        assertEquals("200, blocks,4", rows.get(5), "the old day's log gets the end-of-day row");
        for (String r : rows.subList(0, 4)) {
            assertEquals(21, r.split(",", -1).length, r);
        }

        List<String> day2 = Files.readAllLines(logs.resolve("PPM_Log_2020_09_20.csv"));
        assertEquals(List.of("000,Logging,start,00:00:01,GMT,2020_09_20", LogNames.COLUMN_LABELS), day2.subList(0, 2));
        assertEquals(2, day2.size() - 2);
        assertTrue(day2.get(2).startsWith("100,") && day2.get(2).contains(",700005,"), day2.get(2));
    }

    @Test
    void reorgBeyondTheDelayStopsCreditingAndSurvivesARestart() throws Exception {
        try (LedgerStore ledger = LedgerStore.open(LedgerConfig.sqlite(dir.resolve("l.db")))) {
            ledger.migrate();
            PoolWatcher w = new PoolWatcher(rpc, config(), Optional.of(ledger));
            WatchLoop loop = loop(w);
            mine(Kind.POOL, Kind.POOL, Kind.POOL, Kind.OTHER, Kind.OTHER, Kind.OTHER, Kind.OTHER, Kind.OTHER);
            loop.step();
            assertEquals(START + 3, w.state().block());
            PoolShareState before = PoolShareState.of(w);
            // blocks 700 002..700 003 are replaced, below the delay: already credited
            sim.reorg(START + 2, Kind.OTHER, 400_000_000L);
            sim.reorg(START + 3, Kind.POOL, 500_000_000L);
            mine(Kind.POOL, Kind.POOL);
            alerts.clear();
            loop.step();
            loop.step();
            assertTrue(loop.haltedByReorg());
            assertEquals(List.of(Alert.Kind.REORG_BEYOND_DELAY), kinds(), "alerted once");
            assertTrue(alerts.get(0).body().contains("block 700003"), alerts.get(0).body());
            assertEquals(before, PoolShareState.of(w), "nothing credited after the reorg");
            assertTrue(ledger.credits().batch("qtum:" + (START + 3) + ":" + sim.block(START + 3).hash()).isEmpty());

            // a restart does not forget it
            PoolWatcher again = new PoolWatcher(rpc, config(), Optional.of(ledger));
            ReorgBeyondDelayException e = assertThrows(ReorgBeyondDelayException.class, again::pollOnce);
            assertEquals(START + 3, e.height());
            assertEquals(sim.block(START + 3).hash(), e.chainHash());
            // the operator checked the credits and lets it go on from there
            Files.delete(dir.resolve("data").resolve(PoolWatcher.LAST_BLOCK_FILE));
            again = new PoolWatcher(rpc, config(), Optional.of(ledger));
            assertEquals(2, again.pollOnce().size());
        }
    }

    /** The parts of the state a reorg must not change. */
    private record PoolShareState(int block, long balance, java.util.Map<String, Long> shares) {
        static PoolShareState of(PoolWatcher w) {
            return new PoolShareState(w.state().block(), w.state().poolBalanceSats(), w.state().sharesSats());
        }
    }

    @Test
    void aPoolBlockWithNoEligibleWeightIsPoolRevenue() throws Exception {
        sim.setUtxos(A, List.of(new long[] {20_000_000_000L, 699_990}));
        sim.setUtxos(B, List.of(new long[] {1_000_000_000L, 650_000}));
        try (LedgerStore ledger = LedgerStore.open(LedgerConfig.sqlite(dir.resolve("l.db")))) {
            ledger.migrate();
            PoolWatcher w = new PoolWatcher(rpc, config(), Optional.of(ledger));
            mine(Kind.POOL, Kind.OTHER, Kind.OTHER, Kind.OTHER, Kind.OTHER, Kind.OTHER);
            List<BlockOutcome> done = w.pollOnce();
            assertEquals(BlockOutcome.Kind.POOL_BLOCK_UNSHARED, done.get(0).kind());
            assertEquals(400_000_000L, done.get(0).stakerRewardSats());
            assertTrue(done.get(0).creditsSats().isEmpty());
            assertEquals(400_000_000L, w.state().poolRevenueSats());
            assertEquals(400_000_000L, w.state().poolBalanceSats());
            assertTrue(w.state().sharesSats().isEmpty());
            assertTrue(ledger.balances().all(PoolWatcher.LEDGER_CHAIN).isEmpty());
        }
    }

    @Test
    void catchUpReportsProgressBlockByBlock() {
        List<String> events = new ArrayList<>();
        CatchUpProgress p = new CatchUpProgress() {
            @Override
            public void started(int fromHeight, int count) {
                events.add("start " + fromHeight + " " + count);
            }

            @Override
            public void processed(int height) {
                events.add(Integer.toString(height));
            }

            @Override
            public void finished() {
                events.add("end");
            }
        };
        PoolWatcher w = new PoolWatcher(rpc, config(), Optional.empty(), Optional.empty(), clock, p);
        for (int i = 0; i < 300; i++) {
            mine(i % 7 == 0 ? Kind.POOL : Kind.OTHER);
        }
        assertEquals(295, w.pollOnce().size());
        assertEquals("start 700001 295", events.get(0));
        assertEquals("700001", events.get(1));
        assertEquals("700295", events.get(295));
        assertEquals("end", events.get(296));
        assertEquals(297, events.size());
        events.clear();
        assertTrue(w.pollOnce().isEmpty());
        assertFalse(events.contains("end"), "nothing to catch up: no progress shown");
    }

    @Test
    void unusableAnswersAreRetriedAndAlertedOnceNeverThrown() {
        PoolWatcher w = new PoolWatcher(rpc, config(), Optional.empty(), Optional.empty(), clock, CatchUpProgress.none());
        WatchLoop loop = loop(w);
        int poolBlocks = 0;
        mine(Kind.POOL, Kind.POOL, Kind.POOL, Kind.POOL, Kind.POOL);
        for (String method : List.of("getstakinginfo", "getblockcount", "getblockhash", "getblock", "getconnectioncount",
                "getdelegationsforstaker", "getaddressutxos")) {
            // every block is a pool block, so every call of the poll is made; one block to process
            mine(Kind.POOL);
            alerts.clear();
            sim.setGarbage(method);
            assertEquals(Duration.ofSeconds(6), loop.step(), method);
            assertEquals(Duration.ofSeconds(12), loop.step(), method);
            assertEquals(sim.tip() - 6, w.state().block(), method + ": the pool block waits");
            sim.setGarbage("");
            assertEquals(Duration.ofSeconds(3), loop.step(), method);
            poolBlocks++;
            assertEquals(List.of(Alert.Kind.QTUMD_DOWN, Alert.Kind.QTUMD_DOWN, Alert.Kind.POOL_BLOCK), kinds(), method);
            assertEquals(".POLL FAILED", alerts.get(0).subject(), method);
            assertEquals(".QTUMD BACK", alerts.get(1).subject());
        }
        assertEquals(7, poolBlocks);
        assertEquals(7 * 400_000_000L, w.state().sharesSats().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(sim.tip() - 5, w.state().block(), "every block processed once the answers are usable again");
        assertTrue(w.state().poolRevenueSats() == 0 && !w.state().sharesSats().isEmpty(),
                "no pool block's credit moved to the pool by a broken answer");
    }

    @Test
    void threeDaysThroughTheLoopWithARestartLogEveryBlockOncePerDay() throws Exception {
        clock.set(Instant.parse("2020-09-19T00:00:30Z"));
        Path logs = dir.resolve("logs");
        PoolWatcher w = new PoolWatcher(rpc, config(), Optional.empty(),
                Optional.of(new DailyLog(logs, clock, ZoneOffset.UTC, "v1")), clock, CatchUpProgress.none());
        WatchLoop loop = loop(w);
        int poolBlocks = 0;
        for (int i = 1; i <= 3 * 675; i++) {
            Kind k = i % 11 == 0 ? Kind.POOL : i % 29 == 0 ? Kind.SELF : i % 17 == 0 ? Kind.POW : Kind.OTHER;
            sim.mine(k, 400_000_000L + i, i % 2 == 0);
            clock.advance(Duration.ofSeconds(128));
            if (i == 1000) {
                // restart in the middle of day 2
                w = new PoolWatcher(rpc, config(), Optional.empty(),
                        Optional.of(new DailyLog(logs, clock, ZoneOffset.UTC, "v2")), clock, CatchUpProgress.none());
                loop = loop(w);
            }
            loop.step();
        }
        for (int h = START + 1; h <= w.state().block(); h++) {
            if (sim.block(h).kind() == Kind.POOL) {
                poolBlocks++;
            }
        }
        assertEquals(sim.tip() - 5, w.state().block());
        List<Path> files;
        try (java.util.stream.Stream<Path> l = Files.list(logs)) {
            files = l.sorted().toList();
        }
        assertEquals(List.of("PPM_Log_2020_09_19.csv", "PPM_Log_2020_09_20.csv", "PPM_Log_2020_09_21.csv",
                "PPM_Log_2020_09_22.csv"), files.stream().map(f -> f.getFileName().toString()).toList());
        java.util.Set<Integer> logged = new java.util.TreeSet<>();
        int mine = 0;
        String lastRow = "";
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            int blocksInFile = 0;
            boolean ended = false;
            for (String line : lines) {
                String code = line.substring(0, 3);
                assertFalse(ended, f + ": nothing after the 200 row");
                switch (code) {
                    case "000" -> {
                        // start rows; a restart mid-day does not reset the day's block count
                    }
                    case "100" -> {
                        String[] c = line.split(",", -1);
                        assertEquals(21, c.length, line);
                        assertTrue(logged.add(Integer.parseInt(c[3])), "each block logged once: " + line);
                        assertEquals(f.getFileName().toString(), LogNames.fileName(clockAt(c)), "in its day's file");
                        mine += c[18].equals("yes") ? 1 : 0;
                        blocksInFile++;
                        lastRow = line;
                    }
                    case "200" -> {
                        assertEquals("200, blocks," + blocksInFile, line, "the whole day, across the restart: " + f);
                        ended = true;
                    }
                    default -> throw new AssertionError("unexpected row " + line);
                }
            }
            assertEquals(!f.getFileName().toString().endsWith("22.csv"), ended, f + ": a finished day ends with 200");
        }
        assertEquals(w.state().block() - START, logged.size());
        assertEquals(START + 1, logged.iterator().next());
        assertEquals(poolBlocks, mine);
        assertTrue(poolBlocks > 150, "pool blocks " + poolBlocks);
        assertEquals(java.math.BigDecimal.valueOf(w.state().poolBalanceSats(), 8).setScale(3, java.math.RoundingMode.HALF_EVEN)
                .toPlainString(), lastRow.split(",", -1)[19]);
        long v2Starts = Files.readAllLines(files.get(1)).stream().filter(l -> l.equals("000,Program,start,or,restart,version,v2"))
                .count();
        assertEquals(1, v2Starts, "the restart's start rows are in day 2's file");
    }

    /** The watch clock's day when a row was written: the loop processes each block 5 steps of 128 s after it was mined. */
    private Instant clockAt(String[] row) {
        int height = Integer.parseInt(row[3]);
        return Instant.parse("2020-09-19T00:00:30Z").plusSeconds(128L * (height - START + 5));
    }
}
