package io.poolkit.packetcrypt.paymaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.packetcrypt.Vectors;
import io.poolkit.packetcrypt.http.BasicAuth;
import io.poolkit.packetcrypt.http.Http;
import io.poolkit.packetcrypt.http.Jsons;
import io.poolkit.packetcrypt.http.RoleServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PayMaker over HTTP on loopback with a SQLite ledger (and a real PostgreSQL in
 * {@link PostgresPayMakerHttpTest}): password, vector id, replays, restart, hostile bodies.
 */
class PayMakerHttpTest {

    static final String PASSWORD = "paymaker secret for tests";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2021-04-01T00:02:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    PaylogStore store;
    PayMaker payMaker;
    RoleServer server;
    LedgerConfig ledger;

    /** A new, empty ledger database. */
    LedgerConfig newLedger() {
        return LedgerConfig.sqlite(dir.resolve("ledger.db"));
    }

    @BeforeEach
    void start() throws Exception {
        ledger = newLedger();
        store = PaylogStore.open(ledger);
        payMaker = new PayMaker(PayBookReplayTest.settings(), PASSWORD, store, Optional.empty(), CLOCK);
        server = new RoleServer("paymaker", "127.0.0.1", 0, 64 * 1024, 8, payMaker).start();
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    Map<String, String> auth() {
        return Map.of("Authorization", BasicAuth.header(PASSWORD));
    }

    HttpResponse<byte[]> postEvents(byte[] body, Map<String, String> headers) {
        return Http.post(server.baseUrl() + "/events", body, headers);
    }

    JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return Jsons.MAPPER.readTree(r.body());
    }

    @Test
    void postingTheVectorLogAnswersTheOriginalsEventIdAndTheSplit() throws Exception {
        HttpResponse<byte[]> r = postEvents(Vectors.paymakerEvents().getBytes(StandardCharsets.UTF_8), auth());
        assertEquals(200, r.statusCode());
        // The id the real PayMaker answered for this log (vectors README).
        assertEquals("6c24d68bcbac8ad16110275c1e58be02", json(r).path("result").path("eventId").asText());
        JsonNode w = json(Http.get(server.baseUrl() + "/whotopay", auth()));
        assertEquals(0.08544925367462985, w.path("result").path(PayBookReplayTest.PMU).asDouble());
        assertEquals(0.2, w.path("result").path(PayBookReplayTest.FEE).asDouble());
        assertEquals("0.10986329289154328", w.path("result").path(PayBookReplayTest.PDS).asText());
        JsonNode early = json(Http.get(server.baseUrl() + "/whotopay?maxtime=1617235250000", auth()));
        assertEquals(0.6046874534338269, early.path("result").path(PayBookReplayTest.DEFAULT).asDouble());
        JsonNode stats = json(Http.get(server.baseUrl() + "/stats", auth()));
        assertEquals(4, stats.path("shares").asInt());
        assertEquals(3, stats.path("compressedAnnSlots").asInt());
    }

    @Test
    void wrongOrMissingPasswordsAreRefusedAndCounted() throws Exception {
        byte[] body = Vectors.paymakerEvents().getBytes(StandardCharsets.UTF_8);
        assertEquals(401, postEvents(body, Map.of()).statusCode());
        assertEquals(401, postEvents(body, Map.of("Authorization", BasicAuth.header(PASSWORD + "x"))).statusCode());
        assertEquals(401, postEvents(body, Map.of("Authorization", BasicAuth.header(PASSWORD).toLowerCase())).statusCode());
        assertEquals(401, Http.get(server.baseUrl() + "/whotopay", Map.of("Authorization", "Basic")).statusCode());
        assertEquals(4L, payMaker.status().get("unauthorized"));
        assertEquals(0, payMaker.book().stats().get("shares"));
    }

