package io.poolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolkit.core.address.Addresses;
import io.poolkit.core.address.Networks;
import io.poolkit.core.bytes.ByteReader;
import io.poolkit.core.chain.BlockHeader;
import io.poolkit.core.chain.Transaction;
import io.poolkit.core.chain.TxOutput;
import io.poolkit.core.ledger.Balance;
import io.poolkit.core.ledger.Block;
import io.poolkit.core.ledger.BlockState;
import io.poolkit.core.ledger.CreditState;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.pow.PowAlgorithms;
import io.poolkit.core.regtest.BcoinRegtestNode;
import io.poolkit.core.testing.PostgresCluster;
import io.poolkit.stratum.miner.CpuMiner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when of issue #5: two stratum servers writing to one PostgreSQL, both servers' shares credited
 * in one payout. A real PostgreSQL (the PostgresCluster fixture), a real bcoin regtest node, and two
 * {@code poolkit stratum serve} processes (child JVMs, server ids stratum-a and stratum-b, each on its
 * own port) with one CPU miner each, for a different address. Both servers find blocks; they are
 * stopped with SIGTERM (which flushes their shares); the blocks mature; ONE {@code poolkit payout}
 * credits (PPLNS over the shares of both servers), confirms and pays; what reached each address on
 * the node is its ledger credits minus the per-output fee, to the satoshi.
 */
@Tag("bcoin")
class TwoStratumServersPayoutTest {

    static final String CHAIN = "bcoin-regtest";
    static final long FEE_PER_OUTPUT = 1_000;

    @Test
    void sharesOfBothServersArePaidInOnePayout(@TempDir Path dir) throws Exception {
        PostgresCluster cluster = PostgresCluster.shared();
        String url = cluster.jdbcUrl(cluster.createDatabase("twostratum"));
        // Migrated once up front, so the two servers start on a ready schema.
        LedgerStore.open(LedgerConfig.of(url)).close();
        try (BcoinRegtestNode bcoin = BcoinRegtestNode.start()) {
            String pool = bcoin.getNewAddress();
            String alice = bcoin.getNewAddress();
            String bob = bcoin.getNewAddress();
            Path ymlA = writeConfig(dir, bcoin, "stratum-a", pool, url);
            Path ymlB = writeConfig(dir, bcoin, "stratum-b", pool, url);

            List<CpuMiner> miners = new ArrayList<>();
            try (ChildJvm serverA = ChildJvm.start(PoolkitCommand.class, dir.resolve("stratum-a.log"), "stratum", "serve",
                    "--config", ymlA.toString());
                    ChildJvm serverB = ChildJvm.start(PoolkitCommand.class, dir.resolve("stratum-b.log"), "stratum", "serve",
                            "--config", ymlB.toString());
                    LedgerStore watch = LedgerStore.open(LedgerConfig.of(url))) {
                int portA = Integer.parseInt(serverA.awaitOutput("on port (\\d+)", Duration.ofMinutes(2)));
                int portB = Integer.parseInt(serverB.awaitOutput("on port (\\d+)", Duration.ofMinutes(2)));
                assertTrue(portA != portB);
                miners.add(new CpuMiner("127.0.0.1", portA, alice + ".rig", "x", PowAlgorithms.SHA256D, 1, line -> { })
                        .limitHashesPerSecond(20).start());
                miners.add(new CpuMiner("127.0.0.1", portB, bob + ".rig", "x", PowAlgorithms.SHA256D, 1, line -> { })
                        .limitHashesPerSecond(20).start());
                // Both servers have a block on the main chain (racing miners also make stale ones), and four
                // blocks are on it.
                PayoutCommandBcoinTest.waitFor(() -> bcoin.getBlockCount() >= 4
                        && serversWithMainChainBlocks(watch, bcoin).containsAll(Set.of("stratum-a", "stratum-b")),
                        "blocks from both servers (A:\n" + serverA.output() + "\nB:\n" + serverB.output() + ")");
                miners.forEach(CpuMiner::close);
                miners.clear();
                // SIGTERM: each server stops cleanly and writes every accepted share before exiting.
                assertEquals(143, serverA.terminate(Duration.ofMinutes(1)), serverA.output());
                assertEquals(143, serverB.terminate(Duration.ofMinutes(1)), serverB.output());
                assertTrue(watch.shares().count("stratum-a") > 0, "server A recorded shares");
                assertTrue(watch.shares().count("stratum-b") > 0, "server B recorded shares");
            } finally {
                miners.forEach(CpuMiner::close);
            }

            bcoin.generateToAddress(101, bcoin.getNewAddress());
            CliRun run = CliRun.of("payout", "--config", ymlA.toString(), "--json");
            assertEquals(0, run.exitCode(), run.err() + run.out());
            JsonNode summary = new ObjectMapper().readTree(run.out());
            assertEquals(1, summary.get("sent").size(), "one payout transaction: " + run.out());
            String txid = summary.get("sent").get(0).get("txid").asText();

            String blockHash = bcoin.generateToAddress(1, bcoin.getNewAddress()).get(0);
            List<String> watched = List.of(alice, bob, pool);
            Map<String, Long> reached = reachedIn(bcoin, blockHash, txid, watched);
            try (LedgerStore store = LedgerStore.open(LedgerConfig.of(url))) {
                List<Block> confirmed = store.blocks().inState(BlockState.CONFIRMED);
                assertTrue(confirmed.stream().map(Block::serverId).collect(Collectors.toSet())
                        .containsAll(Set.of("stratum-a", "stratum-b")), "mature blocks of both servers: " + confirmed);
                long rewards = confirmed.stream().mapToLong(b -> b.found().reward()).sum();
                long credited = 0;
                for (String a : watched) {
                    long credits = store.credits().ofAddress(CHAIN, a).stream()
                            .filter(c -> c.state() == CreditState.CONFIRMED).mapToLong(c -> c.line().amount()).sum();
                    credited += credits;
                    assertTrue(credits >= 100_000, a + " earned at least the minimum: " + credits);
                    assertEquals(credits - FEE_PER_OUTPUT, reached.getOrDefault(a, 0L), "what reached " + a + " on the node");
                    assertEquals(new Balance(CHAIN, a, 0, 0, 0, credits), store.balances().of(CHAIN, a));
                }
                assertEquals(rewards, credited, "every satoshi of the mature blocks is credited");
                System.out.printf("two stratum servers: shares A=%d B=%d, blocks A=%d B=%d (confirmed %d), paid %s in %s%n",
                        store.shares().count("stratum-a"), store.shares().count("stratum-b"),
                        store.blocks().recent(1000).stream().filter(b -> b.serverId().equals("stratum-a")).count(),
                        store.blocks().recent(1000).stream().filter(b -> b.serverId().equals("stratum-b")).count(),
                        confirmed.size(), reached, txid);
            }
            CliRun again = CliRun.of("payout", "--config", ymlA.toString());
            assertEquals(0, again.exitCode(), again.err());
            assertTrue(again.out().contains("nothing to pay"), again.out());
        }
    }

