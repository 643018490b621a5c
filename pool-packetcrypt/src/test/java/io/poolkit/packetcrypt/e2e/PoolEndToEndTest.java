package io.poolkit.packetcrypt.e2e;

import io.poolkit.core.testing.SteppableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.LittleEndian;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.rpc.JsonRpcClient;
import io.poolkit.core.rpc.RpcEndpoint;
import io.poolkit.packetcrypt.Vectors;
import io.poolkit.packetcrypt.ann.Announcement;
import io.poolkit.packetcrypt.annhandler.AnnHandler;
import io.poolkit.packetcrypt.annhandler.AnnHandlerSettings;
import io.poolkit.packetcrypt.blkhandler.BlkHandler;
import io.poolkit.packetcrypt.http.BasicAuth;
import io.poolkit.packetcrypt.http.Http;
import io.poolkit.packetcrypt.http.HttpHandler;
import io.poolkit.packetcrypt.http.Jsons;
import io.poolkit.packetcrypt.http.RoleServer;
import io.poolkit.packetcrypt.master.Master;
import io.poolkit.packetcrypt.master.MasterClient;
import io.poolkit.packetcrypt.master.MasterSettings;
import io.poolkit.packetcrypt.paymaker.PayMaker;
import io.poolkit.packetcrypt.paymaker.PayMakerSettings;
import io.poolkit.packetcrypt.paymaker.PaylogStore;
import io.poolkit.packetcrypt.paymaker.PaylogUploader;
import io.poolkit.packetcrypt.sim.PktdSimulator;
import io.poolkit.packetcrypt.pool.PoolWorkMath;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pool on loopback: the pktd simulator, a Master, two AnnHandlers, a BlkHandler and a
 * PayMaker. A test miner reads config.json, posts the 16 real vector anns (mined by the reference
 * AnnMiner on block 497731; 6 signed with the pool key for 497732) each to the handler its dedup
 * hash routes it to, then posts the vector share; the handlers upload their pay logs and
 * /whotopay shows the split computed by hand from the same events.
 */
class PoolEndToEndTest {

    static final String SEED = "packetcrypt test pool seed";
    static final String PASSWORD = "e2e paymaker password";
    static final String ANN_MINER = "pAnnMinerAddress0000000001";
    static final String BLK_MINER = "pBlkMinerAddress0000000001";
    static final String DEFAULT = "p8f44rSwu8cRruQ5fg9bfgpHTRNxYxWpfC";
    static final String FEE = "pkt1qzyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3tmmhw9";
    static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;
    final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    RoleServer server(String name, AtomicReference<HttpHandler> h, int maxBody) throws Exception {
        RoleServer s = new RoleServer(name, "127.0.0.1", 0, maxBody, 8, req -> h.get().handle(req)).start();
        closeables.add(s);
        return s;
    }

    @Test
    void minersWorkFlowsToThePayMakersSplit() throws Exception {
        SteppableClock clock = new SteppableClock(java.time.Instant.ofEpochMilli(T0));
        PktdSimulator node = new PktdSimulator();
        closeables.add(node);
        JsonRpcClient rpc = JsonRpcClient.create(RpcEndpoint.parse("sim", node.url()));

        AtomicReference<HttpHandler> mh = new AtomicReference<>();
        AtomicReference<HttpHandler> a0h = new AtomicReference<>();
        AtomicReference<HttpHandler> a1h = new AtomicReference<>();
        AtomicReference<HttpHandler> bh = new AtomicReference<>();
        AtomicReference<HttpHandler> ph = new AtomicReference<>();
        RoleServer ms = server("master", mh, 0);
        RoleServer a0 = server("ann0", a0h, 1024 * 1024);
        RoleServer a1 = server("ann1", a1h, 1024 * 1024);
        RoleServer bs = server("blk0", bh, 65535);
        RoleServer ps = server("paymaker", ph, 8 * 1024 * 1024);

        Master master = new Master(new MasterSettings(ms.baseUrl(), List.of(a0.baseUrl(), a1.baseUrl()),
                List.of(bs.baseUrl()), ps.baseUrl(), 8, 4, List.of(1), 2, 2000, Optional.of(SEED), Optional.empty()), rpc);
        mh.set(master);
        PaylogStore store = PaylogStore.open(LedgerConfig.sqlite(dir.resolve("ledger.db")));
        closeables.add(store);
        PayMakerSettings pms = PayMakerSettings.defaults(DEFAULT, 0.2, Optional.of(FEE));
        PayMaker payMaker = new PayMaker(pms, PASSWORD, store, Optional.of(rpc), clock);
        ph.set(payMaker);
        List<PaylogUploader> uploaders = new ArrayList<>();
        List<AnnHandler> annHandlers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            PaylogUploader up = new PaylogUploader(ps.baseUrl(), PASSWORD, dir.resolve("paylog-ann" + i));
            uploaders.add(up);
            AnnHandler h = new AnnHandler(new AnnHandlerSettings(i, 2, 0.0, 1024, 64, 30_000, 6),
                    new MasterClient(ms.baseUrl(), clock), up, clock, new SplittableRandom(1));
            annHandlers.add(h);
            (i == 0 ? a0h : a1h).set(h);
        }
        PaylogUploader blkUp = new PaylogUploader(ps.baseUrl(), PASSWORD, dir.resolve("paylog-blk"));
        uploaders.add(blkUp);
        BlkHandler blk = new BlkHandler(new MasterClient(ms.baseUrl(), clock), rpc, blkUp, Optional.of(SEED), clock);
        bh.set(blk);

