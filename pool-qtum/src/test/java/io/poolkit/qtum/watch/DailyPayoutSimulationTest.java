package io.poolkit.qtum.watch;

import io.poolkit.core.testing.SteppableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.ledger.Balance;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.payout.PayoutRunner;
import io.poolkit.core.rpc.JsonRpcClient;
import io.poolkit.core.rpc.RpcCredentials;
import io.poolkit.core.rpc.RpcEndpoint;
import io.poolkit.qtum.alert.Alert;
import io.poolkit.qtum.consensus.QtumChain;
import io.poolkit.qtum.payout.DailyPayout;
import io.poolkit.qtum.payout.PayoutPlanner;
import io.poolkit.qtum.payout.QtumPayoutRunner;
import io.poolkit.qtum.ppm.DailyLog;
import io.poolkit.qtum.ppmu.Rounding;
import io.poolkit.qtum.watch.QtumdSimulator.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch service's daily payout against the qtumd SIMULATOR: blocks credited through the day, one
 * sendmany after 00:00 UTC (never two, also after a restart), each delegate paid its whole balance less
 * the 12 % pool fee rounded as PPM, the 300 log rows and the summary alert.
 */
class DailyPayoutSimulationTest {

    private static final int START = 700_000;
    private static final String A = "qUXM5s6exwXZoUQQXSvVeyrGGhoo5ZKCE2";
    private static final String B = "qVhvEFRtpnaRQbuJiQERQ9zi5N9HxkswQX";

    @TempDir
    Path dir;

    private static long sendmanys(QtumdSimulator sim) {
        return sim.walletCalls().stream().filter(c -> c.get("method").asText().equals("sendmany")).count();
    }

