package io.poolkit.pegnet.stratum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.pegnet.lxr.LxrHash;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small Prosper stratum miner for tests and demos (upstream's hidden {@code prosper-pool miner}): subscribes,
 * authorizes {@code user,minerId}, follows {@code mining.notify}, {@code mining.set_target} and
 * {@code mining.set_nonce}, and mines on one thread with prosper-miner's batch nonce layout
 * {@code u32be(poolNonce) || thread byte 0 || u32be(counter)}, submitting every hash above the target.
 * Answers {@code client.get_version}.
 */
public final class ProsperMiner implements AutoCloseable {

    /** What the miner reports to {@code client.get_version}. */
    public static final String VERSION = "poolkit-miner/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LxrHash lxr;
    private final String user;
    private final String minerId;
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private final AtomicInteger ids = new AtomicInteger(1);
    private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile String jobId;
    private volatile String oprHashHex;
    private volatile long target = 0xffff000000000000L;
    private volatile long poolNonce;
    private volatile long counter;
    private long accepted;
    private long rejected;

    /** Connects to {@code host:port}; call {@link #start()} next. */
    public ProsperMiner(String host, int port, String user, String minerId, LxrHash lxr) throws IOException {
        this.lxr = lxr;
        this.user = user;
        this.minerId = minerId;
        this.socket = new Socket(host, port);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
        this.reader = new Thread(this::readLoop, "prosper-miner-" + minerId);
        this.reader.setDaemon(true);
    }

    /** Subscribes and authorizes; true when authorized. */
    public boolean start() throws IOException {
        reader.start();
        JsonNode sub = call("mining.subscribe", List.of("poolkit/" + VERSION));
        for (JsonNode n : sub.path("result")) {
            if (n.path("type").asText().equals("mining.set_nonce")) {
                poolNonce = Long.parseLong(n.path("id").asText());
            }
        }
        return call("mining.authorize", List.of(user + "," + minerId, "")).path("result").asBoolean(false);
    }

    /** The job being mined, if any. */
    public String jobId() {
        return jobId;
    }

    /**
     * Mines the current job until {@code shares} shares were answered (accepted or not) or {@code timeout}
     * passes; returns how many were accepted.
     */
    public int mine(int shares, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int answered = 0;
        int ok = 0;
        while (answered < shares && System.nanoTime() < deadline) {
            String job = jobId;
            String opr = oprHashHex;
            if (job == null) {
                sleepBriefly();
                continue;
            }
            byte[] oprHash = Hex.decode(opr);
            byte[] nonce = nonce(counter++);
            long t = lxr.difficulty(oprHash, nonce);
            if (Long.compareUnsigned(t, target) > 0) {
                answered++;
                JsonNode r = call("mining.submit", List.of(user, job, Hex.encode(nonce), opr, String.format("%016x", t)));
                if (r.path("result").asBoolean(false)) {
                    ok++;
                    accepted++;
                } else {
                    rejected++;
                }
            }
        }
        return ok;
    }

    /** Shares accepted so far. */
    public long accepted() {
        return accepted;
    }

    /** Shares refused so far. */
    public long rejected() {
        return rejected;
    }

    private byte[] nonce(long c) {
        long p = poolNonce;
        return new byte[] {(byte) (p >>> 24), (byte) (p >>> 16), (byte) (p >>> 8), (byte) p, 0,
            (byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c};
    }

    private JsonNode call(String method, List<String> params) throws IOException {
        int id = ids.getAndIncrement();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        waiting.put(id, f);
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("method", method);
        params.forEach(o.putArray("params")::add);
        send(o);
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("no answer to " + method, e);
        } finally {
            waiting.remove(id);
        }
    }

    private synchronized void send(JsonNode message) throws IOException {
        out.write((JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void readLoop() {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode n = JSON.readTree(line);
                String method = n.path("method").asText("");
                if (method.isEmpty()) {
                    CompletableFuture<JsonNode> f = waiting.get(n.path("id").asInt());
                    if (f != null) {
                        f.complete(n);
                    }
                    continue;
                }
                JsonNode p = n.path("params");
                switch (method) {
                    case "mining.notify" -> {
                        oprHashHex = p.path(1).asText();
                        jobId = p.path(0).asText();
                        counter = 0;
                    }
                    case "mining.set_target" -> {
                        String t = p.path(0).asText();
                        target = Long.parseUnsignedLong(t.startsWith("0x") ? t.substring(2) : t, 16);
                    }
                    case "mining.set_nonce" -> poolNonce = Long.parseLong(p.path(0).asText());
                    case "client.get_version" -> {
                        ObjectNode r = JSON.createObjectNode();
                        r.set("id", n.get("id"));
                        r.put("result", VERSION);
                        send(r);
                    }
                    default -> {
                        // show_message, reconnect, stop_mining: nothing to do for this miner
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            waiting.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Disconnects. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
