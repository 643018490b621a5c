package io.poolkit.qtum.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.rpc.JsonRpcClient;
import io.poolkit.core.rpc.RpcCredentials;
import io.poolkit.core.rpc.RpcEndpoint;
import io.poolkit.qtum.consensus.QtumChain;
import io.poolkit.qtum.ppm.PoolShareFile;
import io.poolkit.qtum.ppmu.Rounding;
import io.poolkit.qtum.watch.QtumdSimulator.Kind;
import io.poolkit.qtum.watch.QtumdSimulator.SimBlock;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the watcher through three days of testnet blocks (675 a day at 128 s) served by the qtumd
 * SIMULATOR: pool blocks (with and without addrindex fields), self stakes, other stakers' delegated and
 * plain blocks, proof-of-work blocks, restarts, a lost state write, a reorg within the delay and qtumd
 * going down. Every pool block must be credited exactly once, by an independent oracle.
 */
class WatcherSimulationTest {

    private static final int START = 700_000; // testnet, before the fork: maturity 500
    private static final long MIN_UTXO = 25 * 100_000_000L;
    private static final String A = "qUXM5s6exwXZoUQQXSvVeyrGGhoo5ZKCE2";
    private static final String B = "qVhvEFRtpnaRQbuJiQERQ9zi5N9HxkswQX";
    private static final String C = "qXvhQSUpmv7Hm6wMpWB6ooohTBVg3aATgo"; // fee 10: never shares

    @TempDir
    Path dir;

    private static Kind kindOf(int i) {
        if (i % 9 == 0) {
            return Kind.POOL;
        } else if (i % 50 == 7) {
            return Kind.SELF;
        } else if (i % 13 == 5) {
            return Kind.OTHER_POD;
        } else if (i % 17 == 3) {
            return Kind.POW;
        }
        return Kind.OTHER;
    }

    private static void mine(QtumdSimulator sim, int count) {
        for (int n = 0; n < count; n++) {
            int i = sim.tip() + 1 - START;
            sim.mine(kindOf(i), 400_000_000L + i, i % 2 == 0);
        }
    }

    /** Independent oracle: mature weights and the exact (largest remainder) split of one block. */
    private static Map<String, Long> oracle(SimBlock b, QtumdSimulator sim) {
        Map<String, Long> w = new LinkedHashMap<>();
        for (String d : List.of(A, B)) {
            long sum = 0;
            for (long[] u : sim.utxos(d)) {
                if (u[1] <= b.height() - 500 && u[0] >= MIN_UTXO) {
                    sum += u[0];
                }
            }
            if (sum > 0) {
                w.put(d, sum);
            }
        }
        BigInteger total = BigInteger.valueOf(w.values().stream().mapToLong(Long::longValue).sum());
        BigInteger r = BigInteger.valueOf(b.rewardSats());
        Map<String, Long> out = new LinkedHashMap<>();
        Map<String, BigInteger> rem = new LinkedHashMap<>();
        long given = 0;
        for (Map.Entry<String, Long> e : w.entrySet()) {
            BigInteger[] qr = r.multiply(BigInteger.valueOf(e.getValue())).divideAndRemainder(total);
            out.put(e.getKey(), qr[0].longValue());
            rem.put(e.getKey(), qr[1]);
            given += qr[0].longValue();
        }
        long left = b.rewardSats() - given;
        List<String> order = new ArrayList<>(rem.keySet());
        order.sort((x, y) -> rem.get(y).compareTo(rem.get(x)));
        for (int i = 0; i < left; i++) {
            out.merge(order.get(i), 1L, Long::sum);
        }
        return out;
    }