    @Test
    void aReplayedLogGetsTheSameIdButIsCreditedOnce() throws Exception {
        byte[] body = Vectors.paymakerEvents().getBytes(StandardCharsets.UTF_8);
        String first = Http.text(Http.get(server.baseUrl() + "/whotopay", auth()));
        postEvents(body, auth());
        String once = json(Http.get(server.baseUrl() + "/whotopay", auth())).path("result").toString();
        HttpResponse<byte[]> again = postEvents(body, auth());
        assertEquals(200, again.statusCode());
        assertEquals("6c24d68bcbac8ad16110275c1e58be02", json(again).path("result").path("eventId").asText());
        assertEquals(once, json(Http.get(server.baseUrl() + "/whotopay", auth())).path("result").toString());
        assertEquals(1L, payMaker.status().get("logsReplayed"));
        assertTrue(first.contains("Ran out of block shares"));
    }

    @Test
    void aRestartReplaysTheStoredLogsAndLosesNothing() throws Exception {
        String[] lines = Vectors.paymakerEvents().split("\n");
        postEvents(String.join("\n", java.util.Arrays.copyOfRange(lines, 0, 7)).getBytes(StandardCharsets.UTF_8), auth());
        postEvents(String.join("\n", java.util.Arrays.copyOfRange(lines, 7, lines.length)).getBytes(StandardCharsets.UTF_8), auth());
        String before = json(Http.get(server.baseUrl() + "/whotopay", auth())).path("result").toString();
        server.close();
        store.close();
        store = PaylogStore.open(ledger);
        payMaker = new PayMaker(PayBookReplayTest.settings(), PASSWORD, store, Optional.empty(), CLOCK);
        server = new RoleServer("paymaker", "127.0.0.1", 0, 64 * 1024, 8, payMaker).start();
        assertEquals(before, json(Http.get(server.baseUrl() + "/whotopay", auth())).path("result").toString());
        assertEquals(0.17089846078308657, payMaker.book().whoToPay(Long.MAX_VALUE).result().get(PayBookReplayTest.P7A));
    }

    @Test
    void hostileBodiesAreAnsweredAndCountedWithoutCrediting() throws Exception {
        assertEquals(413, postEvents(new byte[64 * 1024 + 1], auth()).statusCode());
        assertEquals(400, postEvents("not json at all\n{{{".getBytes(StandardCharsets.UTF_8), auth()).statusCode());
        assertEquals(400, postEvents(new byte[] {(byte) 0xff, (byte) 0xfe, 0x7b}, auth()).statusCode());
        assertEquals(400, postEvents(new byte[0], auth()).statusCode());
        // Valid timestamp but every line is unusable: stored, answered, each line counted.
        String bad = "{\"type\":\"share\",\"payTo\":\"short\",\"time\":1,\"eventId\":\"a\"}\n"
                + "{\"type\":\"anns\",\"accepted\":\"many\",\"payTo\":\"pDSxcZunaUSUSxHrL6r8zpGJvoEropJ3Es\",\"time\":2,\"eventId\":\"b\"}\n"
                + "{\"type\":\"share\",\"payTo\":\"pDSxcZunaUSUSxHrL6r8zpGJvoEropJ3Es\",\"time\":3,\"eventId\":\"c\",\"target\":\"ff\"}\n"
                + "{\"type\":\"block\",\"height\":1,\"difficulty\":-1,\"time\":4,\"eventId\":\"d\"}\n"
                + "{\"type\":\"magic\",\"time\":5,\"eventId\":\"e\"}\n"
                + "[1,2,3]\n"
                + "{\"type\":\"share\",\"time\":6,\"eventId\":\"f\",\"payTo\":\"pDSxcZunaUSUSxHrL6r8zpGJvoEropJ3Es\",\"target\":1.5}\n";
        HttpResponse<byte[]> r = postEvents(bad.getBytes(StandardCharsets.UTF_8), auth());
        assertEquals(200, r.statusCode());
        assertEquals(7, json(r).path("warn").size());
        assertEquals(7L, payMaker.status().get("linesRejected"));
        assertEquals(Map.of("blocks", 0, "compressedAnnSlots", 0, "shares", 0), payMaker.book().stats());
        assertEquals(405, Http.get(server.baseUrl() + "/events", auth()).statusCode());
        assertEquals(404, Http.get(server.baseUrl() + "/nothing", auth()).statusCode());
        assertEquals(3L, payMaker.status().get("logsRejected"));
        assertEquals(1L, server.counters().get("tooLarge"));
    }
}