        // The chain moves from 497731 to 497734; the master builds work for 497732..497735.
        assertTrue(master.poll());
        while (node.tip() < PktdSimulator.SHARE_HEIGHT - 1) {
            node.advance();
            assertTrue(master.poll());
        }
        blk.tick(); // block event for the tip, priced at difficulty 0.004
        // The PayMaker prices events with the newest block before them, so the block event goes
        // first (as the original, it credits events in the order the logs arrive).
        assertEquals(1, blkUp.flush());

        // The miner reads the pool config and posts each ann to its handler.
        clock.advance(java.time.Duration.ofMillis(1000));
        JsonNode cfg = Jsons.MAPPER.readTree(Http.get(ms.baseUrl() + "/config.json", Map.of()).body());
        assertEquals(PktdSimulator.SHARE_HEIGHT, cfg.get("currentHeight").asInt());
        // The miner fetches the work for the height being mined: the vector share was mined on it.
        HttpResponse<byte[]> workBin = Http.get(ms.baseUrl() + "/work_" + cfg.get("currentHeight").asInt() + ".bin", Map.of());
        io.poolkit.packetcrypt.pool.WorkFile work = io.poolkit.packetcrypt.pool.WorkFile.parse(workBin.body());
        byte[] shareHeader = Vectors.hex(Vectors.pcp().get("vectors").get("share").get("header_hex"));
        assertTrue(java.util.Arrays.equals(work.header(), 4, 36, shareHeader, 4, 36));
        assertEquals(0x1f3ffffc, work.shareTarget());
        List<String> submit = new ArrayList<>();
        cfg.get("submitAnnUrls").forEach(u -> submit.add(u.asText()));
        ByteArrayOutputStream[] batches = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
        int signed = 0;
        for (JsonNode hex : Vectors.pcp().get("common").get("announcements_hex")) {
            Announcement a = Announcement.fromHex(hex.asText());
            signed += a.hasSigningKey() ? 1 : 0;
            int handler = (int) Long.remainderUnsigned(LittleEndian.readInt64(a.hash(), 0), submit.size());
            batches[handler].writeBytes(a.bytes());
        }
        long accepted = 0;
        long unsigned = 0;
        for (int i = 0; i < 2; i++) {
            if (batches[i].size() == 0) {
                continue;
            }
            HttpResponse<byte[]> r = Http.post(submit.get(i), batches[i].toByteArray(), Map.of("x-pc-payto", ANN_MINER,
                    "x-pc-worknum", Integer.toString(PktdSimulator.FIRST + 1), "x-pc-sver", "1"));
            assertEquals(200, r.statusCode(), Http.text(r));
            JsonNode ev = Jsons.MAPPER.readTree(r.body()).get("result");
            accepted += ev.get("accepted").asLong();
            unsigned += ev.get("unsigned").asLong();
            assertEquals(0, ev.get("inval").asLong());
        }
        assertEquals(16, accepted);
        assertEquals(10, unsigned);
        assertEquals(6, signed);
        // Posting the same anns again credits nothing: every one is a duplicate.
        int again = batches[0].size() > 0 ? 0 : 1;
        JsonNode dup = Jsons.MAPPER.readTree(Http.post(submit.get(again), batches[again].toByteArray(), Map.of(
                "x-pc-payto", ANN_MINER, "x-pc-worknum", Integer.toString(PktdSimulator.FIRST + 1))).body()).get("result");
        assertEquals(0, dup.get("accepted").asLong());
        assertEquals(batches[again].size() / 1024, dup.get("dup").asLong());

