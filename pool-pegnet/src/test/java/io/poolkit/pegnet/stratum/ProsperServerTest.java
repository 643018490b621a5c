package io.poolkit.pegnet.stratum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.testing.TestVectors;
import io.poolkit.pegnet.lxr.ByteMap;
import io.poolkit.pegnet.lxr.LxrHash;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Prosper dialect over real loopback TCP, with an 8-bit LXRHash table and the derived 8-bit share vector. */
class ProsperServerTest {

    private static final String OPR = "05e7de4bc885b059cdf408180c671409ba760dfe2ef95fc4f748f1a9ec3e6c7a";
    private static final String USER = "user@example.com";

    private final BlockingQueue<ShareChecker.Share> shares = new ArrayBlockingQueue<>(100);
    private final AtomicBoolean open = new AtomicBoolean(true);
    private ProsperServer server;
    private String nonce8;
    private String target8;

    @BeforeEach
    void start() throws Exception {
        for (String line : TestVectors.text("pegnet/stratum/share_vectors_derived.tsv").split("\n")) {
            if (line.startsWith("8\t")) {
                String[] v = line.strip().split("\t");
                assertEquals(OPR, v[1]);
                nonce8 = v[2];
                target8 = v[3];
            }
        }
        server = new ProsperServer(ProsperConfig.defaults("127.0.0.1", 0).withLimits(3, 50, 5),
                new LxrHash(ByteMap.generate(8)), Authorizer.users(java.util.Set.of(USER)), shares::offer, open::get,
                Clock.systemUTC(), RandomGenerator.of("L64X128MixRandom"), 1).start();
        server.notifyAll(new ShareChecker.Job("210330", OPR));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode subscribe(LineClient c) throws Exception {
        c.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"prosper/v1.0.0\"]}");
        JsonNode r = c.read();
        assertEquals(1, r.get("id").asInt());
        assertFalse(r.has("error"), "no error key on success, as upstream");
        return r.get("result");
    }

    private void authorize(LineClient c) throws Exception {
        c.send("{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"" + USER + ",machine01\",\"pw\"]}");
        assertTrue(c.reply().get("result").asBoolean());
        assertEquals("client.show_message", c.read().get("method").asText());
    }

    private String submit(int id, String nonce, String target) {
        return "{\"id\":" + id + ",\"method\":\"mining.submit\",\"params\":[\"" + USER + "\",\"210330\",\"" + nonce
                + "\",\"" + OPR + "\",\"" + target + "\"]}";
    }

    @Test
    void transcriptLikeUpstreamSessionExample() throws Exception {
        try (LineClient c = new LineClient(server.port())) {
            JsonNode sub = subscribe(c);
            assertEquals(3, sub.size());
            assertEquals("mining.notify", sub.get(0).get("type").asText());
            assertEquals("mining.set_target", sub.get(1).get("type").asText());
            assertEquals("mining.set_nonce", sub.get(2).get("type").asText());
            String session = sub.get(0).get("id").asText();
            assertTrue(session.matches("[0-9a-f]{32}"));
            assertTrue(sub.get(2).get("id").asText().matches("[0-9]{1,10}"));
            JsonNode target = c.read();
            assertEquals("mining.set_target", target.get("method").asText());
            assertEquals("ffff000000000000", target.get("params").get(0).asText());
            assertTrue(target.get("id").asInt() >= 0);
            JsonNode notify = c.read();
            assertEquals("[\"210330\",\"" + OPR + "\",\"\"]", notify.get("params").toString());

            authorize(c);
            c.send(submit(10, nonce8, target8));
            assertTrue(c.reply().get("result").asBoolean());
            c.send(submit(11, nonce8, target8));
            assertFalse(c.reply().get("result").asBoolean(), "duplicate nonce on this connection");
            ShareChecker.Share s = shares.poll(2, TimeUnit.SECONDS);
            assertEquals(USER, s.username());
            assertEquals("machine01", s.minerId());
            assertEquals("210330", s.jobId());
            assertEquals(nonce8, Hex.encode(s.nonce()));
            assertEquals(Long.parseUnsignedLong(target8, 16), s.target());
            assertTrue(shares.isEmpty());

            c.send("{\"id\":5,\"method\":\"mining.bogus\",\"params\":[]}");
            JsonNode err = c.reply();
            assertEquals(32601, err.get("error").get("code").asInt());
            assertEquals("ErrorMethodNotFound", err.get("error").get("message").asText());
            assertTrue(err.get("result").isNull());

            // suggest_target is never answered: the next reply belongs to the following request.
            c.send("{\"id\":6,\"method\":\"mining.suggest_target\",\"params\":[\"ffffff0000000000\"]}");
            c.send("{\"id\":7,\"method\":\"mining.get_oprhash\",\"params\":[\"210330\"]}");
            JsonNode opr = c.reply();
            assertEquals(7, opr.get("id").asInt());
            assertEquals(OPR, opr.get("result").asText(), "get_oprhash answers for real (upstream: a dummy)");
            c.send("{\"id\":8,\"method\":\"mining.get_oprhash\",\"params\":[\"210329\"]}");
            assertEquals(32602, c.reply().get("error").get("code").asInt());

            ProsperSession.Info info = server.sessions().get(0);
            assertEquals(session, info.sessionId());
            assertEquals("ffffff0000000000", info.suggestedTarget());
            assertEquals(1, info.accepted());
            assertEquals(1, info.rejected());
            assertEquals(1, server.metrics().shares(ShareChecker.Verdict.ACCEPTED));
            assertEquals(1, server.metrics().shares(ShareChecker.Verdict.DUPLICATE));
        }
    }