    @Test
    void threeDaysOfBlocksEveryPoolBlockCreditedExactlyOnce() throws Exception {
        try (QtumdSimulator sim = new QtumdSimulator("qtum", "s3cret");
                LedgerStore ledger = LedgerStore.open(LedgerConfig.sqlite(dir.resolve("ledger.db")))) {
            ledger.migrate();
            sim.setTip(START);
            sim.setUtxos(A, List.of(new long[] {20_000_000_000L, 690_000}, new long[] {5_000_000_000L, 699_900},
                    new long[] {1_000_000_000L, 600_000}));
            sim.setUtxos(B, List.of(new long[] {50_000_000_000L, 650_000}, new long[] {7_777_777_777L, 700_700}));
            sim.setUtxos(C, List.of(new long[] {900_000_000_000L, 600_000}));
            JsonRpcClient rpc = JsonRpcClient.create(RpcEndpoint.http("qtumd-sim", "127.0.0.1", sim.url().getPort(),
                    RpcCredentials.basic("qtum", "s3cret")));
            Path data = dir.resolve("data");
            WatchConfig config = new WatchConfig(QtumChain.TESTNET, QtumdSimulator.MY_STAKER, 5, 100, MIN_UTXO,
                    Rounding.EXACT, data, START);

            // day 1
            mine(sim, 675);
            PoolWatcher w = new PoolWatcher(rpc, config, Optional.of(ledger));
            assertEquals(670, w.pollOnce().size());
            assertEquals(START + 670, w.state().block());
            assertTrue(w.pollOnce().isEmpty(), "nothing new: nothing processed");
            Path saved = dir.resolve("saved.csv");
            Files.copy(data.resolve(PoolShareFile.CURRENT), saved);

            // more blocks, then a crash that loses the state file write: the ledger keeps its credits
            mine(sim, 100);
            assertEquals(100, w.pollOnce().size());
            Files.copy(saved, data.resolve(PoolShareFile.CURRENT), StandardCopyOption.REPLACE_EXISTING);

            // restart; a reorg within the delay replaces a not-yet-processed pool block
            w = new PoolWatcher(rpc, config, Optional.of(ledger));
            assertEquals(START + 670, w.state().block());
            mine(sim, 575);
            int reorged = -1;
            for (int h = sim.tip(); h > sim.tip() - 5; h--) {
                if (sim.block(h).kind() == Kind.POOL) {
                    reorged = h;
                }
            }
            if (reorged < 0) {
                reorged = sim.tip() - 2;
                sim.reorg(reorged, Kind.POOL, 400_000_123L);
            }
            String oldHash = sim.block(reorged).hash();
            sim.reorg(reorged, Kind.OTHER, 400_000_000L);
            w.pollOnce();

            // qtumd goes down for a while, the chain moves on, qtumd comes back
            List<io.poolkit.qtum.alert.Alert> alerts = new ArrayList<>();
            WatchLoop loop = new WatchLoop(w, Duration.ofSeconds(3), Duration.ofMinutes(5), d -> { }, alerts::add);
            sim.setDown(true);
            assertEquals(Duration.ofSeconds(6), loop.step());
            assertEquals(Duration.ofSeconds(12), loop.step());
            mine(sim, 675);
            assertEquals(1, alerts.size());
            assertEquals(io.poolkit.qtum.alert.Alert.Kind.QTUMD_DOWN, alerts.get(0).kind());
            assertEquals("QTUMD NOT RUNNING", alerts.get(0).subject());
            sim.setDown(false);
            assertEquals(Duration.ofSeconds(3), loop.step());
            assertEquals(2, alerts.size());
            assertEquals(".QTUMD BACK", alerts.get(1).subject());
            assertEquals(0, loop.failures());
            assertEquals(sim.tip() - 5, w.state().block());

            // the reorged block was the new chain's when processed
            assertTrue(ledger.credits().batch("qtum:" + reorged + ":" + oldHash).isEmpty());
            assertTrue(ledger.credits().batch("qtum:" + reorged + ":" + sim.block(reorged).hash()).isEmpty());

            // oracle over every processed height
            Map<String, Long> expected = new TreeMap<>();
            long balance = 0;
            long revenue = 0;
            int poolBlocks = 0;
            for (int h = START + 1; h <= w.state().block(); h++) {
                SimBlock b = sim.block(h);
                if (b.kind() == Kind.POOL) {
                    poolBlocks++;
                    Map<String, Long> credits = oracle(b, sim);
                    credits.forEach((k, v) -> expected.merge(k, v, Long::sum));
                    balance += b.rewardSats();
                    assertTrue(ledger.credits().batch("qtum:" + h + ":" + b.hash()).isPresent(), "pool block " + h);
                    assertTrue(Files.exists(data.resolve("poolshare").resolve(h + "poolshare.csv")));
                } else if (b.kind() == Kind.SELF) {
                    balance += b.rewardSats();
                    revenue += b.rewardSats();
                }
            }
            assertTrue(poolBlocks > 200, "pool blocks: " + poolBlocks);
            PoolShareFile state = PoolShareFile.read(data.resolve(PoolShareFile.CURRENT));
            assertEquals(w.state(), state);
            assertEquals(expected, new TreeMap<>(state.sharesSats()));
            assertFalse(state.sharesSats().containsKey(C), "fee-10 delegation never shares");
            assertEquals(balance, state.poolBalanceSats());
            assertEquals(revenue, state.poolRevenueSats());
            for (Map.Entry<String, Long> e : expected.entrySet()) {
                assertEquals(e.getValue(), ledger.balances().of(PoolWatcher.LEDGER_CHAIN, e.getKey()).confirmed(), e.getKey());
            }
            assertTrue(Files.readString(data.resolve(PoolShareFile.CURRENT))
                    .startsWith("block," + state.block() + ",poolbalance," + balance + ",\npoolrevenue," + revenue + ",\n"));
            // young UTXO of A (699 900) joined at 700 400; B's second (700 700) at 701 200
            assertTrue(sim.calls("getdelegationsforstaker") >= poolBlocks);
        }
    }
}
