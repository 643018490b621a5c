package io.poolkit.stratum.server;

import static io.poolkit.stratum.server.ServerTestSupport.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.pow.Sha256dAlgorithm;
import io.poolkit.stratum.miner.CpuMiner;
import io.poolkit.stratum.share.RejectReason;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile clients on loopback: malformed and oversized lines, wrong types, bad hex, floods,
 * half-open sockets, too many connections. Throughout, a well-behaved miner connected first keeps
 * getting shares accepted.
 */
class StratumServerHostileTest {

    private static final int NO_BLOCKS = 0x1d00ffff;

    @Test
    void garbageIsAnsweredAndCountedWhileAHonestMinerKeepsMining() throws Exception {
        try (TestPool pool = new TestPool(TestPool.easyConfig());
             CpuMiner honest = startHonestMiner(pool);
             LineClient c = new LineClient(pool.port())) {
            long before = honest.stats().accepted();
            String[] garbage = {"not json", "{", "[1,2,3]", "{\"id\":1}", "{\"id\":2,\"method\":42}",
                "{\"id\":3,\"method\":\"mining.subscribe\",\"params\":\"x\"}", "{\"id\":4,\"method\":\"no.such\"}",
                "{\"id\":5,\"method\":\"mining.authorize\",\"params\":[1,2]}", "\u0000\u0001\u0002",
                "{\"id\":{\"a\":1},\"method\":\"mining.bogus\"}"};
            for (String line : garbage) {
                JsonNode reply = c.send(line).reply();
                // 20 (other) for everything, except authorize before subscribe: 25 (not subscribed).
                assertEquals(line.contains("authorize") ? 25 : 20, reply.get("error").get(0).asInt(), line);
            }
            c.send("{\"id\":6,\"method\":\"mining.subscribe\",\"params\":[]}").reply();
            c.send("{\"id\":7,\"method\":\"mining.authorize\",\"params\":[\"" + TestPool.ADDRESS + "\",\"x\"]}");
            String job = c.until("mining.notify").get("params").get(0).asText();
            String[] badSubmits = {
                "[\"w\",\"" + job + "\",\"zz\",\"00000000\",\"00000000\"]",
                "[\"w\",\"" + job + "\",\"00000000\",\"0000\",\"00000000\"]",
                "[\"w\",\"" + job + "\",\"00000000\",\"6553f100\",\"nothex!!\"]",
                "[\"w\",\"" + job + "\",1,2,3]",
                "[\"w\"]"};
            int id = 100;
            for (String params : badSubmits) {
                JsonNode reply = c.send("{\"id\":" + id++ + ",\"method\":\"mining.submit\",\"params\":" + params + "}").reply();
                assertTrue(reply.get("error").isArray(), params);
            }
            waitFor(() -> honest.stats().accepted() >= before + 10, "the honest miner keeps getting shares");
            StratumMetrics m = pool.server.metrics();
            assertTrue(m.protocolErrors() >= garbage.length);
            assertTrue(m.rejects(RejectReason.BAD_EXTRANONCE2) + m.rejects(RejectReason.BAD_NTIME)
                    + m.rejects(RejectReason.BAD_NONCE) + m.rejects(RejectReason.MALFORMED) >= 3);
        }
    }

