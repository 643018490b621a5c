package io.poolkit.qtum.alert;

import io.poolkit.core.testing.SteppableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.poolkit.qtum.ppm.Timing;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook alerts against a real loopback HTTP server (the JDK's com.sun.net.httpserver). */
class WebhookAlertSinkTest {

    private static final String SECRET_PATH = "/hooks/T000/B000/s3cretToken";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    /** Status codes to answer, in order; 200 once they run out. */
    private final List<Integer> script = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Duration> pauses = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(SECRET_PATH, ex -> {
            try (ex) {
                requests.incrementAndGet();
                bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                contentTypes.add(ex.getRequestHeaders().getFirst("Content-Type"));
                int status = script.isEmpty() ? 200 : script.remove(0);
                ex.sendResponseHeaders(status, -1);
            }
        });
        // several threads: the slow handler must not hold back the others
        server.setExecutor(executor);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH + "?token=abc");
    }

    private WebhookAlertSink sink(URI url, int attempts) {
        return new WebhookAlertSink(url, Duration.ofMillis(800), attempts, Duration.ofSeconds(2), pauses::add);
    }

    @Test
    void postsSubjectAndBodyAsJson() throws Exception {
        sink(url(), 3).send(".REWARD", ".LD18 blk 650817 \"stk\" 0.0\nline two");
        assertEquals(1, requests.get());
        JsonNode j = JSON.readTree(bodies.get(0));
        assertEquals(".REWARD", j.get("subject").asText());
        assertEquals(".LD18 blk 650817 \"stk\" 0.0\nline two", j.get("body").asText());
        assertEquals(".REWARD\n.LD18 blk 650817 \"stk\" 0.0\nline two", j.get("text").asText());
        assertTrue(contentTypes.get(0).startsWith("application/json"));
    }

    @Test
    void serverErrorsAreRetriedWithGrowingPauses() throws Exception {
        script.addAll(List.of(503, 500));
        sink(url(), 3).send("s", "b");
        assertEquals(3, requests.get());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), pauses);
    }

    @Test
    void aRefusalIsNotRetriedAndTheSecretUrlIsNeverInTheError() {
        script.add(403);
        IOException e = assertThrows(IOException.class, () -> sink(url(), 3).send("s", "b"));
        assertEquals(1, requests.get());
        assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret") || e.getMessage().contains("token"), e.getMessage());
        assertFalse(sink(url(), 1).toString().contains("s3cret"));
    }

    @Test
    void giveUpAfterTheAttemptsWhenNobodyListens() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + port + SECRET_PATH);
        IOException e = assertThrows(IOException.class, () -> sink(dead, 2).send("s", "b"));
        assertTrue(e.getMessage().contains("failed 2 times"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertEquals(1, pauses.size());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.createContext("/slow", ex -> {
            try (ex) {
                release.await(10, TimeUnit.SECONDS);
                ex.sendResponseHeaders(200, -1);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        });
        URI slow = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slow");
        long t0 = System.nanoTime();
        IOException e = assertThrows(IOException.class,
                () -> new WebhookAlertSink(slow, Duration.ofMillis(300), 1, Duration.ZERO, d -> { }).send("s", "b"));
        release.countDown();
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void quietHoursQueueForTheWebhookToo() {
        SteppableClock clock = new SteppableClock(Instant.parse("2020-08-06T22:32:15Z"));
        AlertDispatcher d = new AlertDispatcher(sink(url(), 1), clock, 8, Timing.DEFAULT_DO_NOT_DISTURB);
        d.alert(new Alert(Alert.Kind.NOT_STAKING, ".NOT STAKING", ".on LD18"));
        d.alert(new Alert(Alert.Kind.HOURLY_STATUS, ".LD18 stk 0.0", " bal 1"));
        assertEquals(0, requests.get());
        clock.set(Instant.parse("2020-08-07T01:00:00Z")); // local 09
        script.add(500);
        d.alert(new Alert(Alert.Kind.LOW_CONNECTIONS, ".LOW CONNECTIONS", ".LD18 only 3"));
        assertEquals(1, requests.get());
        assertEquals(2, d.queued().size(), "a failed delivery stays queued");
        d.alert(new Alert(Alert.Kind.POOL_BLOCK, ".REWARD", ".LD18 blk 1"));
        assertEquals(2, requests.get());
        assertTrue(d.queued().isEmpty());
        assertEquals(".LD18 blk 1\n22:32:15 .NOT STAKING .on LD18\n01:00:00 .LOW CONNECTIONS .LD18 only 3",
                JsonNodeText.body(bodies.get(1)));
    }

    /** Reads the body field of a posted document. */
    static final class JsonNodeText {
        static String body(String json) {
            try {
                return JSON.readTree(json).get("body").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
