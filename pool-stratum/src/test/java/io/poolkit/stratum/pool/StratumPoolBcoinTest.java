package io.poolkit.stratum.pool;

import static io.poolkit.stratum.server.ServerTestSupport.waitFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolkit.core.address.Address;
import io.poolkit.core.address.Addresses;
import io.poolkit.core.address.Networks;
import io.poolkit.core.bytes.ByteReader;
import io.poolkit.core.chain.BlockHeader;
import io.poolkit.core.chain.Transaction;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.pow.PowAlgorithms;
import io.poolkit.core.regtest.BcoinRegtestNode;
import io.poolkit.stratum.job.StratumJob;
import io.poolkit.stratum.miner.CpuMiner;
import io.poolkit.stratum.share.AcceptedShare;
import io.poolkit.stratum.share.ShareSink;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The whole pool on a real bcoin regtest node: our job manager, server and a CPU miner; bcoin's
 * height grows, the new blocks' coinbases pay the pool address, shares and blocks reach the recorder,
 * and the monitor reports them. A second test stops the primary of two nodes: jobs keep flowing.
 */
class StratumPoolBcoinTest {

    static PoolConfig config(String payout, List<BcoinRegtestNode> nodes) throws java.io.IOException {
        PoolConfig c = new PoolConfig();
        c.ledger.url = java.nio.file.Files.createTempDirectory("poolkit-ledger").resolve("ledger.db").toString();
        c.pool.algo = "sha256d";
        c.pool.network = "bcoin-regtest";
        c.pool.payoutAddress = payout;
        c.stratum.host = "127.0.0.1";
        c.stratum.port = 0;
        c.stratum.startDifficulty = new BigDecimal("0.0000000001");
        c.stratum.vardiff.enabled = false;
        c.monitor.port = 0;
        c.pushBlock.port = 0;
        int priority = nodes.size();
        for (BcoinRegtestNode n : nodes) {
            PoolConfig.Node node = new PoolConfig.Node();
            node.name = n.name();
            node.endpoint = n.nodeEndpoint();
            node.priority = priority--;
            c.nodes.add(node);
        }
        c.validate();
        return c;
    }

    @Test
    void minesBlocksOnBcoinThroughOurPool() throws Exception {
        try (BcoinRegtestNode bcoin = BcoinRegtestNode.start()) {
            String payout = bcoin.getNewAddress();
            Address payoutAddress = Addresses.parse(payout, Networks.BCOIN_REGTEST);
            Address miner = Addresses.p2pkh(Networks.BCOIN_REGTEST, new byte[20]);
            long startHeight = bcoin.getBlockCount();
            List<AcceptedShare> shares = new CopyOnWriteArrayList<>();
            List<AcceptedShare> blocks = new CopyOnWriteArrayList<>();
            ShareSink recorder = new ShareSink() {
                @Override
                public void shareAccepted(AcceptedShare share) {
                    shares.add(share);
                }

                @Override
                public void blockFound(AcceptedShare share, StratumJob job, byte[] header, byte[] block) {
                    blocks.add(share);
                }
            };
            PoolConfig config = config(payout, List.of(bcoin));
            String best;
            try (StratumPool pool = new StratumPool(config, recorder, line -> { }, Clock.systemUTC()).start();
                 CpuMiner cpu = new CpuMiner("127.0.0.1", pool.stratumPort(), miner.text() + ".e2e", "x",
                         PowAlgorithms.SHA256D, 1, line -> { }).limitHashesPerSecond(20).start()) {
                waitFor(() -> bcoin.getBlockCount() >= startHeight + 3, "bcoin's height to grow by 3");
                waitFor(() -> pool.recentBlocks().stream().filter(BlockSubmission::accepted).count() >= 3, "3 accepted blocks");

                Transaction coinbase = coinbaseOf(bcoin, bcoin.getBestBlockHash());
                best = bcoin.getBestBlockHash();
                assertArrayEquals(payoutAddress.outputScript(), coinbase.outputs().get(0).script());
                assertTrue(coinbase.outputs().get(0).value() > 0);
                assertTrue(shares.size() >= 3);
                assertEquals(miner.text(), shares.get(0).address());
                assertTrue(blocks.size() >= 3);

                JsonNode status = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + pool.monitorPort().orElseThrow() + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                assertTrue(status.get("blocksFound").asLong() >= 3);
                assertEquals(1, status.get("workers").asInt());
                assertEquals("up", status.get("nodes").get(0).get("health").asText());
                String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + pool.monitorPort().orElseThrow() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(metrics.contains("poolkit_stratum_shares_accepted_total"), metrics);
            }
            // After a clean stop the ledger holds every share the pool accepted, and the blocks the node took.
            try (LedgerStore check = LedgerStore.open(LedgerConfig.of(config.ledger.url))) {
                assertEquals(shares.size(), check.shares().count());
                assertEquals(blocks.size(), check.blocks().recent(10_000).size());
                assertTrue(check.blocks().recent(10_000).stream().anyMatch(b -> b.found().hash().equals(best)));
            }
        }
    }

    @Test
    void jobsKeepFlowingWhenThePrimaryNodeStops() throws Exception {
        try (BcoinRegtestNode primary = BcoinRegtestNode.start(BcoinRegtestNode.Options.defaults("primary"));
             BcoinRegtestNode secondary = BcoinRegtestNode.start(BcoinRegtestNode.Options.defaults("secondary"))) {
            String payout = primary.getNewAddress();
            try (StratumPool pool = new StratumPool(config(payout, List.of(primary, secondary)), ShareSink.NONE, line -> { },
                    Clock.systemUTC()).start()) {
                long templatesBefore = pool.jobManager().status().templates();
                primary.stop();
                // Mine on the secondary only: its new tip must reach the pool as a new template.
                secondary.generateToAddress(1, payout);
                waitFor(() -> pool.jobManager().status().height() == secondary.getBlockCount() + 1,
                        "a template from the secondary");
                assertTrue(pool.jobManager().status().templates() > templatesBefore);
                try (CpuMiner cpu = new CpuMiner("127.0.0.1", pool.stratumPort(), payout, "x", PowAlgorithms.SHA256D, 1,
                        line -> { }).limitHashesPerSecond(20).start()) {
                    long height = secondary.getBlockCount();
                    waitFor(() -> secondary.getBlockCount() > height, "a block on the secondary through the pool");
                }
            }
        }
    }

    static Transaction coinbaseOf(BcoinRegtestNode bcoin, String hash) {
        ByteReader r = new ByteReader(bcoin.getBlockBytes(hash));
        BlockHeader.parse(r.readBytes(BlockHeader.SIZE));
        r.readVarInt();
        return Transaction.read(r);
    }
}
