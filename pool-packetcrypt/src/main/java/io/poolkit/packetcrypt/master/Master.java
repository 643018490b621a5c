package io.poolkit.packetcrypt.master;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.bytes.ByteWriter;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.bytes.LittleEndian;
import io.poolkit.core.rpc.JsonRpc;
import io.poolkit.packetcrypt.http.HttpHandler;
import io.poolkit.packetcrypt.http.HttpReply;
import io.poolkit.packetcrypt.http.HttpRequest;
import io.poolkit.packetcrypt.http.Jsons;
import io.poolkit.packetcrypt.http.RoleServer;
import io.poolkit.packetcrypt.pool.PoolSigningKeys;
import io.poolkit.packetcrypt.pool.PoolWorkMath;
import io.poolkit.packetcrypt.pool.WorkFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Master: polls the node's tip ({@code getbestblockhash}); on a new tip fetches
 * {@code getrawblocktemplate} and writes {@code work_<h>.bin} and {@code bt_<h>.bin}; serves
 * {@code GET /config.json} ({@code max-age=8 stale-while-revalidate=2}, the original's missing
 * comma kept), {@code GET /work_<h>.bin} ({@code max-age=1000}; a request for the next height is
 * held until it exists or the long poll ends with 300 {@code x-pc-longpoll: try-again}),
 * {@code GET /bt_<h>.bin} and {@code GET /blkinfo_<hash>.json} (cacheable forever), and
 * {@code GET /status}.
 */
