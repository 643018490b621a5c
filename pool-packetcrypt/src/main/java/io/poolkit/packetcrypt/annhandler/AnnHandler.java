package io.poolkit.packetcrypt.annhandler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.bytes.LittleEndian;
import io.poolkit.core.target.CompactBits;
import io.poolkit.packetcrypt.ann.AnnResult;
import io.poolkit.packetcrypt.ann.AnnValidator;
import io.poolkit.packetcrypt.ann.Announcement;
import io.poolkit.packetcrypt.crypto.Blake2b;
import io.poolkit.packetcrypt.http.HttpHandler;
import io.poolkit.packetcrypt.http.HttpReply;
import io.poolkit.packetcrypt.http.HttpRequest;
import io.poolkit.packetcrypt.http.Jsons;
import io.poolkit.packetcrypt.http.RoleServer;
import io.poolkit.packetcrypt.master.MasterClient;
import io.poolkit.packetcrypt.paymaker.PaylogUploader;
import io.poolkit.packetcrypt.pool.WorkFile;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The AnnHandler. {@code POST /submit} takes {@code n x 1024} bytes of anns with headers
 * {@code x-pc-worknum} (parent height + 1), {@code x-pc-payto} and {@code x-pc-sver}. The whole
 * batch is refused (400, nothing credited) if any ann has the wrong version or parent height, an
 * unexpected signing key, work easier than the pool's ann target, or belongs to another handler
 * (sver below 2: content hash must be zero and {@code dedup % handlerCount} must be this handler).
 * Otherwise each ann is counted as badHash (dedup hash 0 or all ones), dup (seen for that parent
 * height), inval (fails validation; a {@code skipCheckChance} share of anns is not validated, as
 * in the original) or accepted. The reply and the PayMaker event are the original's AnnsEvent.
 */
public final class AnnHandler implements HttpHandler {

    private static final Pattern PAYTO = Pattern.compile("^[a-zA-Z0-9]{1,63}$");
    private static final Pattern FILE = Pattern.compile("/anns/(anns_[0-9]{1,10}_[0-9]{1,4}_[0-9]{1,19}\\.bin)");

    private final AnnHandlerSettings settings;
    private final MasterClient master;
    private final PaylogUploader paylog;
    private final AnnValidator validator = new AnnValidator();
    private final Clock clock;
    private final RandomGenerator random;
    private final AnnFiles files;
    private final TreeMap<Long, Set<Long>> seen = new TreeMap<>();
    private final Map<String, AtomicLong> counters = new LinkedHashMap<>();

    /**
     * An AnnHandler.
     *
     * @param settings its place and limits
     * @param master   where the work (parent hashes, signing keys, ann target) comes from
     * @param paylog   where events for the PayMaker go
     * @param clock    event times and file ages
     * @param random   which anns skip full validation
     */
    public AnnHandler(AnnHandlerSettings settings, MasterClient master, PaylogUploader paylog, Clock clock,
                      RandomGenerator random) {
        this.settings = settings;
        this.master = master;
        this.paylog = paylog;
        this.clock = clock;
        this.random = random;
        this.files = new AnnFiles(settings);
        for (String c : new String[] {"batchesAccepted", "batchesRefused", "annsAccepted", "annsDup", "annsInval",
            "annsBadHash", "annsUnchecked"}) {
            counters.put(c, new AtomicLong());
        }
    }

    private void count(String name, long n) {
        counters.get(name).addAndGet(n);
    }