    @Test
    void oversizedLineDisconnectsAndBansButOthersAreServed() throws Exception {
        try (TestPool pool = new TestPool(TestPool.easyConfig()); CpuMiner honest = startHonestMiner(pool)) {
            long before = honest.stats().accepted();
            try (LineClient big = new LineClient(pool.port())) {
                big.sendRaw(("{\"id\":1,\"method\":\"" + "x".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
                assertTrue(big.closedByServer());
            }
            assertEquals(1, pool.server.metrics().oversizedLines());
            // The address is banned now: new connections from it are refused ...
            try (LineClient again = new LineClient(pool.port())) {
                assertTrue(again.closedByServer());
            }
            assertTrue(pool.server.metrics().refusedConnections() >= 1);
            // ... until the ban expires.
            pool.clock.advance(Duration.ofMinutes(11));
            try (LineClient later = new LineClient(pool.port())) {
                assertTrue(later.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}").reply().get("result").isArray());
            }
            waitFor(() -> honest.stats().accepted() >= before + 10, "the honest miner keeps getting shares");
        }
    }

    @Test
    void floodDisconnectsTheFlooder() throws Exception {
        try (TestPool pool = new TestPool(TestPool.easyConfig()); CpuMiner honest = startHonestMiner(pool)) {
            long before = honest.stats().accepted();
            try (LineClient flood = new LineClient(pool.port())) {
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < 2000; i++) {
                    lines.append("{\"id\":").append(i).append(",\"method\":\"mining.extranonce.subscribe\",\"params\":[]}\n");
                }
                try {
                    flood.sendRaw(lines.toString().getBytes(StandardCharsets.UTF_8));
                } catch (IOException closedWhileWriting) {
                    // the server may already have hung up
                }
                assertTrue(flood.closedByServer());
            }
            assertTrue(pool.server.metrics().bans() >= 1);
            waitFor(() -> honest.stats().accepted() >= before + 10, "the honest miner keeps getting shares");
        }
    }

    @Test
    void halfOpenAndSilentConnectionsAreDropped() throws Exception {
        try (TestPool pool = new TestPool(TestPool.easyConfig()); CpuMiner honest = startHonestMiner(pool)) {
            List<Socket> silent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                silent.add(new Socket("127.0.0.1", pool.port()));
            }
            waitFor(() -> pool.server.metrics().connections() == 6, "6 connections");
            pool.clock.advance(Duration.ofSeconds(61));
            pool.server.tickAll();
            waitFor(() -> pool.server.metrics().connections() == 1, "silent connections dropped");
            for (Socket s : silent) {
                s.close();
            }
            assertTrue(honest.isRunning(), "the authorized miner stays");
        }
    }

    @Test
    void perIpConnectionLimit() throws Exception {
        StratumServerConfig config = TestPool.easyConfig().withLimits(3, 100, Duration.ofMinutes(10), Duration.ofSeconds(60));
        try (TestPool pool = new TestPool(config)) {
            pool.publish(true, NO_BLOCKS);
            List<LineClient> clients = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                clients.add(new LineClient(pool.port()));
            }
            for (LineClient c : clients) {
                assertTrue(c.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}").reply().get("result").isArray());
            }
            try (LineClient fourth = new LineClient(pool.port())) {
                assertTrue(fourth.closedByServer());
            }
            assertEquals(1, pool.server.metrics().refusedConnections());
            clients.get(0).close();
            waitFor(() -> pool.server.metrics().connections() == 2, "a slot frees up");
            try (LineClient fifth = new LineClient(pool.port())) {
                assertFalse(fifth.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}").reply().isNull());
            }
            for (LineClient c : clients) {
                c.close();
            }
        }
    }

    @Test
    void repeatedInvalidSharesBan() throws Exception {
        try (TestPool pool = new TestPool(TestPool.easyConfig()); LineClient c = new LineClient(pool.port())) {
            pool.publish(true, NO_BLOCKS);
            c.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}").reply();
            c.send("{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"" + TestPool.ADDRESS + "\",\"x\"]}");
            String job = c.until("mining.notify").get("params").get(0).asText();
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                lines.append("{\"id\":").append(10 + i).append(",\"method\":\"mining.submit\",\"params\":[\"w\",\"").append(job)
                        .append("\",\"0000\",\"00000000\",\"00000000\"]}\n");
            }
            c.sendRaw(lines.toString().getBytes(StandardCharsets.UTF_8));
            assertTrue(c.closedByServer());
            assertEquals(1, pool.server.metrics().bans());
        }
    }

    private static CpuMiner startHonestMiner(TestPool pool) throws Exception {
        pool.publish(true, NO_BLOCKS);
        CpuMiner miner = new CpuMiner("127.0.0.1", pool.port(), TestPool.ADDRESS + ".honest", "x", new Sha256dAlgorithm(), 1,
                line -> { }).start();
        waitFor(() -> miner.stats().accepted() >= 3, "the honest miner's first shares");
        return miner;
    }
}
