package io.poolkit.stratum.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.pow.Sha256d;
import io.poolkit.core.pow.Sha256dAlgorithm;
import io.poolkit.core.target.DifficultyScale;
import io.poolkit.core.target.Target;
import io.poolkit.stratum.job.StratumJob;
import io.poolkit.stratum.miner.CpuMiner;
import io.poolkit.stratum.share.RejectReason;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import static io.poolkit.stratum.server.ServerTestSupport.waitFor;

class StratumServerTest {

    private static final int NO_BLOCKS = 0x1d00ffff;

    @Test
    void cpuMinerGetsSharesAcceptedAndRecorded() throws Exception {
        try (TestPool pool = new TestPool(TestPool.easyConfig())) {
            pool.publish(true, NO_BLOCKS);
            try (CpuMiner miner = new CpuMiner("127.0.0.1", pool.port(), TestPool.ADDRESS + ".rig1", "x", new Sha256dAlgorithm(), 1,
                    line -> { }).start()) {
                waitFor(() -> miner.stats().accepted() >= 20, "20 accepted shares");
                assertEquals(0, miner.stats().rejected());
            }
            assertTrue(pool.shares.size() >= 20);
            assertEquals(TestPool.ADDRESS, pool.shares.get(0).address());
            assertEquals("rig1", pool.shares.get(0).worker());
            // Every accepted share reaches the sink (the last ones may still be on their way).
            waitFor(() -> pool.shares.size() == pool.server.metrics().sharesAccepted(), "sink to catch up");
        }
    }

    @Test
    void protocolFlowDuplicatesStaleAndLowDifficulty() throws Exception {
        try (TestPool pool = new TestPool(TestPool.easyConfig()); LineClient c = new LineClient(0 + pool.port())) {
            StratumJob job = pool.publish(true, NO_BLOCKS);
            assertEquals(25, c.send("{\"id\":1,\"method\":\"mining.authorize\",\"params\":[\"a\",\"b\"]}").reply()
                    .get("error").get(0).asInt());
            JsonNode sub = c.send("{\"id\":2,\"method\":\"mining.subscribe\",\"params\":[\"test/1\"]}").reply();
            byte[] ex1 = Hex.decode(sub.get("result").get(1).asText());
            assertEquals(4, sub.get("result").get(2).asInt());
            JsonNode bad = c.send("{\"id\":3,\"method\":\"mining.authorize\",\"params\":[\"notanaddress\",\"x\"]}").reply();
            assertEquals(24, bad.get("error").get(0).asInt());
            assertTrue(c.send("{\"id\":4,\"method\":\"mining.authorize\",\"params\":[\"" + TestPool.ADDRESS + ".w\",\"x\"]}")
                    .reply().get("result").asBoolean());
            JsonNode difficulty = c.until("mining.set_difficulty");
            assertEquals(0, new BigDecimal("0.0000001").compareTo(difficulty.get("params").get(0).decimalValue()));
            JsonNode notify = c.until("mining.notify");
            String clientJob = notify.get("params").get(0).asText();
            assertTrue(notify.get("params").get(8).asBoolean());

            Target target = DifficultyScale.BITCOIN.shareTarget(new BigDecimal("0.0000001"));
            long nonce = findNonce(job, ex1, "00000001", target, true);
            String submit = submit(5, clientJob, "00000001", job.time(), nonce);
            assertTrue(c.send(submit).reply().get("result").asBoolean(), "valid share");
            assertEquals(22, c.send(submit).reply().get("error").get(0).asInt(), "duplicate");
            long low = findNonce(job, ex1, "00000001", target, false);
            assertEquals(23, c.send(submit(6, clientJob, "00000001", job.time(), low)).reply().get("error").get(0).asInt());
            assertEquals(20, c.send(submit(7, clientJob, "0001", job.time(), nonce)).reply().get("error").get(0).asInt(),
                    "short extranonce2");
            assertEquals(20, c.send(submit(8, clientJob, "zzzzzzzz", job.time(), nonce)).reply().get("error").get(0).asInt());
            assertEquals(20, c.send(submit(9, clientJob, "00000001", job.time() + 100_000, nonce)).reply()
                    .get("error").get(0).asInt(), "ntime out of range");
            assertEquals(21, c.send(submit(10, "ffff", "00000001", job.time(), nonce)).reply().get("error").get(0).asInt());

            pool.publish(true, NO_BLOCKS);
            c.until("mining.notify");
            assertEquals(21, c.send(submit(11, clientJob, "00000002", job.time(), nonce)).reply().get("error").get(0).asInt(),
                    "stale after a clean job");
            StratumMetrics m = pool.server.metrics();
            assertEquals(1, m.sharesAccepted());
            assertEquals(1, m.rejects(RejectReason.DUPLICATE));
            assertEquals(1, m.rejects(RejectReason.LOW_DIFFICULTY));
            assertEquals(1, m.rejects(RejectReason.STALE_JOB));
            assertEquals(1, m.rejects(RejectReason.UNKNOWN_JOB));
        }
    }

