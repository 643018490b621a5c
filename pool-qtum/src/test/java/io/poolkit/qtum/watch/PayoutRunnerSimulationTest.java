package io.poolkit.qtum.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.ledger.CreditKind;
import io.poolkit.core.ledger.CreditLine;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.rpc.JsonRpcClient;
import io.poolkit.core.rpc.RpcCredentials;
import io.poolkit.core.rpc.RpcEndpoint;
import io.poolkit.core.testing.TestVectors;
import io.poolkit.qtum.payout.PayoutPlanner;
import io.poolkit.qtum.payout.QtumPayoutRunner;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily payout against the qtumd SIMULATOR's wallet calls, with the payout_examples vector. */
class PayoutRunnerSimulationTest {

    @TempDir
    Path dir;

    @Test
    void payoutOfTheVectorSharesThroughTheLedgerAndSendmany() throws Exception {
        JsonNode vectors = TestVectors.json("qtum/vectors/payout_examples.json");
        JsonNode fee12 = vectors.get("cases").get(0);
        assertEquals(12, fee12.get("pool_fee_pct").asInt());
        try (QtumdSimulator sim = new QtumdSimulator("qtum", "pw");
                LedgerStore ledger = LedgerStore.open(LedgerConfig.sqlite(dir.resolve("l.db")))) {
            ledger.migrate();
            List<CreditLine> lines = new ArrayList<>();
            vectors.get("poolshares_in").fields().forEachRemaining(e -> {
                if (e.getValue().asLong() > 0) {
                    lines.add(new CreditLine(e.getKey(), CreditKind.WEIGHT, e.getValue().asLong()));
                }
            });
            ledger.credits().credit("qtum", "test:shares", "PPMU", lines);
            JsonRpcClient rpc = JsonRpcClient.create(RpcEndpoint.http("sim", "127.0.0.1", sim.url().getPort(),
                    RpcCredentials.basic("qtum", "pw")));
            QtumPayoutRunner runner = new QtumPayoutRunner(rpc, ledger, PayoutPlanner.ppm(12, 100_000), "pp".toCharArray());
            QtumPayoutRunner.RunResult result = runner.run("2021-03-06");
            assertEquals(1, result.payouts().size());
            assertEquals(vectors.get("poolshares_in").size() - 2, result.plan().paidSats().size());

            List<JsonNode> calls = sim.walletCalls();
            assertEquals(List.of("walletpassphrase", "sendmany", "walletpassphrase"),
                    calls.stream().map(c -> c.get("method").asText()).toList());
            assertEquals(20, calls.get(0).get("params").get(1).asInt());
            assertEquals(99_999_999, calls.get(2).get("params").get(1).asInt());
            assertTrue(calls.get(2).get("params").get(2).asBoolean(), "re-locked for staking only");
            JsonNode amounts = calls.get(1).get("params").get(1);
            fee12.get("paid_qtum_as_ppm_formats").fields().forEachRemaining(e -> assertEquals(0,
                    new BigDecimal(e.getValue().asText()).compareTo(new BigDecimal(amounts.get(e.getKey()).asText())),
                    e.getKey()));
            assertEquals(fee12.get("paid_qtum_as_ppm_formats").size(), amounts.size());
            assertEquals("9680fc5c54348a94989ede373e16475bc7c321b818d1c5ff324547627f4751b7",
                    result.payouts().get(0).txid().orElseThrow());

            fee12.get("carried_over_sats").fields().forEachRemaining(e -> assertEquals(e.getValue().asLong(),
                    ledger.balances().of("qtum", e.getKey()).confirmed()));
            for (String paid : result.plan().paidSats().keySet()) {
                assertEquals(0, ledger.balances().of("qtum", paid).confirmed(), paid);
            }

            // the same run again pays nothing
            QtumPayoutRunner.RunResult again = runner.run("2021-03-06");
            assertTrue(again.payouts().isEmpty());
            assertEquals(1, sim.walletCalls().stream().filter(c -> c.get("method").asText().equals("sendmany")).count());
            assertTrue(runner.unfinished().isEmpty());
            assertThrows(IllegalArgumentException.class,
                    () -> new QtumPayoutRunner(rpc, ledger, PayoutPlanner.ppm(-10, 100_000), "pp".toCharArray()));
        }
    }

    private static void creditVector(LedgerStore ledger) {
        JsonNode vectors = TestVectors.json("qtum/vectors/payout_examples.json");
        List<CreditLine> lines = new ArrayList<>();
        vectors.get("poolshares_in").fields().forEachRemaining(e -> {
            if (e.getValue().asLong() > 0) {
                lines.add(new CreditLine(e.getKey(), CreditKind.WEIGHT, e.getValue().asLong()));
            }
        });
        ledger.credits().credit("qtum", "test:shares", "PPMU", lines);
    }

    private static long sendmanys(QtumdSimulator sim) {
        return sim.walletCalls().stream().filter(c -> c.get("method").asText().equals("sendmany")).count();
    }

