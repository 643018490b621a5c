package io.poolkit.packetcrypt.paymaker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.rpc.JsonRpc;
import io.poolkit.core.rpc.RpcException;
import io.poolkit.packetcrypt.http.BasicAuth;
import io.poolkit.packetcrypt.http.HttpReply;
import io.poolkit.packetcrypt.http.HttpRequest;
import io.poolkit.packetcrypt.http.Jsons;
import io.poolkit.packetcrypt.http.RoleServer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PayMaker's request handling: {@code POST /events} (pay logs from the handlers),
 * {@code GET /whotopay[?maxtime=ms]}, {@code GET /stats} and {@code GET /status}, all behind the
 * pool's HTTP password; and {@link #pushPayouts()}, which tells the node whom to pay with pktd's
 * {@code configureminingpayouts}. Every accepted log is stored before it is credited, and a log
 * posted again (same SHA-256 id) is answered with the same id but credited only once.
 */
public final class PayMaker implements io.poolkit.packetcrypt.http.HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PayMaker.class);

    private final PayMakerSettings settings;
    private final BasicAuth auth;
    private final PaylogStore store;
    private final PayBook book;
    private final Clock clock;
    private final Optional<JsonRpc> node;
    private final AtomicLong unauthorized = new AtomicLong();
    private final AtomicLong logsAccepted = new AtomicLong();
    private final AtomicLong logsReplayed = new AtomicLong();
    private final AtomicLong logsRejected = new AtomicLong();
    private final AtomicLong linesRejected = new AtomicLong();
    private final AtomicLong payoutUpdates = new AtomicLong();
    private final AtomicLong payoutFailures = new AtomicLong();

    /**
     * Builds the PayMaker and replays the stored logs of the last history depth.
     *
     * @param settings crediting parameters
     * @param password the pool's paymaker HTTP password
     * @param store    where logs are kept
     * @param node     the node told whom to pay (empty: never told)
     * @param clock    for receive times
     */
    public PayMaker(PayMakerSettings settings, String password, PaylogStore store, Optional<JsonRpc> node, Clock clock) {
        this.settings = settings;
        this.auth = new BasicAuth(password);
        this.store = store;
        this.node = node;
        this.clock = clock;
        this.book = new PayBook(settings);
        long newest = store.newestTime();
        book.noteEventTime(newest);
        List<PaylogStore.StoredLog> logs = store.since(newest - 1000 * settings.historyDepthSeconds());
        for (PaylogStore.StoredLog log : logs) {
            book.apply(log.body());
        }
        if (!logs.isEmpty()) {
            LOG.info("paymaker replayed {} stored pay logs", logs.size());
        }
    }

    /** The in-memory book (for status and tests). */
    public PayBook book() {
        return book;
    }

    @Override
    public HttpReply handle(HttpRequest req) {
        if (!auth.accepts(req.header("authorization"))) {
            unauthorized.incrementAndGet();
            return HttpReply.text(401, "401 Unauthorized\n").withHeader("WWW-Authenticate", "Basic realm=paymaker");
        }
        String path = req.path();
        switch (path) {
            case "/events":
                return post(req) ? events(req.body()) : methodNotAllowed();
            case "/whotopay":
                return get(req) ? whoToPay(req) : methodNotAllowed();
            case "/stats":
                return get(req) ? HttpReply.json(200, Jsons.write(stats())) : methodNotAllowed();
            case "/status":
                return get(req) ? HttpReply.json(200, Jsons.write(status())) : methodNotAllowed();
            default:
                return RoleServer.error(404, "not found");
        }
    }

    private static boolean post(HttpRequest r) {
        return "POST".equals(r.method());
    }

    private static boolean get(HttpRequest r) {
        return "GET".equals(r.method());
    }

    private static HttpReply methodNotAllowed() {
        return RoleServer.error(405, "method not allowed");
    }

    private HttpReply events(byte[] raw) {
        String body;
        try {
            body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            logsRejected.incrementAndGet();
            return RoleServer.error(400, "body is not UTF-8 text");
        }
        OptionalLong newest = PayBook.newestTimestamp(body);
        if (newest.isEmpty()) {
            logsRejected.incrementAndGet();
            return RoleServer.error(400, "could not get most recent timestamp from file");
        }
        String id = logId(body);
        ObjectNode reply = Jsons.MAPPER.createObjectNode();
        reply.putObject("result").put("eventId", id);
        ArrayNode warn = reply.putArray("warn");
        reply.putArray("error");
        // Store first: once the handler sees this id it deletes its copy.
        if (store.insertIfAbsent(id, newest.getAsLong(), body, clock.millis())) {
            PayBook.Applied applied = book.apply(body);
            logsAccepted.incrementAndGet();
            linesRejected.addAndGet(applied.rejected());
            applied.warnings().stream().limit(20).forEach(warn::add);
        } else {
            logsReplayed.incrementAndGet();
            warn.add("log " + id + " was already received; not credited again");
        }
        return HttpReply.json(200, Jsons.write(reply));
    }

    /** The first 32 hex digits of SHA-256 of the UTF-8 body (the id handlers check). */
    public static String logId(String body) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpReply whoToPay(HttpRequest req) {
        long maxTime = Long.MAX_VALUE;
        Optional<String> q = req.query("maxtime");
        if (q.isPresent()) {
            try {
                maxTime = Long.parseLong(q.get());
            } catch (NumberFormatException e) {
                // The original ignores a maxtime that is not a number.
                maxTime = Long.MAX_VALUE;
            }
        }
        return HttpReply.json(200, Jsons.write(toJson(book.whoToPay(maxTime), clock.millis())));
    }

    /** The /whotopay body: the split plus the PayMaker's bookkeeping, numbers as JavaScript prints them. */
    public static ObjectNode toJson(WhoToPay w, long generatedAt) {
        ObjectNode o = Jsons.MAPPER.createObjectNode();
        o.putArray("error");
        ArrayNode warn = o.putArray("warn");
        w.warn().forEach(warn::add);
        putOptional(o, "earliestBlockPayout", w.earliestBlockPayout());
        putOptional(o, "earliestAnnPayout", w.earliestAnnPayout());
        o.put("latestPayout", w.latestPayout());
        o.put("generatedAt", generatedAt);
        ObjectNode shares = o.putObject("payoutShares");
        w.payoutShares().forEach(shares::put);
        ObjectNode anns = o.putObject("payoutAnns");
        w.payoutAnns().forEach(anns::put);
        ObjectNode last = o.putObject("lastSubmissions");
        w.lastSubmissions().forEach(last::put);
        ObjectNode result = o.putObject("result");
        w.result().forEach((k, v) -> result.put(k, Jsons.shortest(v)));
        o.put("poolFee", Jsons.shortest(w.poolFee()));
        o.put("blockMiners", w.payoutShares().size());
        o.put("annMiners", w.payoutAnns().size());
        return o;
    }

    private static void putOptional(ObjectNode o, String name, OptionalLong v) {
        if (v.isPresent()) {
            o.put(name, v.getAsLong());
        } else {
            o.putNull(name);
        }
    }

    private Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>(book.stats());
        Runtime rt = Runtime.getRuntime();
        m.put("memory", Map.of("heapUsed", rt.totalMemory() - rt.freeMemory(), "heapTotal", rt.totalMemory()));
        return m;
    }

    /** Role status: counters and sizes (no secrets). */
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", "paymaker");
        m.putAll(book.stats());
        m.put("mostRecentEventTime", book.mostRecentEventTime());
        m.put("logsAccepted", logsAccepted.get());
        m.put("logsReplayed", logsReplayed.get());
        m.put("logsRejected", logsRejected.get());
        m.put("linesRejected", linesRejected.get());
        m.put("unauthorized", unauthorized.get());
        m.put("payoutUpdates", payoutUpdates.get());
        m.put("payoutFailures", payoutFailures.get());
        return m;
    }

    /**
     * Tells the node whom to pay: {@code configureminingpayouts {address: fraction}} with the current
     * split. If the node refuses it, everything is directed to errorAddress (so no coin is paid to a
     * wrong split) and the failure is counted.
     *
     * @return the map that the node accepted
     */
    public Map<String, Double> pushPayouts() {
        JsonRpc rpc = node.orElseThrow(() -> new IllegalStateException("no node configured for payouts"));
        Map<String, Double> split = new LinkedHashMap<>(book.whoToPay(Long.MAX_VALUE).result());
        try {
            rpc.call("configureminingpayouts", List.of(split));
            payoutUpdates.incrementAndGet();
            return split;
        } catch (RpcException | io.poolkit.core.rpc.RpcTransportException e) {
            payoutFailures.incrementAndGet();
            LOG.warn("configureminingpayouts failed ({}); directing all payouts to errorAddress", e.getMessage());
            Map<String, Double> fallback = Map.of(settings.errorAddress(), 1.0);
            rpc.call("configureminingpayouts", List.of(fallback));
            return fallback;
        }
    }
}
