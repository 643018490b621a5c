package io.poolkit.core.regtest;

import io.poolkit.core.testing.SteppableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.address.Addresses;
import io.poolkit.core.chain.BlockTemplate;
import io.poolkit.core.rpc.JsonRpcClient;
import io.poolkit.core.rpc.NodeCallResult;
import io.poolkit.core.rpc.NodeHealth;
import io.poolkit.core.rpc.NodeSet;
import io.poolkit.core.rpc.NodeStatus;
import io.poolkit.core.rpc.RetryPolicy;
import io.poolkit.core.rpc.RpcNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A node set over two real bcoin regtest nodes. Each has its own in-memory chain of a different
 * height, which tells which node answered. The primary stops: calls move to the secondary. The
 * primary comes back (same ports): after a re-probe it serves again. Found blocks go to both.
 */
@Tag("bcoin")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BcoinFailoverTest {


    private static BcoinRegtestNode primary;
    private static BcoinRegtestNode secondary;
    private final SteppableClock clock = new SteppableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    private NodeSet nodes;

    @BeforeAll
    static void startNodes() {
        primary = BcoinRegtestNode.start(BcoinRegtestNode.Options.defaults("primary"));
        secondary = BcoinRegtestNode.start(BcoinRegtestNode.Options.defaults("secondary"));
    }

    @AfterAll
    static void stopNodes() {
        if (primary != null) {
            primary.close();
        }
        if (secondary != null) {
            secondary.close();
        }
    }

    @BeforeEach
    void nodeSet() {
        nodes = new NodeSet(List.of(
                RpcNode.of(JsonRpcClient.create(secondary.nodeEndpoint(), Duration.ofSeconds(10)), 1),
                RpcNode.of(JsonRpcClient.create(primary.nodeEndpoint(), Duration.ofSeconds(10)), 2)),
                NodeSet.Options.defaults().withCallTimeout(Duration.ofSeconds(10)), clock);
    }

    @AfterEach
    void closeNodeSet() {
        nodes.close();
    }

    @Test
    @Order(1)
    void foundBlocksGoToEveryNode() {
        // Both chains are at genesis: one block built on the primary's template extends both.
        BlockTemplate template = BlockTemplate.parse(nodes.call("getblocktemplate", BlockTemplate.REQUEST_PARAMS));
        assertEquals(1, template.height());
        RegtestMining.Solved solved = RegtestMining.solve(template,
                Addresses.parse(primary.getNewAddress(), primary.network()), new byte[4], new byte[4]);

        List<NodeCallResult> results = nodes.callAll("submitblock", List.of(solved.blockHex()),
                new RetryPolicy(2, Duration.ZERO));
        assertEquals(List.of("primary", "secondary"), results.stream().map(NodeCallResult::node).toList());
        assertTrue(results.get(0).blockAccepted(), results.get(0).toString());
        assertTrue(results.get(1).blockAccepted(), results.get(1).toString());
        assertEquals(solved.header().hashDisplayHex(), primary.getBestBlockHash());
        assertEquals(solved.header().hashDisplayHex(), secondary.getBestBlockHash());

        // Again: both already have it. bcoin says "rejected: duplicate" (also for blocks it knows are invalid,
        // so that answer does not count as accepted).
        for (NodeCallResult again : nodes.submitBlock(solved.blockHex())) {
            assertFalse(again.blockAccepted());
            assertEquals("rejected: duplicate", again.rejectReason().orElseThrow());
            assertEquals(1, again.attempts());
        }
    }

    @Test
    @Order(2)
    void primaryDownSecondaryServesPrimaryBackServesAgain() {
        primary.generateToAddress(3, primary.getNewAddress());
        secondary.generateToAddress(7, secondary.getNewAddress());
        long primaryHeight = primary.getBlockCount();
        long secondaryHeight = secondary.getBlockCount();
        assertNotEquals(primaryHeight, secondaryHeight);

        assertEquals(primaryHeight, height(), "the higher-priority node serves");
        assertEquals(primaryHeight + 1, BlockTemplate.parse(nodes.call("getblocktemplate", BlockTemplate.REQUEST_PARAMS))
                .height());

        primary.stop();
        assertEquals(secondaryHeight, height(), "with the primary down the secondary serves the same call");
        assertEquals(secondaryHeight + 1, BlockTemplate.parse(nodes.call("getblocktemplate",
                BlockTemplate.REQUEST_PARAMS)).height());
        NodeStatus down = status("primary");
        assertEquals(NodeHealth.DOWN, down.health());
        assertFalse(down.active());
        assertTrue(down.lastError().orElseThrow().contains("cannot connect"), down.lastError().orElseThrow());
        assertTrue(status("secondary").active());

        // A found block still reaches the live node; the down one gets its one attempt.
        List<NodeCallResult> oneDown = nodes.callAll("getblockcount", List.of(), new RetryPolicy(3, Duration.ZERO));
        assertFalse(oneDown.get(0).succeeded());
        assertEquals(1, oneDown.get(0).attempts());
        assertEquals(secondaryHeight, oneDown.get(1).result().orElseThrow().longValue());

        primary.restart();
        primary.generateToAddress(2, primary.getNewAddress());
        assertEquals(secondaryHeight, height(), "a down node is not used before its re-probe");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(1, nodes.probeDueNodes());
        assertEquals(2, height(), "the restarted primary serves again once a probe found it up");
        assertEquals("primary", nodes.activeNode().orElseThrow());
        assertEquals(NodeHealth.UP, status("primary").health());
    }

    private long height() {
        return nodes.call("getblockcount", List.of()).longValue();
    }

    private NodeStatus status(String name) {
        return nodes.statuses().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