    @Test
    void crashedAfterTheSendBeforeTheRecordIsReconciledNotSentAgain() throws Exception {
        try (QtumdSimulator sim = new QtumdSimulator("qtum", "pw");
                LedgerStore ledger = LedgerStore.open(LedgerConfig.sqlite(dir.resolve("l.db")))) {
            ledger.migrate();
            creditVector(ledger);
            JsonRpcClient rpc = JsonRpcClient.create(RpcEndpoint.http("sim", "127.0.0.1", sim.url().getPort(),
                    RpcCredentials.basic("qtum", "pw")));
            io.poolkit.core.payout.PayoutRunner.Checkpoints crash = new io.poolkit.core.payout.PayoutRunner.Checkpoints() {
                @Override
                public void sent(io.poolkit.core.ledger.Payout payout, String txid) {
                    throw new IllegalStateException("simulated crash after sendmany returned " + txid);
                }
            };
            java.time.Clock clock = java.time.Clock.systemUTC();
            QtumPayoutRunner crashing = new QtumPayoutRunner(rpc, ledger, PayoutPlanner.ppm(12, 100_000),
                    "pp".toCharArray(), clock, java.time.Duration.ofMinutes(10), crash);
            assertThrows(IllegalStateException.class, () -> crashing.run("2021-03-06"));
            assertEquals(1, sendmanys(sim));
            assertEquals(1, crashing.unfinished().size(), "left 'sending' by the crash");
            long inFlight = ledger.balances().all("qtum").stream().mapToLong(b -> b.inFlight()).sum();
            assertTrue(inFlight > 0);

            // restart: same run key, then the next day's: the payout is found by its label, never sent again
            QtumPayoutRunner restarted = new QtumPayoutRunner(rpc, ledger, PayoutPlanner.ppm(12, 100_000),
                    "pp".toCharArray());
            QtumPayoutRunner.RunResult r = restarted.run("2021-03-06");
            assertEquals(1, r.reconciled().size());
            assertEquals(sim.sends().get(0).txid(), r.reconciled().get(0).txid().orElseThrow());
            assertEquals(io.poolkit.core.ledger.PayoutState.SENT, r.reconciled().get(0).state());
            assertTrue(r.payouts().isEmpty());
            assertTrue(restarted.run("2021-03-07").payouts().isEmpty(), "nothing left to pay the next day");
            assertEquals(1, sendmanys(sim));
            assertTrue(restarted.unfinished().isEmpty());
            assertEquals(0, ledger.balances().all("qtum").stream().mapToLong(b -> b.inFlight()).sum());
            // the crashed run still re-unlocked the wallet for staking only on its way out
            List<JsonNode> calls = sim.walletCalls();
            JsonNode last = calls.get(calls.size() - 1);
            assertEquals("walletpassphrase", last.get("method").asText());
            assertTrue(last.get("params").get(2).asBoolean());
        }
    }

    @Test
    void aSendThatNeverReachedTheWalletIsFailedAfterTheGraceAndPaidOnceLater() throws Exception {
        try (QtumdSimulator sim = new QtumdSimulator("qtum", "pw");
                LedgerStore ledger = LedgerStore.open(LedgerConfig.sqlite(dir.resolve("l.db")))) {
            ledger.migrate();
            creditVector(ledger);
            JsonRpcClient rpc = JsonRpcClient.create(RpcEndpoint.http("sim", "127.0.0.1", sim.url().getPort(),
                    RpcCredentials.basic("qtum", "pw")));
            long before = ledger.balances().all("qtum").stream().mapToLong(b -> b.confirmed()).sum();
            io.poolkit.core.payout.PayoutRunner.Checkpoints down = new io.poolkit.core.payout.PayoutRunner.Checkpoints() {
                @Override
                public void planned(io.poolkit.core.ledger.Payout payout) {
                    sim.setDown(true); // qtumd dies before the send
                }
            };
            QtumPayoutRunner first = new QtumPayoutRunner(rpc, ledger, PayoutPlanner.ppm(12, 100_000),
                    "pp".toCharArray(), java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(10), down);
            assertThrows(io.poolkit.core.rpc.RpcCallException.class, () -> first.run("2021-03-06"));
            sim.setDown(false);
            assertEquals(0, sendmanys(sim));

            // within the grace its fate cannot be told: nothing is sent
            QtumPayoutRunner soon = new QtumPayoutRunner(rpc, ledger, PayoutPlanner.ppm(12, 100_000), "pp".toCharArray());
            assertThrows(io.poolkit.core.payout.PayoutHaltedException.class, () -> soon.run("2021-03-07"));
            assertEquals(0, sendmanys(sim));

            // after the grace it was never made: failed, amounts back, paid once by the next run key
            java.time.Clock later = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(11));
            QtumPayoutRunner after = new QtumPayoutRunner(rpc, ledger, PayoutPlanner.ppm(12, 100_000),
                    "pp".toCharArray(), later, java.time.Duration.ofMinutes(10), new io.poolkit.core.payout.PayoutRunner.Checkpoints() { });
            QtumPayoutRunner.RunResult r = after.run("2021-03-08");
            assertEquals(io.poolkit.core.ledger.PayoutState.FAILED, r.reconciled().get(0).state());
            assertEquals(1, r.payouts().size());
            assertEquals(1, sendmanys(sim));
            assertTrue(after.run("2021-03-09").payouts().isEmpty());
            assertEquals(1, sendmanys(sim));
            long paidGross = r.payouts().get(0).outputs().stream().mapToLong(o -> o.amount()).sum();
            assertEquals(before, paidGross + ledger.balances().all("qtum").stream().mapToLong(b -> b.confirmed()).sum(),
                    "every satoshi accounted for");
        }
    }
}