    static Set<String> serversWithMainChainBlocks(LedgerStore store, BcoinRegtestNode bcoin) {
        long tip = bcoin.getBlockCount();
        return store.blocks().recent(1000).stream()
                .filter(b -> b.found().height() <= tip && bcoin.getBlockHash(b.found().height()).equalsIgnoreCase(b.found().hash()))
                .map(Block::serverId).collect(Collectors.toSet());
    }

    /** What transaction {@code txid} in block {@code blockHash} carried to each watched address, base units. */
    static Map<String, Long> reachedIn(BcoinRegtestNode bcoin, String blockHash, String txid, List<String> watched) {
        Map<String, Long> reached = new HashMap<>();
        ByteReader r = new ByteReader(bcoin.getBlockBytes(blockHash));
        BlockHeader.parse(r.readBytes(BlockHeader.SIZE));
        long count = r.readVarInt();
        boolean found = false;
        for (long i = 0; i < count; i++) {
            Transaction tx = Transaction.read(r);
            if (!tx.txidDisplayHex().equals(txid)) {
                continue;
            }
            found = true;
            for (TxOutput o : tx.outputs()) {
                for (String a : watched) {
                    if (Arrays.equals(Addresses.parse(a, Networks.BCOIN_REGTEST).outputScript(), o.script())) {
                        reached.merge(a, o.value(), Long::sum);
                    }
                }
            }
        }
        assertTrue(found, "the payout " + txid + " is in the next block");
        return reached;
    }

    static Path writeConfig(Path dir, BcoinRegtestNode bcoin, String serverId, String pool, String url) throws Exception {
        String key = PayoutCommandBcoinTest.apiKey(bcoin);
        Path yml = dir.resolve(serverId + ".yml");
        Files.writeString(yml, String.join("\n",
                "pool: {algo: sha256d, network: bcoin-regtest, payoutAddress: " + pool + "}",
                "stratum: {host: 127.0.0.1, port: 0, startDifficulty: 0.0000000001, vardiff: {enabled: false}}",
                "nodes: [{name: bcoin, url: 'http://127.0.0.1:" + bcoin.httpPort() + "', user: poolkit, password: " + key + "}]",
                "monitor: {enabled: false}",
                "pushBlock: {enabled: false}",
                "ledger: {url: '" + url + "', serverId: " + serverId + "}",
                "payout: {scheme: PPLNS, pplnsFactor: 1000000, feePerMille: 10, minimum: 100000, txFeePerOutput: "
                        + FEE_PER_OUTPUT + ", walletUrl: 'http://127.0.0.1:" + bcoin.walletPort()
                        + "', walletUser: poolkit, walletPassword: " + key + ", walletAccount: default}",
                ""), StandardCharsets.UTF_8);
        return yml;
    }
}
