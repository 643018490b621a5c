package io.poolkit.pegnet.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.pegnet.factom.EcKey;
import io.poolkit.pegnet.factom.FactomdSimulator;
import io.poolkit.pegnet.lxr.ByteMap;
import io.poolkit.pegnet.lxr.LxrHash;
import io.poolkit.pegnet.opr.FactomEntry;
import io.poolkit.pegnet.opr.Grader;
import io.poolkit.pegnet.pool.LedgerPegnetStore;
import io.poolkit.pegnet.pool.PoolTestData;
import io.poolkit.pegnet.stratum.ProsperMiner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled pool from a YAML config against the factomd SIMULATOR: polling on its own thread, a test miner,
 * the admin console, the ledger, and a restart in the middle of a block that loses no share.
 */
class PegnetServiceTest {

    private static final int START = 300_000;

    private static String config(FactomdSimulator sim, Path ledger) {
        StringBuilder prices = new StringBuilder();
        PoolTestData.basePrices(5).forEach((k, v) -> prices.append("  ").append(k).append(": \"").append(v)
                .append("\"\n"));
        return "factomd: " + sim.url() + "\n"
                + "ledger: " + ledger + "\n"
                + "lxrBits: 8\n"
                + "identity: poolkit\n"
                + "coinbase: " + PoolTestData.faAddress("pool") + "\n"
                + "startHeight: " + START + "\n"
                + "pollMillis: 100\n"
                + "users: [alice, bob]\n"
                + "stratum:\n  host: 127.0.0.1\n  port: 0\n  adminPort: 0\n"
                + "submit:\n  softmax: 3\n"
                + "prices:\n" + prices;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void runsFromConfigAndSurvivesARestartMidBlock(@TempDir Path dir) throws Exception {
        LxrHash lxr = new LxrHash(ByteMap.generate(8));
        PoolTestData chain = new PoolTestData(lxr, 3);
        Map<String, String> env = Map.of("POOLKIT_PEGNET_EC_SECRET", EcKey.secretText(new byte[32]));
        List<String> events = new CopyOnWriteArrayList<>();
        Path ledgerFile = dir.resolve("ledger.db");
        try (FactomdSimulator sim = new FactomdSimulator(START)) {
            List<String> winners = Collections.nCopies(25, "");
            List<FactomEntry> first = chain.others(START, winners, 30);
            sim.addBlock(START, first);
            winners = Grader.grade(START, winners, first, lxr::difficulty).winnersForNext(winners);
            Path yml = dir.resolve("pegnet.yml");
            Files.writeString(yml, config(sim, ledgerFile));
            PegnetConfig c = PegnetConfig.load(yml);

            try (PegnetService service = PegnetService.start(c, lxr, env, Clock.systemUTC(), events::add)) {
                await(() -> service.pool().job().isPresent(), "job " + (START + 1));
                try (ProsperMiner alice = new ProsperMiner("127.0.0.1", service.stratumPort(), "alice", "rig1", lxr);
                        ProsperMiner mallory = new ProsperMiner("127.0.0.1", service.stratumPort(), "mallory", "x",
                                lxr)) {
                    assertTrue(alice.start());
                    assertTrue(!mallory.start(), "only the configured users may mine");
                    await(() -> Long.toString(START + 1).equals(alice.jobId()), "notified");
                    assertEquals(2, alice.mine(2, Duration.ofSeconds(60)));
                    try (Socket admin = new Socket("127.0.0.1", service.adminPort().orElseThrow())) {
                        admin.getOutputStream().write("listclients\n".getBytes(StandardCharsets.UTF_8));
                        BufferedReader in = new BufferedReader(new InputStreamReader(admin.getInputStream(),
                                StandardCharsets.UTF_8));
                        assertEquals("ok 2 clients", in.readLine());
                    }
                }
                await(() -> sim.revealed().size() == 2, "both shares submitted");
            }
            // restarted mid-block: the two shares of job 300001 are only in the ledger now
            try (PegnetService service = PegnetService.start(c, lxr, env, Clock.systemUTC(), events::add)) {
                assertTrue(events.stream().anyMatch(e -> e.endsWith("2 in-flight shares restored")), events.toString());
                List<FactomEntry> others = chain.others(START + 1, winners, 30);
                sim.sealBlock(others);
                await(() -> service.pool().reports().stream().anyMatch(r -> r.height() == START + 1), "block synced");
                assertTrue(service.pool().reports().get(0).reward() > 0, "the pool's exact prices won");
            }
        }
        LedgerConfig lc = LedgerConfig.of(ledgerFile.toString());
        try (LedgerStore ledger = LedgerStore.open(lc);
                LedgerPegnetStore store = new LedgerPegnetStore(ledger, lc, "pool-fee")) {
            LedgerPegnetStore.JobSummary job = store.closedJobs(5).get(0);
            assertEquals(START + 1, job.jobId());
            long alice = ledger.balances().of(LedgerPegnetStore.CHAIN, "alice").confirmed();
            long fee = ledger.balances().of(LedgerPegnetStore.CHAIN, "pool-fee").confirmed();
            assertEquals(job.reward() * 5 / 100, fee);
            assertEquals(job.reward(), alice + fee + job.dust(), "alice, alone, is owed everything but the fee");
            assertEquals(2, store.attempts(START + 1).size());
            assertTrue(store.latestEma().isPresent());
        }
        assertTrue(new ArrayList<>(events).stream().anyMatch(e -> e.startsWith("block " + (START + 1))));
    }

    @Test
    void badConfigsSayWhatIsWrong(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("bad.yml");
        Files.writeString(yml, "coinbase: FA3notanaddress\nprices: {USD: \"1\"}\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PegnetConfig.load(yml)).getMessage()
                .contains("coinbase"));
        Files.writeString(yml, "coinbase: " + PoolTestData.faAddress("x") + "\nprices: {USD: \"1\"}\nbogus: 1\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PegnetConfig.load(yml)).getMessage()
                .contains("bogus"));
        Files.writeString(yml, "coinbase: " + PoolTestData.faAddress("x") + "\nprices: {USD: \"1\"}\n"
                + "poolFeeRate: \"0\"\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PegnetConfig.load(yml)).getMessage()
                .contains("fee"));
        Files.writeString(yml, "coinbase: " + PoolTestData.faAddress("x") + "\nprices: {USD: \"1\"}\nlxrBits: 8\n");
        PegnetConfig ok = PegnetConfig.load(yml);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PegnetService.start(ok,
                new LxrHash(ByteMap.generate(8)), Map.of(), Clock.systemUTC(), e -> { })).getMessage()
                .contains("POOLKIT_PEGNET_EC_SECRET"));
    }
}
