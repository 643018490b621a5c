package io.poolkit.stratum.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool's HTTP monitor (loopback by default): {@code GET /status}, {@code /workers},
 * {@code /workers/ADDRESS}, {@code /blocks} as JSON and {@code /metrics} for Prometheus. Read-only:
 * anything but GET is refused.
 */
public final class MonitorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorServer.class);
    private final HttpServer http;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "monitor-http");
        t.setDaemon(true);
        return t;
    });
    private final MonitorSource source;
    private final ObjectMapper json = new ObjectMapper();

    public MonitorServer(String host, int port, MonitorSource source) throws IOException {
        this.source = source;
        this.http = HttpServer.create(new InetSocketAddress(host, port), 64);
        http.setExecutor(executor);
        http.createContext("/", this::handle);
    }

    public MonitorServer start() {
        http.start();
        LOG.info("monitor listening on http://{}:{}/status", http.getAddress().getHostString(), port());
        return this;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                send(ex, 405, "text/plain", "only GET\n");
                return;
            }
            String path = ex.getRequestURI().getPath();
            switch (path) {
                case "/", "/status" -> sendJson(ex, source.status());
                case "/workers" -> sendJson(ex, source.workers());
                case "/blocks" -> sendJson(ex, source.recentBlocks());
                case "/metrics" -> send(ex, 200, "text/plain; version=0.0.4", source.prometheus());
                default -> {
                    if (path.startsWith("/workers/")) {
                        String address = URLDecoder.decode(path.substring("/workers/".length()), StandardCharsets.UTF_8);
                        Optional<JsonNode> workers = source.workers(address);
                        if (workers.isPresent()) {
                            sendJson(ex, workers.get());
                        } else {
                            send(ex, 404, "application/json", "{\"error\":\"no connected workers for that address\"}\n");
                        }
                    } else {
                        send(ex, 404, "application/json",
                                "{\"error\":\"not found\",\"endpoints\":[\"/status\",\"/workers\",\"/workers/ADDRESS\",\"/blocks\",\"/metrics\"]}\n");
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("monitor request failed: {}", e.toString());
        }
    }

    private void sendJson(HttpExchange ex, JsonNode body) throws IOException {
        try {
            send(ex, 200, "application/json", json.writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n");
        } catch (JsonProcessingException e) {
            send(ex, 500, "text/plain", "cannot render\n");
        }
    }

    private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
