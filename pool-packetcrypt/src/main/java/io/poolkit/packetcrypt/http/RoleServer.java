package io.poolkit.packetcrypt.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of one pool role. It reads each body up to {@code maxBodyBytes} (a bigger
 * declared or actual body is answered 413 without reading the rest), answers 501 "overloaded"
 * above {@code maxConcurrent} requests in progress (the node.js pool's maxConnections), turns
 * handler exceptions into a counted 500, and stops cleanly.
 */
public final class RoleServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RoleServer.class);

    private final String role;
    private final HttpServer http;
    private final ExecutorService executor;
    private final Semaphore slots;
    private final int maxBodyBytes;
    private final HttpHandler handler;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong tooLarge = new AtomicLong();
    private final AtomicLong overloaded = new AtomicLong();
    private final AtomicLong internalErrors = new AtomicLong();

    /**
     * Binds the server (not started yet).
     *
     * @param role          a name for logs and threads
     * @param host          the bind address
     * @param port          the port, 0 for any free port
     * @param maxBodyBytes  the largest request body accepted
     * @param maxConcurrent the most requests handled at once (long polls included)
     * @param handler       what answers the requests
     * @throws IOException if the port cannot be bound
     */
    public RoleServer(String role, String host, int port, int maxBodyBytes, int maxConcurrent, HttpHandler handler)
            throws IOException {
        if (maxBodyBytes < 0 || maxConcurrent < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 0 and maxConcurrent >= 1");
        }
        this.role = role;
        this.maxBodyBytes = maxBodyBytes;
        this.handler = handler;
        this.slots = new Semaphore(maxConcurrent);
        AtomicInteger n = new AtomicInteger();
        // One thread more than the concurrency limit, so the overload answer itself never waits.
        this.executor = Executors.newFixedThreadPool(maxConcurrent + 1, r -> {
            Thread t = new Thread(r, role + "-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpServer.create(new InetSocketAddress(host, port), 128);
        http.setExecutor(executor);
        http.createContext("/", this::exchange);
    }

    /** Starts accepting requests. */
    public RoleServer start() {
        http.start();
        LOG.info("{} listening on http://{}:{}/", role, http.getAddress().getHostString(), port());
        return this;
    }

    /** The bound port. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The base URL on the bound address, e.g. {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        return "http://" + http.getAddress().getHostString() + ":" + port();
    }

    /** Counters: requests, tooLarge, overloaded, internalErrors. */
    public Map<String, Long> counters() {
        return Map.of("requests", requests.get(), "tooLarge", tooLarge.get(), "overloaded", overloaded.get(),
                "internalErrors", internalErrors.get());
    }

    /** Stops accepting, gives requests in progress up to one second, then stops the threads. */
    @Override
    public void close() {
        http.stop(1);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void exchange(HttpExchange ex) {
        requests.incrementAndGet();
        try (ex) {
            if (!slots.tryAcquire()) {
                overloaded.incrementAndGet();
                // The body is left unread: close the connection so it cannot be mistaken for a request.
                send(ex, HttpReply.json(501, "{\"result\":\"\",\"error\":[\"overloaded\"],\"warn\":[]}")
                        .withHeader("Connection", "close"));
                return;
            }
            try {
                HttpReply reply = dispatch(ex);
                send(ex, reply);
            } finally {
                slots.release();
            }
        } catch (IOException e) {
            // The client went away; nothing to answer.
            LOG.debug("{}: connection error: {}", role, e.getMessage());
        } catch (RuntimeException e) {
            internalErrors.incrementAndGet();
            LOG.warn("{}: unexpected error", role, e);
        }
    }

    private HttpReply dispatch(HttpExchange ex) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long len;
            try {
                len = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                return error(400, "bad Content-Length");
            }
            if (len > maxBodyBytes) {
                tooLarge.incrementAndGet();
                return error(413, "body of " + len + " bytes is over the limit of " + maxBodyBytes)
                        .withHeader("Connection", "close");
            }
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        if (body.length > maxBodyBytes) {
            tooLarge.incrementAndGet();
            return error(413, "body is over the limit of " + maxBodyBytes + " bytes").withHeader("Connection", "close");
        }
        Map<String, List<String>> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        HttpRequest request = new HttpRequest(ex.getRequestMethod(), ex.getRequestURI(), headers, body);
        try {
            return handler.handle(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, "server stopping");
        } catch (Exception e) {
            internalErrors.incrementAndGet();
            LOG.warn("{}: handler failed on {} {}", role, request.method(), request.path(), e);
            return error(500, "internal error");
        }
    }

    /** The pool's error body: {@code {"result":"","error":[message],"warn":[]}}. */
    public static HttpReply error(int status, String message) {
        return HttpReply.json(status, "{\"result\":\"\",\"error\":[" + Jsons.quote(message) + "],\"warn\":[]}");
    }

    private static void send(HttpExchange ex, HttpReply reply) throws IOException {
        ex.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        byte[] body = reply.body();
        ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