    @Override
    public HttpReply handle(HttpRequest req) throws IOException {
        String path = req.path();
        files.tick(clock.millis());
        if (path.equals("/submit")) {
            if (!"POST".equals(req.method())) {
                return RoleServer.error(405, "POST anns to /submit");
            }
            HttpReply r;
            try {
                r = submit(req);
            } catch (IllegalArgumentException e) {
                r = RoleServer.error(400, e.getMessage());
            }
            count(r.status() == 200 ? "batchesAccepted" : "batchesRefused", 1);
            return r;
        }
        if (!"GET".equals(req.method())) {
            return RoleServer.error(405, "only GET here");
        }
        if (path.equals("/anns/index.json")) {
            ObjectNode o = Jsons.MAPPER.createObjectNode();
            o.put("highestAnnFile", files.highestFile());
            ArrayNode a = o.putArray("files");
            files.names().forEach(a::add);
            return HttpReply.json(200, Jsons.write(o)).withHeader("Cache-Control", "max-age=1");
        }
        var m = FILE.matcher(path);
        if (m.matches()) {
            return files.file(m.group(1)).map(b -> HttpReply.bytes(200, b).withHeader("Cache-Control", "max-age=1000"))
                    .orElse(RoleServer.error(404, "no such ann file"));
        }
        if (path.equals("/status")) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("role", "annhandler");
            s.put("handler", settings.handlerIndex());
            counters.forEach((k, v) -> s.put(k, v.get()));
            s.put("paylog", paylog.counters());
            return HttpReply.json(200, Jsons.write(s));
        }
        return RoleServer.error(404, "not found");
    }

    private HttpReply submit(HttpRequest req) throws IOException {
        Optional<String> payTo = req.header("x-pc-payto");
        if (payTo.isEmpty() || !PAYTO.matcher(payTo.get()).matches()) {
            return RoleServer.error(400, "x-pc-payto must be 1 to 63 letters and digits");
        }
        long workNum;
        try {
            workNum = Long.parseLong(req.header("x-pc-worknum").orElse(""));
        } catch (NumberFormatException e) {
            return RoleServer.error(400, "x-pc-worknum must be the parent height + 1");
        }
        int sver;
        try {
            sver = Integer.parseInt(req.header("x-pc-sver").orElse("0"));
        } catch (NumberFormatException e) {
            return RoleServer.error(400, "x-pc-sver must be a number");
        }
        byte[] body = req.body();
        int n = body.length / Announcement.SIZE;
        int runt = body.length % Announcement.SIZE == 0 ? 0 : 1;
        if (n == 0) {
            return RoleServer.error(400, "the body must hold whole 1024-byte announcements");
        }
        int current = master.currentHeight();
        if (workNum < 1 || workNum > current) {
            return RoleServer.error(400, "x-pc-worknum " + workNum + " is not a height with work (current " + current + ")");
        }
        Optional<WorkFile> work = master.work((int) workNum);
        if (work.isEmpty()) {
            return RoleServer.error(400, "no work for height " + workNum + " at the master (too old?)");
        }
        WorkFile w = work.get();
        byte[] parentHash = Arrays.copyOfRange(w.header(), 4, 36);
        byte[] poolKey = w.signingKey();
        boolean poolSigns = !Arrays.equals(poolKey, new byte[32]);
        java.math.BigInteger annTarget = CompactBits.toTarget(w.annTarget()).value();
        int annVersion = master.config().path("annVersions").path(0).asInt(1);
        long parentHeight = workNum - 1;

        // Structural checks on every ann first: any failure refuses the whole batch.
        int maxBits = 0;
        java.math.BigInteger easiest = java.math.BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            Announcement a = Announcement.of(body, i * Announcement.SIZE);
            String where = "ann " + i + ": ";
            if (a.version() != annVersion) {
                return RoleServer.error(400, where + "version " + a.version() + ", the pool takes " + annVersion);
            }
            if (a.parentHeight() != parentHeight) {
                return RoleServer.error(400, where + "parent height " + a.parentHeight() + " but x-pc-worknum says "
                        + parentHeight);
            }
            if (a.hasSigningKey() && (!poolSigns || !Arrays.equals(a.signingKey(), poolKey))) {
                return RoleServer.error(400, where + "signed with a key that is not this pool's for height " + workNum);
            }
            java.math.BigInteger t;
            try {
                t = CompactBits.toTarget(a.workBits()).value();
            } catch (IllegalArgumentException e) {
                return RoleServer.error(400, where + "work bits are not a valid target");
            }
            if (t.compareTo(annTarget) > 0) {
                return RoleServer.error(400, where + "work " + CompactBits.toHex(a.workBits())
                        + " is below the pool's ann target " + CompactBits.toHex(w.annTarget()));
            }
            if (t.compareTo(easiest) > 0) {
                easiest = t;
                maxBits = a.workBits();
            }
            long dedup = LittleEndian.readInt64(a.hash(), 0);
            if (sver < 2) {
                if (!Arrays.equals(a.contentHash(), new byte[32])) {
                    return RoleServer.error(400, where + "content hash must be zero for x-pc-sver below 2");
                }
                if (Long.remainderUnsigned(dedup, settings.handlerCount()) != settings.handlerIndex()) {
                    return RoleServer.error(400, where + "belongs to handler "
                            + Long.remainderUnsigned(dedup, settings.handlerCount()) + ", this is handler "
                            + settings.handlerIndex());
                }
            } else if (a.hardNonce() % settings.handlerCount() != settings.handlerIndex()) {
                return RoleServer.error(400, where + "hard nonce routes it to handler "
                        + a.hardNonce() % settings.handlerCount());
            }
        }

        long accepted = 0;
        long dup = 0;
        long inval = 0;
        long badHash = 0;
        long unsigned = 0;
        long totalLen = 0;
        long now = clock.millis();
        for (int i = 0; i < n; i++) {
            byte[] ann = Arrays.copyOfRange(body, i * Announcement.SIZE, (i + 1) * Announcement.SIZE);
            Announcement a = Announcement.of(ann);
            long dedup = LittleEndian.readInt64(a.hash(), 0);
            if (dedup == 0 || dedup == -1L) {
                badHash++;
                continue;
            }
            if (random.nextDouble() >= settings.skipCheckChance()) {
                AnnResult r = validator.check(ann, parentHash);
                if (!r.ok()) {
                    inval++;
                    continue;
                }
            } else {
                count("annsUnchecked", 1);
            }
            if (!markSeen(parentHeight, dedup)) {
                dup++;
                continue;
            }
            accepted++;
            if (poolSigns && !a.hasSigningKey()) {
                unsigned++;
            }
            totalLen += a.contentLength();
            files.add(parentHeight, ann, now);
        }
        count("annsAccepted", accepted);
        count("annsDup", dup);
        count("annsInval", inval);
        count("annsBadHash", badHash);

        ObjectNode ev = Jsons.MAPPER.createObjectNode();
        ev.put("type", "anns").put("accepted", accepted).put("dup", dup).put("inval", inval).put("badHash", badHash)
                .put("runt", runt).put("internalErr", 0).put("payTo", payTo.get()).put("unsigned", unsigned)
                .put("totalLen", totalLen).put("target", maxBits).put("time", now)
                .put("eventId", Hex.encode(Arrays.copyOf(Blake2b.hash32(body), 16)));
        if (accepted > 0) {
            paylog.append(Jsons.write(ev));
        }
        ObjectNode reply = Jsons.MAPPER.createObjectNode();
        reply.putArray("warn");
        reply.putArray("error");
        reply.set("result", ev);
        return HttpReply.json(200, Jsons.write(reply));
    }

    private synchronized boolean markSeen(long parentHeight, long dedup) {
        Set<Long> s = seen.computeIfAbsent(parentHeight, h -> new HashSet<>());
        while (seen.size() > settings.heightsTracked()) {
            seen.pollFirstEntry();
        }
        return seen.containsKey(parentHeight) ? s.add(dedup) : false;
    }

    /** Counters (for status and tests). */
    public Map<String, Long> counters() {
        Map<String, Long> m = new LinkedHashMap<>();
        counters.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }
}