    @Test
    void submitChecksRefuseWithoutAcceptingAnything() throws Exception {
        try (LineClient c = new LineClient(server.port())) {
            subscribe(c);
            c.send(submit(3, nonce8, target8));
            JsonNode unauth = c.reply();
            assertEquals(1, unauth.get("error").get("code").asInt(), "submitting before authorize is an error");
            authorize(c);
            // another nonce claiming the vector's target: the recomputed hash differs
            c.send(submit(4, "deadbeef0000000001", target8));
            assertFalse(c.reply().get("result").asBoolean());
            c.send(submit(5, "deadbeef00000000ff", "fffe000000000000"));
            assertFalse(c.reply().get("result").asBoolean());
            c.send(submit(6, "zz", target8));
            assertFalse(c.reply().get("result").asBoolean());
            open.set(false);
            c.send(submit(7, nonce8, target8));
            assertFalse(c.reply().get("result").asBoolean(), "factomd minute 0: submissions closed");
            open.set(true);
            server.notifyAll(new ShareChecker.Job("210331", OPR));
            assertEquals("210331", c.until("mining.notify").get("params").get(0).asText());
            c.send(submit(8, nonce8, target8));
            assertFalse(c.reply().get("result").asBoolean(), "a share for the previous job is stale");
            assertTrue(shares.isEmpty());
            assertEquals(1, server.metrics().shares(ShareChecker.Verdict.NOT_AUTHORIZED));
            assertEquals(1, server.metrics().shares(ShareChecker.Verdict.WRONG_TARGET));
            assertEquals(1, server.metrics().shares(ShareChecker.Verdict.BELOW_POOL_TARGET));
            assertEquals(1, server.metrics().shares(ShareChecker.Verdict.BAD_PARAMS));
            assertEquals(1, server.metrics().shares(ShareChecker.Verdict.SUBMISSIONS_CLOSED));
            assertEquals(1, server.metrics().shares(ShareChecker.Verdict.WRONG_JOB));
        }
    }

    @Test
    void hostileLinesAreAnsweredCountedAndDoNotHurtOthers() throws Exception {
        try (LineClient good = new LineClient(server.port()); LineClient bad = new LineClient(server.port())) {
            subscribe(good);
            authorize(good);
            bad.send("{not json");
            assertEquals(32700, bad.reply().get("error").get("code").asInt());
            bad.send("[1,2,3]");
            assertEquals(32600, bad.reply().get("error").get("code").asInt());
            bad.send("{\"id\":3,\"method\":\"mining.submit\",\"params\":[1,2,3,4,5]}");
            JsonNode types = bad.reply();
            assertEquals(3, types.get("id").asInt());
            assertEquals(32602, types.get("error").get("code").asInt());
            bad.send("{\"id\":4,\"method\":\"mining.authorize\",\"params\":[\"nocomma\"]}");
            JsonNode auth = bad.reply();
            assertEquals(32602, auth.get("error").get("code").asInt());
            assertEquals("authorize requires 'username,minerid'", auth.get("error").get("data").asText());
            bad.send("{\"id\":5,\"method\":\"mining.authorize\",\"params\":[\"stranger,m1\"]}");
            assertFalse(bad.reply().get("result").asBoolean(), "unknown users are refused");
            bad.send("{\"id\":6,\"method\":\"mining.submit\",\"params\":[\"a\"]}");
            assertEquals(32602, bad.reply().get("error").get("code").asInt());
            // the sixth bad line is one over the limit of 5: the connection is dropped
            bad.send("{\"id\":7,\"method\":\"nope\"}");
            assertTrue(bad.closedByServer());
            assertTrue(server.metrics().protocolErrors() >= 6);

            good.send(submit(9, nonce8, target8));
            assertTrue(good.reply().get("result").asBoolean(), "the other miner is unaffected");
        }
    }