        // The block miner posts the vector share to the handler its share id picks.
        clock.advance(java.time.Duration.ofMillis(1000));
        JsonNode share = Vectors.pcp().get("vectors").get("share");
        byte[] body = Jsons.write(share.get("blkhandler_submit_body")).getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> sr = Http.post(cfg.get("submitBlockUrls").get(0).asText(), body, Map.of("x-pc-payto", BLK_MINER,
                "x-pc-sver", "1"));
        assertEquals(200, sr.statusCode(), Http.text(sr));
        assertEquals(false, Jsons.MAPPER.readTree(sr.body()).get("result").get("block").asBoolean());
        assertEquals(400, Http.post(cfg.get("submitBlockUrls").get(0).asText(), body, Map.of("x-pc-payto", BLK_MINER))
                .statusCode(), "the same share again");
        // The node saw the share with the pool's signature on the signed ann (the vector signature).
        JsonNode check = node.calls("checkpcshare").get(0).get("params").get(0);
        assertEquals(PktdSimulator.SHARE_HEIGHT, check.get("height").asInt());
        String signedAnnHash = share.get("expected").get("ann_hashes_blake2b256").get(2).asText();
        String sig = Vectors.pcp().get("common").get("announcement_signatures_hex").get(signedAnnHash).asText();
        assertTrue(check.get("hexblock").asText().contains(sig));
        assertEquals(share.get("coinbase_tx_hex").asText(), check.get("coinbase").asText());

        // Events flow to the PayMaker.
        for (PaylogUploader up : uploaders) {
            up.flush();
            assertEquals(0L, up.counters().get("pending"));
        }
        JsonNode w = Jsons.MAPPER.readTree(Http.get(ps.baseUrl() + "/whotopay",
                Map.of("Authorization", BasicAuth.header(PASSWORD))).body());
        double diff = 0.004 * 4096;
        double blkShare = PoolWorkMath.workMultiple(0x1f3ffffc) / diff / 2;
        double annShare = 6 * PoolWorkMath.workMultiple(0x20100000) / diff / 0.125;
        JsonNode result = w.get("result");
        assertEquals(blkShare * 0.8, result.get(BLK_MINER).asDouble(), 1e-15);
        assertEquals(annShare * 0.8, result.get(ANN_MINER).asDouble(), 1e-15);
        assertEquals((1 - blkShare - annShare) * 0.8, result.get(DEFAULT).asDouble(), 1e-15);
        assertEquals(0.2, result.get(FEE).asDouble());
        assertEquals(4, result.size());

        // The node is told whom to pay.
        Map<String, Double> pushed = payMaker.pushPayouts();
        JsonNode sent = node.calls("configureminingpayouts").get(0).get("params").get(0);
        assertEquals(pushed.get(ANN_MINER), sent.get(ANN_MINER).asDouble());
        // A node that refuses the split is told to pay everything to errorAddress instead.
        node.failNextPayouts(1);
        assertEquals(Map.of(DEFAULT, 1.0), payMaker.pushPayouts());
        JsonNode fallback = node.calls("configureminingpayouts").get(2).get("params").get(0);
        assertEquals(1.0, fallback.get(DEFAULT).asDouble());
        assertEquals(1L, payMaker.status().get("payoutFailures"));

        // Accepted anns are served to block miners once their file closes.
        clock.advance(java.time.Duration.ofMillis(30_000));
        JsonNode index = Jsons.MAPPER.readTree(Http.get(a0.baseUrl() + "/anns/index.json", Map.of()).body());
        JsonNode index1 = Jsons.MAPPER.readTree(Http.get(a1.baseUrl() + "/anns/index.json", Map.of()).body());
        int served = 0;
        for (JsonNode[] pair : new JsonNode[][] {{index, null}, {index1, null}}) {
            for (JsonNode f : pair[0].get("files")) {
                String base = pair[0] == index ? a0.baseUrl() : a1.baseUrl();
                byte[] anns = Http.get(base + "/anns/" + f.asText(), Map.of()).body();
                served += anns.length / 1024;
                assertTrue(f.asText().startsWith("anns_" + PktdSimulator.FIRST + "_"));
            }
        }
        assertEquals(16, served);
    }
}
