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
import io.poolkit.core.ledger.BlockState;
import io.poolkit.core.ledger.Credit;
import io.poolkit.core.ledger.CreditState;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.pow.PowAlgorithms;
import io.poolkit.core.regtest.BcoinRegtestNode;
import io.poolkit.stratum.miner.CpuMiner;
import io.poolkit.stratum.pool.PoolConfig;
import io.poolkit.stratum.pool.StratumPool;
import io.poolkit.stratum.share.ShareSink;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real bcoin regtest node, whose wallet is the pool wallet: our stratum pool with
 * three CPU miners (three addresses) finds blocks, the blocks mature, {@code poolkit payout} credits,
 * confirms and pays them with sendmany, and what reaches each address on the node is the ledger's
 * credits minus the per-output fee, to the satoshi. A second run pays nothing.
 */
@Tag("bcoin")
class PayoutCommandBcoinTest {

    static final long FEE_PER_OUTPUT = 1_000;

    @Test
    void poolBlocksMatureAndArePaidToTheSatoshi(@TempDir Path dir) throws Exception {
        try (BcoinRegtestNode bcoin = BcoinRegtestNode.start()) {
            String pool = bcoin.getNewAddress();
            List<String> miners = List.of(bcoin.getNewAddress(), bcoin.getNewAddress(), bcoin.getNewAddress());
            String db = dir.resolve("ledger.db").toString();
            String key = apiKey(bcoin);
            Path yml = dir.resolve("pool.yml");
            Files.writeString(yml, String.join("\n",
                    "pool: {algo: sha256d, network: bcoin-regtest, payoutAddress: " + pool + "}",
                    "stratum: {host: 127.0.0.1, port: 0, startDifficulty: 0.0000000001, vardiff: {enabled: false}}",
                    "nodes: [{name: bcoin, url: 'http://127.0.0.1:" + bcoin.httpPort() + "', user: poolkit, password: " + key + "}]",
                    "monitor: {enabled: false}",
                    "pushBlock: {enabled: false}",
                    "ledger: {url: '" + db + "'}",
                    "payout: {scheme: PPLNS, pplnsFactor: 1000000, feePerMille: 10, minimum: 100000, txFeePerOutput: "
                            + FEE_PER_OUTPUT + ", walletUrl: 'http://127.0.0.1:" + bcoin.walletPort()
                            + "', walletUser: poolkit, walletPassword: " + key + ", walletAccount: default}",
                    ""), StandardCharsets.UTF_8);

            PoolConfig config = PoolConfig.load(yml);
            List<CpuMiner> cpus = new ArrayList<>();
            try (StratumPool stratum = new StratumPool(config, ShareSink.NONE, line -> { }, Clock.systemUTC()).start()) {
                for (String m : miners) {
                    cpus.add(new CpuMiner("127.0.0.1", stratum.stratumPort(), m + ".rig", "x", PowAlgorithms.SHA256D, 1,
                            line -> { }).limitHashesPerSecond(20).start());
                }
                // Miners racing at one height also make stale blocks (bcoin keeps them on a side chain): the
                // payout run orphans those. Wait for four blocks on the main chain.
                waitFor(() -> bcoin.getBlockCount() >= 4, "4 pool blocks on the main chain");
            } finally {
                cpus.forEach(CpuMiner::close);
            }

            // Not mature yet: a payout run credits the blocks (pending) and pays nothing.
            CliRun early = CliRun.of("payout", "--config", yml.toString(), "--json");
            assertEquals(0, early.exitCode(), early.err());
            JsonNode earlyRun = new ObjectMapper().readTree(early.out());
            assertEquals(0, earlyRun.get("sent").size(), early.out());
            assertEquals(0, earlyRun.get("confirmed").asInt(), early.out());
            assertEquals(earlyRun.get("credited").asInt() - earlyRun.get("orphaned").asInt(), earlyRun.get("pending").asInt());

            bcoin.generateToAddress(101, bcoin.getNewAddress());

            CliRun dry = CliRun.of("payout", "--config", yml.toString(), "--dry-run", "--json");
            assertEquals(0, dry.exitCode(), dry.err());
            JsonNode plan = new ObjectMapper().readTree(dry.out());
            assertTrue(plan.get("blocks").size() >= 4, dry.out());
            plan.get("blocks").forEach(b -> assertEquals("confirm", b.get("verdict").asText(), dry.out()));
            try (LedgerStore store = LedgerStore.open(LedgerConfig.of(db))) {
                assertTrue(store.blocks().inState(BlockState.CONFIRMED).isEmpty(), "a dry run changes nothing");
                assertTrue(store.payouts().recent("bcoin-regtest", 10).isEmpty());
            }

            CliRun run = CliRun.of("payout", "--config", yml.toString());
            assertEquals(0, run.exitCode(), run.err() + run.out());
            assertTrue(run.out().contains("sent run-"), run.out());

            // What reached each address on the node: the outputs of the block that mines the payout.
            String blockHash = bcoin.generateToAddress(1, bcoin.getNewAddress()).get(0);
            Map<String, Long> reached = new HashMap<>();
            ByteReader r = new ByteReader(bcoin.getBlockBytes(blockHash));
            BlockHeader.parse(r.readBytes(BlockHeader.SIZE));
            long count = r.readVarInt();
            List<String> watched = new ArrayList<>(miners);
            watched.add(pool);
            for (long i = 0; i < count; i++) {
                Transaction tx = Transaction.read(r);
                for (TxOutput o : tx.outputs()) {
                    for (String a : watched) {
                        if (Arrays.equals(Addresses.parse(a, Networks.BCOIN_REGTEST).outputScript(), o.script())) {
                            reached.merge(a, o.value(), Long::sum);
                        }
                    }
                }
            }
            try (LedgerStore store = LedgerStore.open(LedgerConfig.of(db))) {
                List<io.poolkit.core.ledger.Block> confirmed = store.blocks().inState(BlockState.CONFIRMED);
                assertTrue(confirmed.size() >= 4);
                long rewards = confirmed.stream().mapToLong(b -> b.found().reward()).sum();
                long credited = 0;
                int paidMiners = 0;
                for (String a : watched) {
                    long credits = store.credits().ofAddress("bcoin-regtest", a).stream()
                            .filter(c -> c.state() == CreditState.CONFIRMED).mapToLong(c -> c.line().amount()).sum();
                    credited += credits;
                    Balance b = store.balances().of("bcoin-regtest", a);
                    if (credits >= 100_000) {
                        assertEquals(credits - FEE_PER_OUTPUT, reached.getOrDefault(a, 0L), "what reached " + a);
                        assertEquals(new Balance("bcoin-regtest", a, 0, 0, 0, credits), b);
                        paidMiners += miners.contains(a) ? 1 : 0;
                    } else {
                        assertEquals(0L, reached.getOrDefault(a, 0L));
                    }
                }
                assertEquals(rewards, credited, "every satoshi of the mature blocks is credited");
                assertTrue(paidMiners >= 2, "several miners were paid: " + reached);
            }

            CliRun again = CliRun.of("payout", "--config", yml.toString());
            assertEquals(0, again.exitCode(), again.err());
            assertTrue(again.out().contains("nothing to pay"), again.out());

            CliRun csv = CliRun.of("payouts", "--config", yml.toString(), "--csv");
            assertEquals(0, csv.exitCode(), csv.err());
            assertTrue(csv.out().startsWith("label,state,txid,address,amount,fee,net,created_at"), csv.out());
        }
    }

    /** The node's API key, from the basic-auth header of its endpoint (the test writes it into pool.yml). */
    static String apiKey(BcoinRegtestNode bcoin) {
        String header = bcoin.nodeEndpoint().credentials().authorizationHeader().orElseThrow();
        String userPass = new String(Base64.getDecoder().decode(header.substring("Basic ".length())), StandardCharsets.UTF_8);
        return userPass.substring(userPass.indexOf(':') + 1);
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(50);
        }
    }
}