    @Test
    void repliesKeepRequestOrderAndConfigureNegotiatesVersionRolling() throws Exception {
        try (TestPool pool = new TestPool(TestPool.easyConfig()); LineClient c = new LineClient(pool.port())) {
            pool.publish(true, NO_BLOCKS);
            c.send("{\"id\":1,\"method\":\"mining.configure\",\"params\":[[\"version-rolling\"],"
                    + "{\"version-rolling.mask\":\"ffffffff\",\"version-rolling.min-bit-count\":2}]}");
            JsonNode configure = c.reply();
            assertTrue(configure.get("result").get("version-rolling").asBoolean());
            assertEquals("1fffe000", configure.get("result").get("version-rolling.mask").asText());
            StringBuilder burst = new StringBuilder();
            for (int i = 10; i < 30; i++) {
                burst.append("{\"id\":").append(i).append(",\"method\":\"mining.get_transactions\",\"params\":[]}\n");
            }
            c.sendRaw(burst.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (int i = 10; i < 30; i++) {
                assertEquals(i, c.reply().get("id").asInt());
            }
        }
    }

    @Test
    void suggestDifficultyAsStringAndNumber() throws Exception {
        try (TestPool pool = new TestPool(TestPool.easyConfig()); LineClient c = new LineClient(pool.port())) {
            pool.publish(true, NO_BLOCKS);
            c.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}").reply();
            assertTrue(c.send("{\"id\":2,\"method\":\"mining.suggest_difficulty\",\"params\":[\"0.5\"]}").reply()
                    .get("result").asBoolean());
            c.send("{\"id\":3,\"method\":\"mining.authorize\",\"params\":[\"" + TestPool.ADDRESS + "\",\"x\"]}");
            assertEquals(0.5, c.until("mining.set_difficulty").get("params").get(0).asDouble());
            c.until("mining.notify");
            c.send("{\"id\":4,\"method\":\"mining.suggest_difficulty\",\"params\":[2]}");
            assertEquals(2.0, c.until("mining.set_difficulty").get("params").get(0).asDouble());
            assertFalse(c.until("mining.notify").get("params").get(8).asBoolean(), "retarget job is not clean");
        }
    }

    @Test
    void blockCandidateGoesToTheSink() throws Exception {
        try (TestPool pool = new TestPool(TestPool.easyConfig())) {
            pool.publish(true, 0x207fffff);
            try (CpuMiner miner = new CpuMiner("127.0.0.1", pool.port(), TestPool.ADDRESS, "x", new Sha256dAlgorithm(), 1,
                    line -> { }).start()) {
                waitFor(() -> !pool.blocks.isEmpty(), "a block");
            }
            byte[] block = pool.blocks.get(0);
            byte[] header = java.util.Arrays.copyOf(block, 80);
            assertTrue(Target.of(new java.math.BigInteger("7fffff", 16).shiftLeft(8 * 29)).isMetBy(Sha256d.hash(header)));
            assertTrue(pool.server.metrics().blocksFound() >= 1);
        }
    }

