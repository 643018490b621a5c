package io.poolkit.core.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a JDK HTTP server on loopback that answers as Bitcoin Core and bcoin do. */
class JsonRpcClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "s3cr3t-Pa55";

    private HttpServer server;
    private final AtomicReference<JsonNode> lastRequest = new AtomicReference<>();
    private final AtomicReference<String> lastAuth = new AtomicReference<>();
    private volatile Reply reply = (req) -> new Answer(200, "{\"result\":42,\"error\":null,\"id\":" + req.get("id") + "}");
    private final CountDownLatch release = new CountDownLatch(1);

    interface Reply {
        Answer answer(JsonNode request) throws Exception;
    }

    record Answer(int status, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode request = JSON.readTree(ex.getRequestBody());
            lastRequest.set(request);
            lastAuth.set(ex.getRequestHeaders().getFirst("Authorization"));
            Answer a = reply.answer(request);
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                ex.getResponseBody().write(body);
            }
        } catch (Exception e) {
            ex.sendResponseHeaders(500, -1);
        }
    }

    private RpcEndpoint endpoint(RpcCredentials credentials) {
        return RpcEndpoint.http("test", "127.0.0.1", server.getAddress().getPort(), credentials);
    }

    private JsonRpcClient client() {
        return JsonRpcClient.create(endpoint(RpcCredentials.basic("pool", SECRET)));
    }

    @Test
    void sendsJsonRpcWithBasicAuthAndReturnsResult() {
        JsonNode result = client().call("getblocktemplate", List.of(Map.of("rules", List.of("segwit"))));
        assertEquals(42, result.intValue());
        JsonNode req = lastRequest.get();
        assertEquals("1.0", req.get("jsonrpc").asText());
        assertEquals("getblocktemplate", req.get("method").asText());
        assertEquals("segwit", req.get("params").get(0).get("rules").get(0).asText());
        assertEquals("Basic " + Base64.getEncoder().encodeToString(("pool:" + SECRET).getBytes(StandardCharsets.UTF_8)),
                lastAuth.get());
    }

    @Test
    void nullResultIsNullNodeAndAmountsAreExact() {
        reply = req -> new Answer(200, "{\"result\":null,\"error\":null,\"id\":" + req.get("id") + "}");
        assertTrue(client().call("submitblock", List.of("00")).isNull());
        reply = req -> new Answer(200, "{\"result\":0.1,\"error\":null,\"id\":" + req.get("id") + "}");
        assertEquals(new java.math.BigDecimal("0.1"), client().call("getbalance", List.of()).decimalValue());
    }

    @Test
    void version2Requests() {
        JsonRpcClient v2 = new JsonRpcClient(endpoint(RpcCredentials.none()), java.net.http.HttpClient.newHttpClient(),
                JsonRpcVersion.V2_0, Duration.ofSeconds(5));
        reply = req -> new Answer(200, "{\"jsonrpc\":\"2.0\",\"result\":7,\"id\":" + req.get("id") + "}");
        assertEquals(7, v2.call("getblockcount", List.of()).intValue());
        assertEquals("2.0", lastRequest.get().get("jsonrpc").asText());
        assertEquals(null, lastAuth.get());
    }

    @Test
    void nodeErrorsKeepCodeAndMessageWhateverTheStatus() {
        // Bitcoin Core (JSON-RPC 1.0) sends errors with HTTP 500 or 404; bcoin and JSON-RPC 2.0 with 200.
        for (int status : new int[] {500, 404, 200}) {
            reply = req -> new Answer(status, "{\"result\":null,\"error\":{\"code\":-8,\"message\":\"Block height out of"
                    + " range\"},\"id\":" + req.get("id") + "}");
            RpcException e = assertThrows(RpcException.class, () -> client().call("getblockhash", List.of(999)));
            assertEquals(-8, e.code());
            assertEquals("Block height out of range", e.nodeMessage());
            assertEquals("test", e.node());
            assertEquals("getblockhash", e.method());
            assertTrue(e.getMessage().contains("node test, getblockhash: error -8: Block height out of range"), e.getMessage());
        }
    }

    @Test
    void refusedCredentialsAreATransportErrorWithoutThePassword() {
        reply = req -> new Answer(401, "");
        RpcTransportException e = assertThrows(RpcTransportException.class, () -> client().call("getblockcount", List.of()));
        assertEquals(RpcTransportException.Kind.AUTH, e.kind());
        assertNoSecret(e);
        assertFalse(client().toString().contains(SECRET));
        assertFalse(client().endpoint().toString().contains(SECRET));
    }

    @Test
    void nonJsonAnswers() {
        reply = req -> new Answer(502, "<html>Bad gateway</html>");
        RpcTransportException e = assertThrows(RpcTransportException.class, () -> client().call("getblockcount", List.of()));
        assertEquals(RpcTransportException.Kind.HTTP_STATUS, e.kind());
        assertTrue(e.getMessage().contains("HTTP 502"));
        reply = req -> new Answer(200, "[1,2]");
        assertEquals(RpcTransportException.Kind.BAD_RESPONSE, assertThrows(RpcTransportException.class,
                () -> client().call("getblockcount", List.of())).kind());
        reply = req -> new Answer(200, "{\"result\":1,\"error\":null,\"id\":999999}");
        assertEquals(RpcTransportException.Kind.BAD_RESPONSE, assertThrows(RpcTransportException.class,
                () -> client().call("getblockcount", List.of())).kind());
    }

    @Test
    void refusedConnection() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        JsonRpcClient c = JsonRpcClient.create(RpcEndpoint.http("gone", "127.0.0.1", port, RpcCredentials.basic("u", SECRET)));
        RpcTransportException e = assertThrows(RpcTransportException.class, () -> c.call("getblockcount", List.of()));
        assertEquals(RpcTransportException.Kind.CONNECT, e.kind());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port));
        assertNoSecret(e);
    }

    @Test
    void perCallTimeout() {
        reply = req -> {
            release.await(10, TimeUnit.SECONDS);
            return new Answer(200, "{\"result\":1,\"error\":null,\"id\":" + req.get("id") + "}");
        };
        RpcTransportException e = assertThrows(RpcTransportException.class,
                () -> client().call("getblocktemplate", List.of(), Duration.ofMillis(200)));
        assertEquals(RpcTransportException.Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("200 ms"));
    }

    @Test
    void cookieFileIsReadAtEachCall(@TempDir Path dir) throws IOException {
        Path cookie = dir.resolve(".cookie");
        JsonRpcClient c = JsonRpcClient.create(endpoint(RpcCredentials.cookieFile(cookie)));
        RpcTransportException missing = assertThrows(RpcTransportException.class, () -> c.call("getblockcount", List.of()));
        assertEquals(RpcTransportException.Kind.AUTH, missing.kind());
        assertTrue(missing.getMessage().contains(".cookie"));
        Files.writeString(cookie, "__cookie__:" + SECRET + "\n");
        c.call("getblockcount", List.of());
        assertEquals("Basic " + Base64.getEncoder().encodeToString(("__cookie__:" + SECRET).getBytes(StandardCharsets.UTF_8)),
                lastAuth.get());
        Files.writeString(cookie, SECRET);
        RpcTransportException malformed = assertThrows(RpcTransportException.class, () -> c.call("getblockcount", List.of()));
        assertNoSecret(malformed);
    }

    @Test
    void endpointParsingMovesCredentialsOutOfTheUrl() {
        RpcEndpoint e = RpcEndpoint.parse("main", "http://rpcuser:p%40ss:word@10.0.0.2:8332");
        assertEquals("http://10.0.0.2:8332/", e.displayUrl());
        assertEquals(RpcCredentials.basic("rpcuser", "p@ss:word"), e.credentials());
        assertFalse(e.toString().contains("p@ss"));
        assertEquals(RpcCredentials.none(), RpcEndpoint.parse("x", "http://127.0.0.1:1/").credentials());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> RpcEndpoint.parse("x", "ftp://u:" + SECRET + "@host/"));
        assertFalse(bad.getMessage().contains(SECRET), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RpcEndpoint.parse("x", "http://u:" + SECRET + "@ho st/"));
    }

    private static void assertNoSecret(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(SECRET), t.getMessage());
        }
    }
}
