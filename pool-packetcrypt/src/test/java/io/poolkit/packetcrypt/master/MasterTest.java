package io.poolkit.packetcrypt.master;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.rpc.JsonRpcClient;
import io.poolkit.core.rpc.RpcEndpoint;
import io.poolkit.packetcrypt.Vectors;
import io.poolkit.packetcrypt.http.Http;
import io.poolkit.packetcrypt.http.Jsons;
import io.poolkit.packetcrypt.http.RoleServer;
import io.poolkit.packetcrypt.pool.WorkFile;
import io.poolkit.packetcrypt.sim.PktdSimulator;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Master against the pktd simulator: work bytes, cache headers, long poll, blkinfo, hostile paths. */
class MasterTest {

    static final String SEED = "packetcrypt test pool seed";

    @TempDir
    Path dir;
    PktdSimulator node;
    Master master;
    RoleServer server;

    @BeforeEach
    void start() throws Exception {
        node = new PktdSimulator();
        master = new Master(settings(800), JsonRpcClient.create(RpcEndpoint.parse("sim", node.url())));
        server = new RoleServer("master", "127.0.0.1", 0, 0, 16, master).start();
    }

    MasterSettings settings(long longPoll) {
        return new MasterSettings("http://master", List.of("http://ann0", "http://ann1"), List.of("http://blk0"),
                "http://paymaker", 64, 4, List.of(1), 2, longPoll, Optional.of(SEED), Optional.of(dir));
    }

    @AfterEach
    void stop() {
        server.close();
        node.close();
    }

    void mineTo(int height) {
        while (node.tip() < height) {
            node.advance();
            assertTrue(master.poll());
        }
    }

    @Test
    void workForTheVectorHeightIsTheRecordedWorkFileByteForByte() {
        assertTrue(master.poll());
        assertFalse(master.poll(), "same tip: nothing new");
        mineTo(PktdSimulator.SHARE_HEIGHT - 1);
        HttpResponse<byte[]> r = Http.get(server.baseUrl() + "/work_" + PktdSimulator.SHARE_HEIGHT + ".bin", Map.of());
        assertEquals(200, r.statusCode());
        assertEquals("max-age=1000", r.headers().firstValue("cache-control").orElseThrow());
        JsonNode wt = Vectors.pcp().get("common").get("work_template");
        assertArrayEquals(Vectors.hex(wt.get("work_bin_hex")), r.body());
        WorkFile w = WorkFile.parse(r.body());
        assertEquals(0x1f3ffffc, w.shareTarget());
    }

    @Test
    void configJsonHasTheDocumentedFieldsAndCacheHeader() throws Exception {
        master.poll();
        HttpResponse<byte[]> r = Http.get(server.baseUrl() + "/config.json", Map.of());
        assertEquals("max-age=8 stale-while-revalidate=2", r.headers().firstValue("cache-control").orElseThrow());
        JsonNode c = Jsons.MAPPER.readTree(r.body());
        assertEquals(PktdSimulator.FIRST + 1, c.get("currentHeight").asInt());
        assertEquals(node.hashDisplay(PktdSimulator.FIRST), c.get("tipHash").asText());
        assertEquals("http://ann1/submit", c.get("submitAnnUrls").get(1).asText());
        assertEquals("http://blk0/submit", c.get("submitBlockUrls").get(0).asText());
        assertEquals(3, c.get("version").asInt());
        assertEquals(master.annTarget(), c.get("annTarget").asInt());
        // Signing key for the first height matches the vectors' pool key.
        HttpResponse<byte[]> w = Http.get(server.baseUrl() + "/work_" + (PktdSimulator.FIRST + 1) + ".bin", Map.of());
        assertEquals(Vectors.pcp().get("common").get("pool_signing_pubkey_hex").asText(),
                io.poolkit.core.bytes.Hex.encode(WorkFile.parse(w.body()).signingKey()));
    }

    @Test
    void theNextWorkIsLongPolledAndTimesOutWithTryAgain() throws Exception {
        master.poll();
        int next = master.currentHeight() + 1;
        HttpResponse<byte[]> timeout = Http.get(server.baseUrl() + "/work_" + next + ".bin", Map.of());
        assertEquals(300, timeout.statusCode());
        assertEquals("try-again", timeout.headers().firstValue("x-pc-longpoll").orElseThrow());
        assertEquals("no-store", timeout.headers().firstValue("cache-control").orElseThrow());
        CompletableFuture<HttpResponse<byte[]>> waiting = CompletableFuture.supplyAsync(
                () -> Http.get(server.baseUrl() + "/work_" + next + ".bin", Map.of()));
        Thread.sleep(100);
        node.advance();
        master.poll();
        HttpResponse<byte[]> r = waiting.get();
        assertEquals(200, r.statusCode());
        assertEquals(next, WorkFile.parse(r.body()).height());
        assertEquals(404, Http.get(server.baseUrl() + "/work_" + (next + 5) + ".bin", Map.of()).statusCode());
    }

    @Test
    void blkinfoIsForeverCacheableAndCarriesTheNextHeightsKey() throws Exception {
        mineTo(PktdSimulator.FIRST + 2);
        HttpResponse<byte[]> r = Http.get(server.baseUrl() + "/blkinfo_" + node.hashDisplay(PktdSimulator.FIRST) + ".json", Map.of());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("cache-control").orElseThrow().contains("max-age=31536000"));
        JsonNode b = Jsons.MAPPER.readTree(r.body());
        assertEquals(PktdSimulator.FIRST, b.get("header").get("height").asInt());
        assertFalse(b.get("header").has("confirmations"));
        assertFalse(b.get("header").has("nextblockhash"));
        assertEquals(Vectors.pcp().get("common").get("pool_signing_pubkey_hex").asText(), b.get("sigKey").asText());
        assertEquals(404, Http.get(server.baseUrl() + "/blkinfo_" + "ab".repeat(32) + ".json", Map.of()).statusCode());
    }

    @Test
    void hostileRequestsGetClearErrors() {
        master.poll();
        assertEquals(404, Http.get(server.baseUrl() + "/work_99999999999.bin", Map.of()).statusCode());
        assertEquals(404, Http.get(server.baseUrl() + "/work_-1.bin", Map.of()).statusCode());
        assertEquals(404, Http.get(server.baseUrl() + "/blkinfo_XYZ.json", Map.of()).statusCode());
        assertEquals(404, Http.get(server.baseUrl() + "/../../etc/passwd", Map.of()).statusCode());
        assertEquals(405, Http.post(server.baseUrl() + "/config.json", new byte[0], Map.of()).statusCode());
        assertEquals(413, Http.post(server.baseUrl() + "/config.json", new byte[10], Map.of()).statusCode());
        assertTrue(((Long) master.status().get("badRequests")) >= 4);
    }

    @Test
    void aRestartedMasterReusesItsWorkFiles() throws Exception {
        master.poll();
        byte[] before = Http.get(server.baseUrl() + "/work_" + master.currentHeight() + ".bin", Map.of()).body();
        Master again = new Master(settings(800), JsonRpcClient.create(RpcEndpoint.parse("sim", node.url())));
        again.poll();
        try (RoleServer s2 = new RoleServer("master2", "127.0.0.1", 0, 0, 4, again).start()) {
            assertArrayEquals(before, Http.get(s2.baseUrl() + "/work_" + again.currentHeight() + ".bin", Map.of()).body());
        }
    }
}