    @Test
    void vardiffRaisesDifficultyForAFastMinerWithANewJob() throws Exception {
        StratumServerConfig config = TestPool.easyConfig().withVardiff(new io.poolkit.stratum.vardiff.VardiffConfig(true,
                Duration.ofSeconds(10), Duration.ofSeconds(30), new BigDecimal("0.00000001"), new BigDecimal("1000"), 4));
        try (TestPool pool = new TestPool(config); LineClient c = new LineClient(pool.port())) {
            StratumJob job = pool.publish(true, NO_BLOCKS);
            JsonNode sub = c.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}").reply();
            byte[] ex1 = Hex.decode(sub.get("result").get(1).asText());
            c.send("{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"" + TestPool.ADDRESS + "\",\"x\"]}").reply();
            String clientJob = c.until("mining.notify").get("params").get(0).asText();
            Target target = DifficultyScale.BITCOIN.shareTarget(new BigDecimal("0.0000001"));
            for (int i = 0; i < 30; i++) {
                String ex2 = String.format("%08x", i);
                assertTrue(c.send(submit(10 + i, clientJob, ex2, job.time(), findNonce(job, ex1, ex2, target, true))).reply()
                        .get("result").asBoolean());
            }
            pool.clock.advance(Duration.ofSeconds(31));
            pool.server.tickAll();
            JsonNode raised = c.until("mining.set_difficulty");
            assertEquals(0, new BigDecimal("0.0000004").compareTo(raised.get("params").get(0).decimalValue()), raised.toString());
            JsonNode notify = c.until("mining.notify");
            assertFalse(notify.get("params").get(0).asText().equals(clientJob), "new difficulty travels with a new job id");
            // A share for the old job id is still judged at the old difficulty: no low-difficulty reject after a retarget.
            String ex2 = "000000ff";
            assertTrue(c.send(submit(99, clientJob, ex2, job.time(), findNonce(job, ex1, ex2, target, true))).reply()
                    .get("result").asBoolean());
        }
    }

    @Test
    void showMessageAndReconnectReachSubscribedMiners() throws Exception {
        try (TestPool pool = new TestPool(TestPool.easyConfig()); LineClient c = new LineClient(pool.port())) {
            pool.publish(true, NO_BLOCKS);
            c.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}").reply();
            pool.server.showMessage("maintenance at 12:00 UTC");
            assertEquals("maintenance at 12:00 UTC", c.until("client.show_message").get("params").get(0).asText());
            pool.server.reconnectAll("pool.example", 3334, 5);
            JsonNode reconnect = c.until("client.reconnect");
            assertEquals("pool.example", reconnect.get("params").get(0).asText());
            assertEquals(3334, reconnect.get("params").get(1).asInt());
        }
    }

    static String submit(int id, String jobId, String ex2, long ntime, long nonce) {
        return "{\"id\":" + id + ",\"method\":\"mining.submit\",\"params\":[\"" + TestPool.ADDRESS + ".w\",\"" + jobId
                + "\",\"" + ex2 + "\",\"" + String.format("%08x", ntime) + "\",\"" + String.format("%08x", nonce) + "\"]}";
    }

    /** The first nonce whose hash meets (or, with {@code meets} false, misses) the target. */
    static long findNonce(StratumJob job, byte[] ex1, String ex2, Target target, boolean meets) {
        byte[] coinbase = job.coinbase(ex1, Hex.decode(ex2));
        for (long nonce = 0; ; nonce++) {
            byte[] header = job.header(coinbase, job.time(), nonce, job.version());
            if (target.isMetBy(Sha256d.hash(header)) == meets) {
                return nonce;
            }
        }
    }

}
