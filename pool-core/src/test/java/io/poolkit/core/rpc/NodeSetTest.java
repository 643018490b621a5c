package io.poolkit.core.rpc;

import io.poolkit.core.testing.SteppableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failover logic with scripted nodes and a clock the test moves. */
class NodeSetTest {

    /** A node whose behaviour the test switches; records the methods it was called with. */
    static final class FakeNode implements JsonRpc {
        final String name;
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile Function<String, JsonNode> behaviour;

        FakeNode(String name, int answer) {
            this.name = name;
            this.behaviour = m -> IntNode.valueOf(answer);
        }

        void down() {
            behaviour = m -> {
                throw new RpcTransportException(RpcTransportException.Kind.CONNECT, name, m, "connection refused", null);
            };
        }

        void answer(JsonNode value) {
            behaviour = m -> value;
        }

        @Override
        public JsonNode call(String method, List<?> params, Duration timeout) {
            calls.add(method);
            return behaviour.apply(method);
        }

        @Override
        public JsonNode call(String method, List<?> params) {
            return call(method, params, Duration.ofSeconds(1));
        }
    }


    private final FakeNode primary = new FakeNode("primary", 1);
    private final FakeNode backup = new FakeNode("backup", 2);
    private final FakeNode spare = new FakeNode("spare", 3);
    private final SteppableClock clock = new SteppableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    private final NodeSet set = new NodeSet(List.of(
            new RpcNode("spare", "http://127.0.0.1:3/", 1, spare),
            new RpcNode("primary", "http://127.0.0.1:1/", 10, primary),
            new RpcNode("backup", "http://127.0.0.1:2/", 5, backup)),
            NodeSet.Options.defaults().withReprobeInterval(Duration.ofSeconds(2)), clock);

    @AfterEach
    void close() {
        set.close();
    }

    private int count() {
        return set.call("getblockcount", List.of()).intValue();
    }

    @Test
    void highestPriorityServes() {
        assertEquals(1, count());
        assertEquals(List.of("primary", "backup", "spare"), set.statuses().stream().map(NodeStatus::name).toList());
        assertEquals("primary", set.activeNode().orElseThrow());
        NodeStatus p = set.statuses().get(0);
        assertEquals(NodeHealth.UP, p.health());
        assertTrue(p.active());
        assertTrue(p.lastRtt().isPresent());
        assertEquals("http://127.0.0.1:1/", p.url());
        assertEquals(NodeHealth.UNKNOWN, set.statuses().get(1).health());
    }

    @Test
    void failingNodeIsMarkedDownAndTheNextServesTheSameCall() {
        primary.down();
        assertEquals(2, count());
        NodeStatus p = set.statuses().get(0);
        assertEquals(NodeHealth.DOWN, p.health());
        assertFalse(p.active());
        assertTrue(p.lastError().orElseThrow().contains("connection refused"));
        assertEquals(clock.instant(), p.downSince().orElseThrow());
        assertEquals("backup", set.activeNode().orElseThrow());
        // A down node is not called again until it is re-probed.
        primary.calls.clear();
        assertEquals(2, count());
        assertTrue(primary.calls.isEmpty());
    }