    /** PPM: {@code round(poolshare * (100 - fee) / 100 / 1e8, 8)}, i.e. half-even in satoshis. */
    private static long ppmNet(long gross, int fee) {
        return new BigDecimal(BigInteger.valueOf(gross).multiply(BigInteger.valueOf(100 - fee)))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    @Test
    void paysOnceADayAfterMidnightWithPpmsFeeRounding() throws Exception {
        SteppableClock clock = new SteppableClock(Instant.parse("2020-09-19T22:00:00Z"));
        List<Alert> alerts = new ArrayList<>();
        try (QtumdSimulator sim = new QtumdSimulator("qtum", "pw");
                LedgerStore ledger = LedgerStore.open(LedgerConfig.sqlite(dir.resolve("l.db")))) {
            ledger.migrate();
            sim.setTip(START);
            sim.setUtxos(A, List.of(new long[] {20_000_000_000L, 690_000}));
            sim.setUtxos(B, List.of(new long[] {53_333_333_333L, 650_000}));
            JsonRpcClient rpc = JsonRpcClient.create(RpcEndpoint.http("sim", "127.0.0.1", sim.url().getPort(),
                    RpcCredentials.basic("qtum", "pw")));
            WatchConfig config = new WatchConfig(QtumChain.TESTNET, QtumdSimulator.MY_STAKER, 5, 100, 25 * 100_000_000L,
                    Rounding.EXACT, dir.resolve("data"), START);
            DailyLog log = new DailyLog(dir.resolve("logs"), clock, ZoneOffset.UTC, "t");
            java.util.function.Supplier<WatchLoop> start = () -> {
                PoolWatcher w = new PoolWatcher(rpc, config, Optional.of(ledger), Optional.of(log), clock,
                        CatchUpProgress.none());
                QtumPayoutRunner runner = new QtumPayoutRunner(rpc, ledger, PayoutPlanner.ppm(12, 100_000),
                        "pp".toCharArray(), clock, Duration.ofMinutes(10), new PayoutRunner.Checkpoints() { });
                DailyPayout payout = new DailyPayout(runner, LocalTime.MIDNIGHT, clock, alerts::add, Optional.of(log), "LD18");
                return new WatchLoop(w, Duration.ofSeconds(3), Duration.ofMinutes(5), d -> { }, alerts::add,
                        Optional.empty(), "LD18", Optional.of(payout));
            };
            WatchLoop loop = start.get();
            int i = 0;
            Map<String, Long> before = new TreeMap<>();
            // 22:00 .. 23:59: blocks every 128 s, every third ours
            while (clock.instant().isBefore(Instant.parse("2020-09-19T23:59:00Z"))) {
                sim.mine(++i % 3 == 0 ? Kind.POOL : Kind.OTHER, 400_000_000L + i, true);
                clock.advance(Duration.ofSeconds(128));
                loop.step();
            }
            assertEquals(0, sendmanys(sim), "nothing paid before 00:00 UTC");
            for (Balance b : ledger.balances().all("qtum")) {
                before.put(b.address(), b.confirmed());
            }
            assertEquals(2, before.size());

            clock.set(Instant.parse("2020-09-20T00:00:02Z"));
            loop.step();
            assertEquals(1, sendmanys(sim));
            JsonNode amounts = sim.walletCalls().stream().filter(c -> c.get("method").asText().equals("sendmany"))
                    .findFirst().orElseThrow().get("params").get(1);
            long paidNet = 0;
            for (Map.Entry<String, Long> e : before.entrySet()) {
                long net = ppmNet(e.getValue(), 12);
                assertEquals(0, BigDecimal.valueOf(net, 8).compareTo(new BigDecimal(amounts.get(e.getKey()).asText())),
                        e.getKey());
                paidNet += net;
                assertEquals(0, ledger.balances().of("qtum", e.getKey()).confirmed(), "whole balance paid");
            }
            long gross = before.values().stream().mapToLong(Long::longValue).sum();
            Alert summary = alerts.stream().filter(a -> a.kind() == Alert.Kind.PAYOUT_SUMMARY).findFirst().orElseThrow();
            assertEquals(".LD18 payout", summary.subject());
            assertEquals(DailyPayout.summary("LD18", 2, paidNet, gross - paidNet).body(), summary.body());
            List<String> day2 = Files.readAllLines(dir.resolve("logs").resolve("PPM_Log_2020_09_20.csv"));
            assertTrue(day2.contains("300,payout,carryovers,0,sendmanyAmount," + BigDecimal.valueOf(paidNet, 8).toPlainString()),
                    day2.toString());
            assertTrue(day2.contains("300,total,sendmanys,1,numDelegatesPaid,2,totalPaid,"
                    + BigDecimal.valueOf(paidNet, 8).toPlainString() + ",intsatspoolRevenue," + (gross - paidNet)), day2.toString());

            // the rest of the day, and a restart: no second payout
            for (int n = 0; n < 20; n++) {
                sim.mine(++i % 3 == 0 ? Kind.POOL : Kind.OTHER, 400_000_000L + i, true);
                clock.advance(Duration.ofSeconds(128));
                loop.step();
                if (n == 10) {
                    loop = start.get();
                }
            }
            assertEquals(1, sendmanys(sim));
            assertTrue(ledger.balances().all("qtum").stream().anyMatch(b -> b.confirmed() > 0), "new credits wait");

            // the next day pays them, once
            clock.set(Instant.parse("2020-09-21T00:30:00Z"));
            loop.step();
            loop.step();
            assertEquals(2, sendmanys(sim));
            assertEquals(0, ledger.balances().all("qtum").stream().mapToLong(Balance::confirmed).sum());
            assertEquals(List.of("qtum-payout:2020-09-20:1", "qtum-payout:2020-09-21:1"),
                    sim.sends().stream().map(QtumdSimulator.SimSend::label).toList());
        }
    }

    @Test
    void aRefusedPayoutIsFailedAlertedOnceAndTriedAgainLater() throws Exception {
        SteppableClock clock = new SteppableClock(Instant.parse("2020-09-20T00:00:01Z"));
        List<Alert> alerts = new ArrayList<>();
        try (QtumdSimulator sim = new QtumdSimulator("qtum", "pw");
                LedgerStore ledger = LedgerStore.open(LedgerConfig.sqlite(dir.resolve("l.db")))) {
            ledger.migrate();
            ledger.credits().credit("qtum", "test", "PPMU", List.of(
                    new io.poolkit.core.ledger.CreditLine(A, io.poolkit.core.ledger.CreditKind.WEIGHT, 500_000_000L)));
            JsonRpcClient rpc = JsonRpcClient.create(RpcEndpoint.http("sim", "127.0.0.1", sim.url().getPort(),
                    RpcCredentials.basic("qtum", "pw")));
            QtumPayoutRunner runner = new QtumPayoutRunner(rpc, ledger, PayoutPlanner.ppm(12, 100_000),
                    "wrong passphrase".toCharArray(), clock, Duration.ofMinutes(10), new PayoutRunner.Checkpoints() { });
            DailyPayout payout = new DailyPayout(runner, LocalTime.of(0, 0), clock, alerts::add, Optional.empty(), "LD18");
            assertTrue(payout.runIfDue().isEmpty());
            assertEquals(2, sim.calls("walletpassphrase"), "the unlock for the send, then the staking-only one (both refused)");
            clock.advance(Duration.ofMinutes(5));
            assertTrue(payout.runIfDue().isEmpty(), "waits before trying again");
            assertEquals(2, sim.calls("walletpassphrase"));
            clock.advance(Duration.ofMinutes(6));
            assertTrue(payout.runIfDue().isEmpty());
            assertEquals(4, sim.calls("walletpassphrase"), "tried again");
            assertEquals(1, alerts.size(), "one failure alert a day");
            assertEquals(".PAYOUT FAILED", alerts.get(0).subject());
            assertTrue(alerts.get(0).body().contains("incorrect"), alerts.get(0).body());
            assertTrue(!alerts.get(0).body().contains("wrong passphrase"), "the passphrase is never in a message");
            assertEquals(0, sendmanys(sim));
            assertEquals(500_000_000L, ledger.balances().of("qtum", A).confirmed(), "refused: the balance is back");
            assertEquals(0, ledger.balances().of("qtum", A).inFlight());
            assertTrue(runner.unfinished().isEmpty());

            // the operator fixes the passphrase: the same day's payout goes out under the next label, once
            QtumPayoutRunner fixed = new QtumPayoutRunner(rpc, ledger, PayoutPlanner.ppm(12, 100_000),
                    "pp".toCharArray(), clock, Duration.ofMinutes(10), new PayoutRunner.Checkpoints() { });
            DailyPayout again = new DailyPayout(fixed, LocalTime.of(0, 0), clock, alerts::add, Optional.empty(), "LD18");
            assertEquals(1, again.runIfDue().orElseThrow().payouts().size());
            assertTrue(again.runIfDue().isEmpty());
            assertEquals(1, sendmanys(sim));
            assertEquals("qtum-payout:2020-09-20:1/3", sim.sends().get(0).label(), "after two refused tries");
            assertEquals(0, ledger.balances().of("qtum", A).confirmed());
        }
    }

    @Test
    void aPayoutCutOffByTheNetworkStaysInFlightUntilReconciled() throws Exception {
        SteppableClock clock = new SteppableClock(Instant.parse("2020-09-20T00:00:01Z"));
        List<Alert> alerts = new ArrayList<>();
        try (QtumdSimulator sim = new QtumdSimulator("qtum", "pw");
                LedgerStore ledger = LedgerStore.open(LedgerConfig.sqlite(dir.resolve("l.db")))) {
            ledger.migrate();
            ledger.credits().credit("qtum", "test", "PPMU", List.of(
                    new io.poolkit.core.ledger.CreditLine(A, io.poolkit.core.ledger.CreditKind.WEIGHT, 500_000_000L)));
            JsonRpcClient rpc = JsonRpcClient.create(RpcEndpoint.http("sim", "127.0.0.1", sim.url().getPort(),
                    RpcCredentials.basic("qtum", "pw")));
            QtumPayoutRunner runner = new QtumPayoutRunner(rpc, ledger, PayoutPlanner.ppm(12, 100_000),
                    "pp".toCharArray(), clock, Duration.ofMinutes(10), new PayoutRunner.Checkpoints() {
                        @Override
                        public void planned(io.poolkit.core.ledger.Payout p) {
                            sim.setDown(true);
                        }
                    });
            DailyPayout payout = new DailyPayout(runner, LocalTime.of(0, 0), clock, alerts::add, Optional.empty(), "LD18");
            assertTrue(payout.runIfDue().isEmpty());
            assertEquals(".PAYOUT FAILED", alerts.get(0).subject());
            // whether it was sent is unknown: the amount stays in flight, never back in the balance to be paid twice
            assertEquals(0, ledger.balances().of("qtum", A).confirmed());
            assertEquals(500_000_000L, ledger.balances().of("qtum", A).inFlight());
            assertEquals(1, runner.unfinished().size());
            assertEquals(0, sendmanys(sim));
        }
    }
}
