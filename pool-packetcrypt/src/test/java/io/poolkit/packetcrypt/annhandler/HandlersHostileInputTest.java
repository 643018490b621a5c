package io.poolkit.packetcrypt.annhandler;

import io.poolkit.core.testing.SteppableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.bytes.LittleEndian;
import io.poolkit.core.rpc.JsonRpcClient;
import io.poolkit.core.rpc.RpcEndpoint;
import io.poolkit.packetcrypt.Vectors;
import io.poolkit.packetcrypt.blkhandler.BlkHandler;
import io.poolkit.packetcrypt.http.Http;
import io.poolkit.packetcrypt.http.Jsons;
import io.poolkit.packetcrypt.http.RoleServer;
import io.poolkit.packetcrypt.master.Master;
import io.poolkit.packetcrypt.master.MasterClient;
import io.poolkit.packetcrypt.master.MasterSettings;
import io.poolkit.packetcrypt.paymaker.PaylogUploader;
import io.poolkit.packetcrypt.sim.PktdSimulator;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input to the AnnHandler and the BlkHandler (with the real Master on the pktd simulator):
 * every request gets a clear 4xx, nothing is credited, and the counters say what happened.
 */
class HandlersHostileInputTest {

    static final String SEED = "packetcrypt test pool seed";
    static final String PAYTO = "pHostileTestMiner000001";
    static PktdSimulator node;
    static RoleServer masterServer;
    static RoleServer annServer;
    static RoleServer blkServer;
    static AnnHandler ann;
    static BlkHandler blk;
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path spool;
    static PaylogUploader annLog;
    static PaylogUploader blkLog;
    static final List<byte[]> ANNS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        node = new PktdSimulator();
        JsonRpcClient rpc = JsonRpcClient.create(RpcEndpoint.parse("sim", node.url()));
        Master master = new Master(new MasterSettings("http://m", List.of("http://a"), List.of("http://b"), "http://p",
                8, 4, List.of(1), 2, 500, Optional.of(SEED), Optional.empty()), rpc);
        master.poll();
        while (node.tip() < PktdSimulator.SHARE_HEIGHT - 1) {
            node.advance();
            master.poll();
        }
        masterServer = new RoleServer("master", "127.0.0.1", 0, 0, 8, master).start();
        SteppableClock clock = new SteppableClock(java.time.Instant.ofEpochMilli(1_700_000_000_000L));
        // Nobody listens at this PayMaker URL: events stay pending, which the tests read.
        annLog = new PaylogUploader("http://127.0.0.1:9", "pw", spool.resolve("ann"));
        blkLog = new PaylogUploader("http://127.0.0.1:9", "pw", spool.resolve("blk"));
        ann = new AnnHandler(new AnnHandlerSettings(0, 1, 0.0, 1024, 8, 30_000, 6),
                new MasterClient(masterServer.baseUrl(), clock), annLog, clock, new SplittableRandom(7));
        annServer = new RoleServer("ann", "127.0.0.1", 0, 4 * 1024, 8, ann).start();
        blk = new BlkHandler(new MasterClient(masterServer.baseUrl(), clock), rpc, blkLog, Optional.of(SEED), clock);
        blkServer = new RoleServer("blk", "127.0.0.1", 0, 65535, 8, blk).start();
        Vectors.pcp().get("common").get("announcements_hex").forEach(h -> ANNS.add(Hex.decode(h.asText())));
    }

    @AfterAll
    static void stop() {
        annServer.close();
        blkServer.close();
        masterServer.close();
        node.close();
    }

    static HttpResponse<byte[]> postAnns(byte[] body, Map<String, String> headers) {
        return Http.post(annServer.baseUrl() + "/submit", body, headers);
    }

    static Map<String, String> annHeaders() {
        return Map.of("x-pc-payto", PAYTO, "x-pc-worknum", Integer.toString(PktdSimulator.FIRST + 1), "x-pc-sver", "1");
    }

    static String error(HttpResponse<byte[]> r) throws Exception {
        return Jsons.MAPPER.readTree(r.body()).get("error").get(0).asText();
    }

    @Test
    void annBatchesWithBadHeadersOrShapesAreRefused() throws Exception {
        byte[] one = ANNS.get(0);
        assertEquals(400, postAnns(one, Map.of("x-pc-worknum", "497732")).statusCode());
        assertEquals(400, postAnns(one, Map.of("x-pc-payto", "p@y!", "x-pc-worknum", "497732")).statusCode());
        assertEquals(400, postAnns(one, Map.of("x-pc-payto", "p".repeat(64), "x-pc-worknum", "497732")).statusCode());
        assertEquals(400, postAnns(one, Map.of("x-pc-payto", PAYTO, "x-pc-worknum", "abc")).statusCode());
        assertTrue(error(postAnns(one, Map.of("x-pc-payto", PAYTO, "x-pc-worknum", "497999"))).contains("not a height"));
        assertEquals(400, postAnns(one, Map.of("x-pc-payto", PAYTO, "x-pc-worknum", "0")).statusCode());
        assertEquals(400, postAnns(new byte[0], annHeaders()).statusCode());
        assertEquals(400, postAnns(new byte[1023], annHeaders()).statusCode());
        assertEquals(413, postAnns(new byte[4 * 1024 + 1], annHeaders()).statusCode());
        assertEquals(405, Http.get(annServer.baseUrl() + "/submit", Map.of()).statusCode());
        // An ann for another parent height than the header says.
        assertTrue(error(postAnns(one, Map.of("x-pc-payto", PAYTO, "x-pc-worknum", "497733"))).contains("parent height"));
        // Garbage: version 0xff.
        byte[] garbage = new SplittableRandom(3).ints(1024, 0, 256).collect(java.io.ByteArrayOutputStream::new,
                (o, b) -> o.write(b), (a, b) -> { }).toByteArray();
        garbage[0] = (byte) 0xff;
        assertTrue(error(postAnns(garbage, annHeaders())).contains("version"));
    }

    @Test
    void annsThatBreakPoolRulesRefuseTheBatch() throws Exception {
        byte[] easy = ANNS.get(0).clone();
        LittleEndian.writeInt32(easy, 8, 0x207fffff);
        assertTrue(error(postAnns(easy, annHeaders())).contains("ann target"));
        byte[] strangeKey = ANNS.get(0).clone();
        strangeKey[60] = 1;
        assertTrue(error(postAnns(strangeKey, annHeaders())).contains("not this pool's"));
        byte[] content = ANNS.get(0).clone();
        content[30] = 7;
        assertTrue(error(postAnns(content, annHeaders())).contains("content hash"));
    }

    @Test
    void invalidAnnsAreCountedAndReplaysAreDuplicates() throws Exception {
        byte[] tampered = ANNS.get(1).clone();
        tampered[200] ^= 1; // merkle branch
        JsonNode r = Jsons.MAPPER.readTree(postAnns(tampered, annHeaders()).body()).get("result");
        assertEquals(1, r.get("inval").asInt());
        assertEquals(0, r.get("accepted").asInt());
        byte[] good = ANNS.get(2);
        assertEquals(1, Jsons.MAPPER.readTree(postAnns(good, annHeaders()).body()).get("result").get("accepted").asInt());
        JsonNode again = Jsons.MAPPER.readTree(postAnns(good, annHeaders()).body()).get("result");
        assertEquals(0, again.get("accepted").asInt());
        assertEquals(1, again.get("dup").asInt());
        assertEquals(404, Http.get(annServer.baseUrl() + "/anns/anns_1_0_999.bin", Map.of()).statusCode());
        assertEquals(404, Http.get(annServer.baseUrl() + "/anns/../etc/passwd", Map.of()).statusCode());
        assertTrue(ann.counters().get("annsInval") >= 1);
    }

    static byte[] shareBody(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode b = Vectors.pcp().get("vectors").get("share").get("blkhandler_submit_body").deepCopy();
        change.accept(b);
        return Jsons.write(b).getBytes(StandardCharsets.UTF_8);
    }

    static HttpResponse<byte[]> postShare(byte[] body) {
        return Http.post(blkServer.baseUrl() + "/submit", body, Map.of("x-pc-payto", PAYTO));
    }

    static String hapWith(int offset, int xor) {
        byte[] hap = Vectors.hex(Vectors.pcp().get("vectors").get("share").get("blkhandler_submit_body").get("header_and_proof"));
        hap[offset] ^= (byte) xor;
        return Hex.encode(hap);
    }

    @Test
    void hostileSharesAreRefusedWithReasons() throws Exception {
        assertEquals(400, postShare("not json".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(400, postShare("{\"coinbase_commit\":1}".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(400, postShare(shareBody(b -> b.put("coinbase_commit", "zz"))).statusCode());
        assertEquals(400, postShare(shareBody(b -> b.put("coinbase_commit", "09f91102"))).statusCode());
        assertEquals(400, postShare(shareBody(b -> b.put("header_and_proof", "00".repeat(80)))).statusCode());
        assertEquals(400, postShare(shareBody(b -> b.put("header_and_proof", hapWith(80, 0x07)))).statusCode());
        assertEquals(413, postShare(new byte[65536]).statusCode());
        assertTrue(error(postShare(shareBody(b -> b.put("header_and_proof", hapWith(10, 1))))).contains("wrong work"));
        assertTrue(error(postShare(shareBody(b -> b.put("header_and_proof", hapWith(40, 1))))).contains("merkle root"));
        assertTrue(error(postShare(shareBody(b -> b.put("header_and_proof", hapWith(77, 0x55))))).contains("share rejected"));
        assertTrue(error(postShare(shareBody(b -> b.put("header_and_proof", hapWith(600, 1))))).contains("rejected"));
        assertEquals(405, Http.get(blkServer.baseUrl() + "/submit", Map.of()).statusCode());
        assertEquals(0, blk.counters().get("sharesAccepted"));
    }

    @Test
    void aShareTheNodeCallsABlockIsSubmittedOnceAndAReplayIsRefused() throws Exception {
        node.answerCheckPcShare("RESUBMIT_AS_BLOCK");
        try {
            HttpResponse<byte[]> r = postShare(shareBody(b -> { }));
            assertEquals(200, r.statusCode(), Http.text(r));
            JsonNode ev = Jsons.MAPPER.readTree(r.body()).get("result");
            assertTrue(ev.get("block").asBoolean());
            assertEquals(Vectors.pcp().get("vectors").get("share").get("block_hash_display").asText(),
                    ev.get("headerHash").asText());
            assertEquals(1, node.calls("submitblock").size());
            assertTrue(error(postShare(shareBody(b -> { }))).contains("duplicate"));
            assertEquals(1L, blk.counters().get("duplicates"));
        } finally {
            node.answerCheckPcShare("OK");
        }
    }
}
