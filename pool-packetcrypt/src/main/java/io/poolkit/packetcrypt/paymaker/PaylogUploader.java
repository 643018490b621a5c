package io.poolkit.packetcrypt.paymaker;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.packetcrypt.http.BasicAuth;
import io.poolkit.packetcrypt.http.Jsons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A handler's side of the pay log, kept on disk so that a killed handler loses no miner's credit
 * (the node.js handlers also write their pay logs to files first). Events are appended as ndjson
 * lines to {@code current.ndjson} in the spool folder, each with one write, so what was appended
 * survives the process; {@link #flush()} turns the current file into a numbered log and posts every
 * log, oldest first, to {@code paymakerUrl/events} with the pool password. A log file is deleted only
 * when the PayMaker answers with that log's own id (SHA-256 of the body), so a lost answer means the
 * same log is posted again, and the PayMaker credits it once. A new uploader on the same folder picks
 * up whatever the previous process left.
 */
public final class PaylogUploader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PaylogUploader.class);
    private static final String CURRENT = "current.ndjson";
    private static final Pattern LOG_FILE = Pattern.compile("log-(\\d{19})\\.ndjson");

    private final URI eventsUrl;
    private final String authHeader;
    private final HttpClient http;
    private final Path spool;
    private final Object posting = new Object();
    private FileChannel current;
    private long currentBytes;
    private long nextSequence;
    private long uploaded;
    private long failed;

    /**
     * An uploader to {@code paymakerUrl} with the pool's PayMaker password, spooling in {@code spoolDir}
     * (created if missing; events a previous process appended there are uploaded too).
     */
    public PaylogUploader(String paymakerUrl, String password, Path spoolDir) {
        this.eventsUrl = URI.create(paymakerUrl.replaceAll("/+$", "") + "/events");
        this.authHeader = BasicAuth.header(password);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.spool = spoolDir;
        try {
            Files.createDirectories(spoolDir);
            nextSequence = logFiles().stream().mapToLong(PaylogUploader::sequence).max().orElse(0) + 1;
            recoverCurrent();
            openCurrent();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the pay log folder " + spoolDir, e);
        }
    }

    /** Appends one event (a JSON object without newlines); it is on disk when this returns. */
    public synchronized void append(String eventJson) {
        if (eventJson.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an event is one line");
        }
        ByteBuffer line = ByteBuffer.wrap((eventJson + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (line.hasRemaining()) {
                currentBytes += current.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the pay log in " + spool, e);
        }
    }

    /**
     * Closes the current log and posts every waiting log, oldest first; stops at the first failure
     * (the rest wait for the next flush).
     *
     * @return how many logs the PayMaker accepted
     */
    public int flush() {
        synchronized (this) {
            try {
                cutCurrent();
            } catch (IOException e) {
                LOG.warn("cannot close the current pay log in {}: {}", spool, e.getMessage());
            }
        }
        synchronized (posting) {
            int ok = 0;
            for (Path log : logFiles()) {
                String body;
                try {
                    body = Files.readString(log, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    LOG.warn("cannot read pay log {}: {}", log, e.getMessage());
                    return ok;
                }
                if (!post(body)) {
                    return ok;
                }
                try {
                    Files.delete(log);
                } catch (IOException e) {
                    // Posted again next time; the PayMaker credits a log once.
                    LOG.warn("cannot delete uploaded pay log {}: {}", log, e.getMessage());
                }
                synchronized (this) {
                    uploaded++;
                }
                ok++;
            }
            return ok;
        }
    }

    /** Counters: uploaded, failed, pending (logs waiting, the current one included if it has events). */
    public synchronized Map<String, Long> counters() {
        return Map.of("uploaded", uploaded, "failed", failed,
                "pending", (long) logFiles().size() + (currentBytes > 0 ? 1 : 0));
    }

    /** Closes the current file; the events stay in the folder for the next uploader. */
    @Override
    public synchronized void close() {
        try {
            current.close();
        } catch (IOException e) {
            LOG.warn("closing the pay log in {}: {}", spool, e.getMessage());
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

    /** A current file left by a killed process becomes a log; a torn last line (killed mid-write) is cut off. */
    private void recoverCurrent() throws IOException {
        Path file = spool.resolve(CURRENT);
        if (!Files.exists(file)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            LOG.warn("pay log {} ends with a torn event ({} bytes); it is dropped", file, bytes.length - end);
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                c.truncate(end);
            }
        }
        if (end == 0) {
            Files.delete(file);
            return;
        }
        moveToLog(file);
    }

    private void cutCurrent() throws IOException {
        if (currentBytes == 0) {
            return;
        }
        current.force(true);
        current.close();
        moveToLog(spool.resolve(CURRENT));
        openCurrent();
    }

    private void moveToLog(Path file) throws IOException {
        Path log = spool.resolve(String.format("log-%019d.ndjson", nextSequence++));
        Files.move(file, log, StandardCopyOption.ATOMIC_MOVE);
    }

    private void openCurrent() throws IOException {
        current = FileChannel.open(spool.resolve(CURRENT), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        currentBytes = current.size();
    }

    private List<Path> logFiles() {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(p -> LOG_FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the pay log folder " + spool, e);
        }
    }

    private static long sequence(Path log) {
        Matcher m = LOG_FILE.matcher(log.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : 0;
    }
}
