package io.poolkit.packetcrypt.master;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.packetcrypt.http.Jsons;
import io.poolkit.packetcrypt.pool.WorkFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How handlers learn the work: {@code GET /config.json} (refreshed at most once a second) and
 * {@code GET /work_<h>.bin}, which never changes for a height and is cached (the newest 16).
 */
public final class MasterClient {

    private static final int CACHED_WORKS = 16;

    private final String baseUrl;
    private final HttpClient http;
    private final Clock clock;
    private final Map<Integer, WorkFile> works = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, WorkFile> e) {
            return size() > CACHED_WORKS;
        }
    };
    private JsonNode config;
    private long configAt = Long.MIN_VALUE;

    /** A client of the master at {@code baseUrl}. */
    public MasterClient(String baseUrl, Clock clock) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The master's config.json, at most one second old. */
    public synchronized JsonNode config() throws IOException {
        long now = clock.millis();
        if (config == null || now - configAt >= 1000 || now < configAt) {
            HttpResponse<byte[]> r = get("/config.json");
            if (r.statusCode() != 200) {
                throw new IOException("master config.json: HTTP " + r.statusCode());
            }
            config = Jsons.MAPPER.readTree(r.body());
            configAt = now;
        }
        return config;
    }

    /** Forgets the cached config.json (next call fetches it). */
    public synchronized void refresh() {
        config = null;
    }

    /** The height being mined. */
    public int currentHeight() throws IOException {
        return config().path("currentHeight").asInt();
    }

    /** The work for {@code height}, empty if the master has none (404). */
    public Optional<WorkFile> work(int height) throws IOException {
        synchronized (this) {
            WorkFile w = works.get(height);
            if (w != null) {
                return Optional.of(w);
            }
        }
        if (height < 0) {
            return Optional.empty();
        }
        HttpResponse<byte[]> r = get("/work_" + height + ".bin");
        if (r.statusCode() != 200) {
            return Optional.empty();
        }
        WorkFile w = WorkFile.parse(r.body());
        synchronized (this) {
            works.put(height, w);
        }
        return Optional.of(w);
    }

    /** The non-coinbase transactions of the template for {@code height} (from {@code bt_<h>.bin}). */
    public List<byte[]> templateTransactions(int height) throws IOException {
        HttpResponse<byte[]> r = get("/bt_" + height + ".bin");
        if (r.statusCode() != 200) {
            throw new IOException("master has no block template for height " + height);
        }
        io.poolkit.core.bytes.ByteReader br = new io.poolkit.core.bytes.ByteReader(r.body());
        br.readVarInt();
        br.readVarInt();
        for (int i = 0; i < 3; i++) {
            br.readBytes((int) br.readVarInt());
        }
        long n = br.readVarInt();
        List<byte[]> txs = new java.util.ArrayList<>();
        for (long i = 0; i < n; i++) {
            txs.add(br.readBytes((int) br.readVarInt()));
        }
        return txs;
    }

    private HttpResponse<byte[]> get(String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }
}
