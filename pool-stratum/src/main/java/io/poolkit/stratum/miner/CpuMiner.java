package io.poolkit.stratum.miner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.bytes.LittleEndian;
import io.poolkit.core.pow.PowAlgorithm;
import io.poolkit.core.target.Target;
import io.poolkit.stratum.protocol.NotifyParams;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CPU stratum miner for demos and tests that behaves like cpuminer: subscribes with a user
 * agent, authorizes {@code ADDRESS.worker}, applies set_difficulty with the next notify, starts new
 * work only when the job id changes, never rolls ntime, counts extranonce2 up as a little-endian
 * number per work unit, sends the nonce as big-endian hex, and sends every submit with the same id
 * (so the server must answer in order). Its share target is the exact floor, not cpuminer's
 * double-based one.
 */
public final class CpuMiner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CpuMiner.class);
    private static final int SUBMIT_ID = 4;
    private static final int NONCES_PER_CHECK = 1 << 12;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final PowAlgorithm pow;
    private final int threads;
    private final Consumer<String> events;
    private volatile long hashesPerSecondLimit;
    private final ObjectMapper json = new ObjectMapper();
    private final MinerStats stats = new MinerStats();
    private final AtomicLong generation = new AtomicLong();

    private volatile MinerWork work;
    private volatile boolean running;
    private volatile BigDecimal nextDifficulty = BigDecimal.ONE;
    private byte[] extranonce1;
    private int extranonce2Size;
    private Socket socket;
    private OutputStream out;
    private final List<Thread> workers = new ArrayList<>();
    private Thread reader;

    /**
     * @param events receives one line per notable event (share accepted or rejected, new job), for
     *               a console; may be a no-op
     */
    public CpuMiner(String host, int port, String user, String password, PowAlgorithm pow, int threads,
                    Consumer<String> events) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.pow = pow;
        this.threads = threads;
        this.events = events;
    }

    /**
     * Caps this miner's total hash rate (0, the default, is no cap). A demo on regtest, where nearly
     * every hash is a block, needs it so the node is not flooded.
     */
    public CpuMiner limitHashesPerSecond(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (none) or positive");
        }
        this.hashesPerSecondLimit = limit;
        return this;
    }

    public MinerStats stats() {
        return stats;
    }

    /** Connects, subscribes and authorizes, then mines until {@link #close()}. */
    public CpuMiner start() throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        running = true;
        send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"poolkit-miner/1.0\"]}");
        JsonNode subscribed = readReply(in, 1);
        JsonNode result = subscribed.get("result");
        if (result == null || !result.isArray() || result.size() < 3) {
            throw new IOException("subscribe failed: " + subscribed);
        }
        extranonce1 = Hex.decode(result.get(1).asText());
        extranonce2Size = result.get(2).asInt();
        if (extranonce2Size < 2 || extranonce2Size > 16) {
            throw new IOException("extranonce2 size " + extranonce2Size + " outside 2..16");
        }
        ObjectNode auth = json.createObjectNode();
        auth.put("id", 2);
        auth.put("method", "mining.authorize");
        auth.putArray("params").add(user).add(password);
        send(auth.toString());
        reader = new Thread(() -> readLoop(in), "miner-reader");
        reader.setDaemon(true);
        reader.start();
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread t = new Thread(() -> mineLoop(index), "miner-" + i);
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            workers.add(t);
            t.start();
        }
        return this;
    }

    @Override
    public void close() {
        running = false;
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            LOG.debug("closing miner socket: {}", e.toString());
        }
        for (Thread t : workers) {
            t.interrupt();
        }
        for (Thread t : workers) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    private JsonNode readReply(BufferedReader in, int id) throws IOException {
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("pool closed the connection");
            }
            JsonNode msg = json.readTree(line);
            if (msg.path("id").asInt(-1) == id && !msg.has("method")) {
                return msg;
            }
            handleNotification(msg);
        }
    }

    private void readLoop(BufferedReader in) {
        try {
            String line;
            while (running && (line = in.readLine()) != null) {
                JsonNode msg = json.readTree(line);
                if (msg.has("method")) {
                    handleNotification(msg);
                } else if (msg.path("id").asInt() == SUBMIT_ID) {
                    handleSubmitReply(msg);
                } else if (msg.path("id").asInt() == 2 && !msg.path("result").asBoolean(false)) {
                    events.accept("authorization failed: " + msg.path("error"));
                    running = false;
                }
            }
        } catch (IOException e) {
            if (running) {
                events.accept("connection lost: " + e.getMessage());
            }
        }
        running = false;
    }

    private void handleNotification(JsonNode msg) {
        String method = msg.path("method").asText();
        JsonNode p = msg.path("params");
        if (method.equals("mining.set_difficulty") && p.size() > 0) {
            nextDifficulty = p.get(0).decimalValue();
        } else if (method.equals("mining.notify") && p.size() >= 9) {
            List<String> branch = new ArrayList<>();
            p.get(4).forEach(b -> branch.add(b.asText()));
            NotifyParams n = new NotifyParams(p.get(0).asText(), p.get(1).asText(), p.get(2).asText(), p.get(3).asText(),
                    branch, p.get(5).asText(), p.get(6).asText(), p.get(7).asText(), p.get(8).asBoolean());
            MinerWork current = work;
            if (current != null && current.jobId().equals(n.jobId())) {
                return;
            }
            Target target = pow.difficultyScale().shareTarget(nextDifficulty);
            work = MinerWork.from(generation.incrementAndGet(), n, extranonce1, extranonce2Size, target);
            stats.jobs.increment();
        } else if (method.equals("client.show_message") && p.size() > 0) {
            events.accept("pool says: " + p.get(0).asText());
        }
    }

    private void handleSubmitReply(JsonNode msg) {
        // Replies come in submit order; the server answers every submit exactly once.
        if (msg.path("result").asBoolean(false)) {
            stats.accepted.increment();
            events.accept("share accepted (" + stats.accepted() + " accepted, " + stats.rejected() + " rejected)");
        } else {
            stats.rejected.increment();
            events.accept("share rejected: " + msg.path("error"));
        }
    }

    private void mineLoop(int threadIndex) {
        byte[] hash = new byte[32];
        long extranonce2Counter = 0;
        while (running) {
            MinerWork w = work;
            if (w == null) {
                sleepQuietly(20);
                continue;
            }
            // Each thread owns the extranonce2 values whose top byte is its index.
            byte[] extranonce2 = new byte[w.extranonce2Size()];
            long counter = extranonce2Counter++;
            for (int i = 0; i < extranonce2.length - 1 && i < 8; i++) {
                extranonce2[i] = (byte) (counter >>> (8 * i));
            }
            extranonce2[extranonce2.length - 1] = (byte) threadIndex;
            byte[] header = w.header(extranonce2);
            long nonce = 0;
            while (running && nonce <= 0xffffffffL) {
                long perThreadLimit = hashesPerSecondLimit > 0 ? Math.max(1, hashesPerSecondLimit / threads) : 0;
                int chunk = perThreadLimit > 0 ? (int) Math.max(1, Math.min(NONCES_PER_CHECK, perThreadLimit / 10)) : NONCES_PER_CHECK;
                long chunkStart = System.nanoTime();
                for (int i = 0; i < chunk && nonce <= 0xffffffffL; i++, nonce++) {
                    LittleEndian.writeInt32(header, 76, (int) nonce);
                    pow.hashHeader(header, hash);
                    if (w.target().isMetBy(hash)) {
                        submit(w, extranonce2, nonce);
                    }
                }
                stats.hashes.add(chunk);
                if (perThreadLimit > 0) {
                    long wantNanos = chunk * 1_000_000_000L / perThreadLimit;
                    long leftMillis = (wantNanos - (System.nanoTime() - chunkStart)) / 1_000_000;
                    if (leftMillis > 0) {
                        sleepQuietly(leftMillis);
                    }
                }
                if (work != w) {
                    break;
                }
            }
        }
    }

    private void submit(MinerWork w, byte[] extranonce2, long nonce) {
        ObjectNode s = json.createObjectNode();
        s.put("id", SUBMIT_ID);
        s.put("method", "mining.submit");
        ArrayNode params = s.putArray("params");
        params.add(user).add(w.jobId()).add(Hex.encode(extranonce2)).add(String.format("%08x", w.ntime()))
                .add(String.format("%08x", nonce));
        stats.submitted.increment();
        try {
            send(s.toString());
        } catch (IOException e) {
            running = false;
        }
    }

    private void send(String line) throws IOException {
        synchronized (this) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