    @Test
    void oversizedLinesFloodsAndTooManyConnectionsAreDropped() throws Exception {
        try (LineClient big = new LineClient(server.port())) {
            big.sendRaw(("{\"id\":1,\"method\":\"" + "x".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
            assertTrue(big.closedByServer());
        }
        assertEquals(1, server.metrics().oversizedLines());
        try (LineClient flood = new LineClient(server.port())) {
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 400; i++) {
                many.append("{\"id\":").append(i).append(",\"method\":\"mining.suggest_target\",\"params\":[\"ff\"]}\n");
            }
            flood.sendRaw(many.toString().getBytes(StandardCharsets.UTF_8));
            assertTrue(flood.closedByServer());
        }
        assertEquals(1, server.metrics().floods());
        awaitNoConnections(server); // the dropped ones are released asynchronously
        // the limit is 3 connections
        try (LineClient a = new LineClient(server.port()); LineClient b = new LineClient(server.port());
                LineClient c = new LineClient(server.port()); LineClient d = new LineClient(server.port())) {
            subscribe(a);
            subscribe(b);
            subscribe(c);
            assertTrue(d.closedByServer());
            assertEquals(1, server.metrics().refusedConnections());
        }
    }

    @Test
    void silentConnectionsAreDroppedAfterTheIdleTimeout() throws Exception {
        ProsperConfig d = ProsperConfig.defaults("127.0.0.1", 0);
        ProsperConfig quick = new ProsperConfig(d.bindHost(), 0, d.maxLineBytes(), 10, 50, 5,
                java.time.Duration.ofMillis(300), true, false, "hi");
        try (ProsperServer s = new ProsperServer(quick, new LxrHash(ByteMap.generate(8)), Authorizer.ANY,
                shares::offer, open::get, Clock.systemUTC(), RandomGenerator.of("L64X128MixRandom"), 1).start();
                LineClient halfOpen = new LineClient(s.port())) {
            long t0 = System.nanoTime();
            assertTrue(halfOpen.closedByServer());
            assertTrue(System.nanoTime() - t0 < 4_000_000_000L);
            awaitNoConnections(s);
        }
    }

    @Test
    void adminConsoleCommands() throws Exception {
        try (AdminConsole console = new AdminConsole(new AdminCommands(server), 0).start();
                LineClient miner = new LineClient(server.port());
                Socket admin = new Socket("127.0.0.1", console.port())) {
            admin.setSoTimeout(5000);
            BufferedReader in = new BufferedReader(new InputStreamReader(admin.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = admin.getOutputStream();
            String session = subscribe(miner).get(0).get("id").asText();
            authorize(miner);

            List<String> list = command(out, in, "listclients", 2);
            assertEquals("ok 1 clients", list.get(0));
            assertTrue(list.get(1).startsWith(session + " "));
            assertTrue(list.get(1).contains("user=" + USER + " miner=machine01"));

            assertEquals("ok sent", command(out, in, "showmessage " + session + " maintenance at noon", 1).get(0));
            assertEquals("[\"maintenance at noon\"]", miner.until("client.show_message").get("params").toString());

            assertTrue(command(out, in, "getversion " + session, 1).get(0).startsWith("ok"));
            JsonNode ask = miner.until("client.get_version");
            assertTrue(ask.get("params").isNull());
            miner.send("{\"id\":" + ask.get("id").asInt() + ",\"result\":\"v1.0.0\"}");
            String row = "";
            for (int i = 0; i < 50 && !row.contains("version=v1.0.0"); i++) {
                row = command(out, in, "listclients", 2).get(1);
            }
            assertTrue(row.contains("version=v1.0.0"), row);

            String other = "ab".repeat(32);
            assertEquals("ok sent", command(out, in, "notify " + session + " 210400 " + other, 1).get(0));
            assertEquals("[\"210400\",\"" + other + "\",\"\"]", miner.until("mining.notify").get("params").toString());
            assertEquals("ok sent", command(out, in, "settarget " + session + " ffffff0000000000", 1).get(0));
            assertEquals("ffffff0000000000", miner.until("mining.set_target").get("params").get(0).asText());
            assertEquals("ok sent", command(out, in, "reconnect " + session + " pool2.example.com 1234 5", 1).get(0));
            assertEquals("[\"pool2.example.com\",\"1234\",\"5\"]",
                    miner.until("client.reconnect").get("params").toString());

            assertEquals("ok sent", command(out, in, "setnonce " + session + " 3735928560", 1).get(0));
            assertEquals("[\"3735928560\"]", miner.until("mining.set_nonce").get("params").toString());
            assertTrue(command(out, in, "listclients", 2).get(1).contains("nonce=3735928560"));
            assertTrue(command(out, in, "setnonce " + session + " 4294967296", 1).get(0).startsWith("error: nonce"));
            assertTrue(command(out, in, "settarget " + session + " xyz", 1).get(0).startsWith("error: target"));
            assertTrue(command(out, in, "notify " + session + " abc " + other, 1).get(0).startsWith("error:"));
            assertTrue(command(out, in, "reconnect " + session + " h 99999", 1).get(0).startsWith("error: port"));
            assertTrue(command(out, in, "showmessage nosuch hi", 1).get(0).startsWith("error: no session"));
            assertTrue(command(out, in, "frobnicate", 1).get(0).startsWith("error: unknown command"));
            assertTrue(command(out, in, "getversion", 1).get(0).startsWith("error: usage"));
        }
    }

    private static void awaitNoConnections(ProsperServer s) throws InterruptedException {
        for (int i = 0; i < 300 && s.metrics().connections() != 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(0, s.metrics().connections());
    }

    private static List<String> command(OutputStream out, BufferedReader in, String line, int lines) throws Exception {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        List<String> got = new java.util.ArrayList<>();
        for (int i = 0; i < lines; i++) {
            got.add(in.readLine());
        }
        return got;
    }
}
