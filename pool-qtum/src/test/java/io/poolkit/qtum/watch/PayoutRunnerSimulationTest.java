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
}
