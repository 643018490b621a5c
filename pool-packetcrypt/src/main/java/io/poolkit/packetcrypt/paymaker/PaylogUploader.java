package io.poolkit.packetcrypt.paymaker;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.packetcrypt.http.BasicAuth;
import io.poolkit.packetcrypt.http.Jsons;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A handler's side of the pay log: events are appended as ndjson lines; {@link #flush()} cuts the
 * pending lines into one log and posts it to {@code paymakerUrl/events} with the pool password. A
 * log is dropped only when the PayMaker answers with the log's own id (SHA-256 of the body), so a
 * lost answer just means the same log is posted again (and the PayMaker credits it once).
 */
public final class PaylogUploader {

    private static final Logger LOG = LoggerFactory.getLogger(PaylogUploader.class);
    /** Logs waiting beyond this many are dropped oldest first (and counted), so memory stays bounded. */
    static final int MAX_PENDING_LOGS = 1000;

    private final URI eventsUrl;
    private final String authHeader;
    private final HttpClient http;
    private final StringBuilder current = new StringBuilder();
    private final Deque<String> pending = new ArrayDeque<>();
    private long uploaded;
    private long failed;
    private long dropped;

    /** An uploader to {@code paymakerUrl} with the pool's PayMaker password. */
    public PaylogUploader(String paymakerUrl, String password) {
        this.eventsUrl = URI.create(paymakerUrl.replaceAll("/+$", "") + "/events");
        this.authHeader = BasicAuth.header(password);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Appends one event (a JSON object without newlines). */
    public synchronized void append(String eventJson) {
        if (eventJson.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an event is one line");
        }
        current.append(eventJson).append('\n');
    }

    /**
     * Posts every pending log, oldest first; stops at the first failure (kept for the next flush).
     *
     * @return how many logs were accepted
     */
    public int flush() {
        synchronized (this) {
            if (current.length() > 0) {
                pending.addLast(current.toString());
                current.setLength(0);
                while (pending.size() > MAX_PENDING_LOGS) {
                    pending.removeFirst();
                    dropped++;
                }
            }
        }
        int ok = 0;
        while (true) {
            String log;
            synchronized (this) {
                log = pending.peekFirst();
            }
            if (log == null || !post(log)) {
                return ok;
            }
            synchronized (this) {
                pending.remove(log);
                uploaded++;
            }
            ok++;
        }
    }

    private boolean post(String log) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(eventsUrl).timeout(Duration.ofSeconds(30))
                    .header("Authorization", authHeader).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(log, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                JsonNode n = Jsons.MAPPER.readTree(r.body());
                if (PayMaker.logId(log).equals(n.path("result").path("eventId").asText())) {
                    return true;
                }
            }
            LOG.warn("paymaker refused a pay log: HTTP {}", r.statusCode());
        } catch (IOException e) {
            LOG.warn("paymaker unreachable at {}: {}", eventsUrl, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            failed++;
        }
        return false;
    }

    /** Counters: uploaded, failed, dropped, pending. */
    public synchronized java.util.Map<String, Long> counters() {
        return java.util.Map.of("uploaded", uploaded, "failed", failed, "dropped", dropped,
                "pending", (long) pending.size() + (current.length() > 0 ? 1 : 0));
    }
}