    @Test
    void betterNodeIsUsedAgainAfterAReprobe() {
        primary.down();
        assertEquals(2, count());
        primary.answer(IntNode.valueOf(1));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, set.probeDueNodes(), "the re-probe interval has not passed");
        assertEquals(2, count());
        clock.advance(Duration.ofSeconds(1));
        set.probeDueNodes();
        assertEquals(NodeHealth.UP, set.statuses().get(0).health());
        assertEquals(1, count());
        assertEquals("primary", set.activeNode().orElseThrow());
    }

    @Test
    void failedProbeKeepsTheNodeDownAndRestsAgain() {
        primary.down();
        count();
        clock.advance(Duration.ofSeconds(2));
        assertEquals(0, set.probeDueNodes());
        primary.calls.clear();
        clock.advance(Duration.ofSeconds(1));
        set.probeDueNodes();
        assertTrue(primary.calls.isEmpty(), "probed again before resting a full interval");
    }

    @Test
    void nodeErrorsPassThroughWithoutFailover() {
        primary.behaviour = m -> {
            throw new RpcException("primary", m, -5, "Block not found");
        };
        RpcException e = assertThrows(RpcException.class, () -> set.call("getblock", List.of("00")));
        assertEquals(-5, e.code());
        assertEquals(NodeHealth.UP, set.statuses().get(0).health());
        assertTrue(backup.calls.isEmpty());
    }

    @Test
    void warmingUpCountsAsDown() {
        primary.behaviour = m -> {
            throw new RpcException("primary", m, RpcException.IN_WARMUP, "Loading block index...");
        };
        assertEquals(2, count());
        assertEquals(NodeHealth.DOWN, set.statuses().get(0).health());
    }

    @Test
    void everyNodeDownIsOneClearError() {
        primary.down();
        backup.down();
        spare.down();
        RpcTransportException e = assertThrows(RpcTransportException.class, this::count);
        assertEquals(RpcTransportException.Kind.NO_LIVE_NODE, e.kind());
        assertTrue(e.getMessage().contains("primary: connection refused"), e.getMessage());
        assertTrue(e.getMessage().contains("spare: connection refused"), e.getMessage());
        assertTrue(set.activeNode().isEmpty());
        // When all are down, a call probes the ones that are due; a node that came back serves it.
        spare.answer(IntNode.valueOf(3));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(3, count());
    }

    @Test
    void callAllReachesEveryNodeWithRetries() {
        backup.down();
        int[] spareCalls = {0};
        spare.behaviour = m -> {
            if (++spareCalls[0] < 3) {
                throw new RpcTransportException(RpcTransportException.Kind.TIMEOUT, "spare", m, "timed out", null);
            }
            return TextNode.valueOf("duplicate");
        };
        primary.answer(NullNode.getInstance());
        List<NodeCallResult> results = set.callAll("submitblock", List.of("00"), new RetryPolicy(3, Duration.ZERO));
        assertEquals(List.of("primary", "backup", "spare"), results.stream().map(NodeCallResult::node).toList());
        assertTrue(results.get(0).blockAccepted());
        assertEquals(1, results.get(0).attempts());
        assertFalse(results.get(1).succeeded());
        assertEquals(3, results.get(1).attempts());
        assertTrue(results.get(1).rejectReason().orElseThrow().contains("connection refused"));
        assertTrue(results.get(2).blockAccepted());
        assertEquals(3, results.get(2).attempts());
        // Now backup is known down: it gets a single attempt next time.
        backup.calls.clear();
        set.callAll("submitblock", List.of("00"), new RetryPolicy(3, Duration.ZERO));
        assertEquals(1, backup.calls.size());
    }

    @Test
    void callAllDoesNotRetryAnswers() {
        primary.answer(TextNode.valueOf("high-hash"));
        List<NodeCallResult> results = set.callAll("submitblock", List.of("00"), new RetryPolicy(5, Duration.ZERO));
        assertEquals(1, results.get(0).attempts());
        assertFalse(results.get(0).blockAccepted());
        assertEquals("high-hash", results.get(0).rejectReason().orElseThrow());
        primary.behaviour = m -> {
            throw new RpcException("primary", m, -22, "Block decode failed");
        };
        NodeCallResult r = set.callAll("submitblock", List.of("00"), new RetryPolicy(5, Duration.ZERO)).get(0);
        assertEquals(1, r.attempts());
        assertTrue(r.error().orElseThrow() instanceof RpcException);
    }

    @Test
    void scheduledProbingRevivesDownNodes() throws Exception {
        primary.down();
        count();
        java.util.concurrent.CountDownLatch probed = new java.util.concurrent.CountDownLatch(1);
        primary.behaviour = m -> {
            probed.countDown();
            return IntNode.valueOf(1);
        };
        clock.advance(Duration.ofSeconds(2));
        java.util.concurrent.ScheduledExecutorService scheduler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            java.util.concurrent.ScheduledFuture<?> probing = set.startProbing(scheduler, Duration.ofMillis(10));
            assertTrue(probed.await(10, java.util.concurrent.TimeUnit.SECONDS), "the scheduler never probed");
            probing.cancel(false);
            // Let the probe that is running finish (it marks the node up after the call returns).
            scheduler.shutdown();
            assertTrue(scheduler.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            scheduler.shutdownNow();
        }
        assertEquals(1, count());
    }

    @Test
    void rejectsDuplicateNamesAndEmptySets() {
        assertThrows(IllegalArgumentException.class, () -> NodeSet.of(List.of(), clock));
        List<RpcNode> twice = new ArrayList<>();
        twice.add(new RpcNode("a", "u", 1, primary));
        twice.add(new RpcNode("a", "u", 2, backup));
        assertThrows(IllegalArgumentException.class, () -> NodeSet.of(twice, clock));
    }
}