public final class Master implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Master.class);
    private static final Pattern WORK = Pattern.compile("/(work|bt)_([0-9]{1,10})\\.bin");
    private static final Pattern BLKINFO = Pattern.compile("/blkinfo_([0-9a-f]{64})\\.json");
    /** Blkinfo answers kept (each is small and never changes). */
    private static final int BLKINFO_CACHE = 2000;

    private final MasterSettings settings;
    private final JsonRpc node;
    private final int annTarget;
    private final Map<Integer, byte[]> works = new ConcurrentHashMap<>();
    private final Map<Integer, byte[]> templates = new ConcurrentHashMap<>();
    private final Map<String, byte[]> blkinfo = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, byte[]> e) {
                    return size() > BLKINFO_CACHE;
                }
            });
    private final Object tipChanged = new Object();
    private volatile String tipHashDisplay;
    private volatile int currentHeight = -1;
    private final AtomicLong longPollTimeouts = new AtomicLong();
    private final AtomicLong badRequests = new AtomicLong();
    private final AtomicLong pollFailures = new AtomicLong();

    /** A master on {@code node}; call {@link #poll()} (periodically) to follow the chain. */
    public Master(MasterSettings settings, JsonRpc node) {
        this.settings = settings;
        this.node = node;
        this.annTarget = PoolWorkMath.annWorkToTarget(settings.annMinWork());
    }

    /** The compact announcement target derived from annMinWork. */
    public int annTarget() {
        return annTarget;
    }

    /** The height being mined, -1 before the first template. */
    public int currentHeight() {
        return currentHeight;
    }

    /**
     * One poll of the node: if the tip changed, build and publish the work for the next height.
     * Errors are logged and counted; the previous work stays served.
     *
     * @return true if new work was published
     */
    public boolean poll() {
        try {
            String best = node.call("getbestblockhash", List.of()).asText();
            if (best.equals(tipHashDisplay)) {
                return false;
            }
            JsonNode t = node.call("getrawblocktemplate", List.of());
            publish(best, t);
            return true;
        } catch (RuntimeException | IOException e) {
            pollFailures.incrementAndGet();
            LOG.warn("master: polling the node failed: {}", e.getMessage());
            return false;
        }
    }

    private void publish(String bestDisplay, JsonNode t) throws IOException {
        int height = t.path("height").asInt(-1);
        if (height < 0) {
            throw new IOException("getrawblocktemplate has no height");
        }
        byte[] header = Hex.decode(t.path("header").asText(), 80, "template header");
        byte[] cnw = Hex.decode(t.path("coinbase_no_witness").asText());
        List<byte[]> branch = new ArrayList<>();
        t.path("merklebranch").forEach(b -> branch.add(Hex.decode(b.asText(), 32, "merkle branch hash")));
        List<byte[]> txs = new ArrayList<>();
        t.path("transactions").forEach(x -> txs.add(Hex.decode(x.asText())));
        byte[] work = readKept("work_" + height + ".bin").orElse(null);
        byte[] bt = readKept("bt_" + height + ".bin").orElse(null);
        if (work == null || bt == null) {
            // A new height: build both. Existing files are reused so shares on them stay valid.
            int bits = LittleEndian.readInt32(header, 72);
            byte[] key = settings.privateSeed().map(s -> PoolSigningKeys.publicKey(PoolSigningKeys.seed(s, height)))
                    .orElse(new byte[32]);
            int shareTarget = PoolWorkMath.shareTarget(bits, settings.shareWorkDivisor());
            work = new WorkFile(header, key, shareTarget, annTarget, height, cnw, branch).encode();
            bt = blockTemplateFile(height, header, cnw, branch, txs);
            keep("work_" + height + ".bin", work);
            keep("bt_" + height + ".bin", bt);
        }
        templates.put(height, bt);
        works.put(height, work);
        // Keep a bounded window of heights in memory.
        works.keySet().removeIf(h -> h < height - 100);
        templates.keySet().removeIf(h -> h < height - 100);
        synchronized (tipChanged) {
            tipHashDisplay = bestDisplay;
            currentHeight = height;
            tipChanged.notifyAll();
        }
        LOG.info("master: new work for height {} on tip {}", height, bestDisplay);
    }

    /** {@code bt_<h>.bin}: varint(1), varint(height), then header, coinbase, branch and txs each as varint-length bytes. */
    static byte[] blockTemplateFile(int height, byte[] header, byte[] cnw, List<byte[]> branch, List<byte[]> txs) {
        ByteWriter w = new ByteWriter();
        w.writeVarInt(1).writeVarInt(height).writeVarBytes(header).writeVarBytes(cnw);
        ByteWriter b = new ByteWriter();
        branch.forEach(b::writeBytes);
        w.writeVarBytes(b.toByteArray());
        w.writeVarInt(txs.size());
        txs.forEach(w::writeVarBytes);
        return w.toByteArray();
    }

    private Optional<byte[]> readKept(String name) throws IOException {
        if (settings.workdir().isEmpty()) {
            return Optional.empty();
        }
        Path p = settings.workdir().get().resolve(name);
        return Files.isRegularFile(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
    }

    private void keep(String name, byte[] bytes) throws IOException {
        if (settings.workdir().isPresent()) {
            Path dir = settings.workdir().get();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(name + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    @Override
    public HttpReply handle(HttpRequest req) throws InterruptedException {
        if (!"GET".equals(req.method())) {
            badRequests.incrementAndGet();
            return RoleServer.error(405, "only GET");
        }
        String path = req.path();
        if (path.equals("/config.json")) {
            if (currentHeight < 0) {
                return RoleServer.error(503, "no work yet: the master has not reached the node");
            }
            return HttpReply.json(200, Jsons.write(configJson()))
                    .withHeader("Cache-Control", "max-age=8 stale-while-revalidate=2");
        }
        if (path.equals("/status")) {
            return HttpReply.json(200, Jsons.write(status()));
        }
        Matcher m = WORK.matcher(path);
        if (m.matches()) {
            long h = Long.parseLong(m.group(2));
            boolean isWork = m.group(1).equals("work");
            return file(isWork, h);
        }
        Matcher b = BLKINFO.matcher(path);
        if (b.matches()) {
            return blkinfo(b.group(1));
        }
        badRequests.incrementAndGet();
        return RoleServer.error(404, "not found");
    }

    private HttpReply file(boolean isWork, long h) throws InterruptedException {
        if (h > Integer.MAX_VALUE) {
            return RoleServer.error(404, "not found");
        }
        int height = (int) h;
        Map<Integer, byte[]> files = isWork ? works : templates;
        byte[] f = files.get(height);
        if (f == null && height == currentHeight + 1 && currentHeight >= 0) {
            // Long poll: hold the request until the next work is written.
            long deadline = System.nanoTime() + settings.longPollMillis() * 1_000_000;
            synchronized (tipChanged) {
                while ((f = files.get(height)) == null) {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        break;
                    }
                    tipChanged.wait(left);
                }
            }
            if (f == null) {
                longPollTimeouts.incrementAndGet();
                return HttpReply.text(300, "try again\n").withHeader("x-pc-longpoll", "try-again")
                        .withHeader("Cache-Control", "no-store");
            }
        }
        if (f == null) {
            return RoleServer.error(404, "no work for height " + height);
        }
        return HttpReply.bytes(200, f).withHeader("Cache-Control", "max-age=1000");
    }

    private HttpReply blkinfo(String hashDisplay) {
        byte[] cached = blkinfo.get(hashDisplay);
        if (cached == null) {
            JsonNode header;
            try {
                header = node.call("getblockheader", List.of(hashDisplay, true));
            } catch (RuntimeException e) {
                return RoleServer.error(404, "unknown block " + hashDisplay);
            }
            if (!header.isObject()) {
                return RoleServer.error(404, "unknown block " + hashDisplay);
            }
            ObjectNode h = ((ObjectNode) header).deepCopy();
            // These two change as the chain grows; without them the answer never changes.
            h.remove("confirmations");
            h.remove("nextblockhash");
            ObjectNode out = Jsons.MAPPER.createObjectNode();
            out.set("header", h);
            long height = h.path("height").asLong(-1);
            if (settings.privateSeed().isPresent() && height >= 0) {
                out.put("sigKey", Hex.encode(PoolSigningKeys.publicKey(
                        PoolSigningKeys.seed(settings.privateSeed().get(), height + 1))));
            } else {
                out.putNull("sigKey");
            }
            cached = Jsons.write(out).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            blkinfo.put(hashDisplay, cached);
        }
        return new HttpReply(200, "application/json", cached, Map.of())
                .withHeader("Cache-Control", "public, max-age=31536000, immutable");
    }

    /** The pool's config.json as miners read it. */
    public ObjectNode configJson() {
        ObjectNode c = Jsons.MAPPER.createObjectNode();
        c.put("tipHash", tipHashDisplay);
        c.put("currentHeight", currentHeight);
        c.put("masterUrl", settings.masterUrl());
        ArrayNode submitAnn = c.putArray("submitAnnUrls");
        settings.annHandlerUrls().forEach(u -> submitAnn.add(u + "/submit"));
        ArrayNode downloadAnn = c.putArray("downloadAnnUrls");
        settings.annHandlerUrls().forEach(downloadAnn::add);
        ArrayNode submitBlock = c.putArray("submitBlockUrls");
        settings.blkHandlerUrls().forEach(u -> submitBlock.add(u + "/submit"));
        c.put("paymakerUrl", settings.paymakerUrl());
        c.put("version", 3);
        c.put("softVersion", 1);
        ArrayNode versions = c.putArray("annVersions");
        settings.annVersions().forEach(versions::add);
        c.put("mineOldAnns", settings.mineOldAnns());
        c.put("annTarget", annTarget);
        return c;
    }

    /** Counters and the current work. */
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", "master");
        m.put("currentHeight", currentHeight);
        m.put("tipHash", tipHashDisplay);
        m.put("worksKept", works.size());
        m.put("longPollTimeouts", longPollTimeouts.get());
        m.put("badRequests", badRequests.get());
        m.put("pollFailures", pollFailures.get());
        return m;
    }
}
