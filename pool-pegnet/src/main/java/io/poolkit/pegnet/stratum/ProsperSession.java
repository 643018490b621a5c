package io.poolkit.pegnet.stratum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.poolkit.stratum.protocol.ParsedLine;
import io.poolkit.stratum.protocol.StratumCodec;
import io.poolkit.stratum.protocol.StratumRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The Prosper dialect for one miner connection, without network code: reads lines, writes lines through
 * {@link Outbound}. Methods: {@code mining.subscribe}, {@code mining.authorize ["username,minerid", password]},
 * {@code mining.submit} (checked by {@link ShareChecker}), {@code mining.get_oprhash} (answered with the job's
 * real OPR hash; upstream returns a dummy), {@code mining.suggest_target} (recorded, never answered, as
 * upstream); answers to our {@code client.get_version} are recorded. Every param must be a string. Bad lines are
 * answered with an error and counted; a flood or too many bad lines drop the connection. Not thread safe: the
 * server calls it on the connection's event loop only.
 */
public final class ProsperSession {

    /** How a session talks back and hangs up. */
    public interface Outbound {
        /** Sends one line (no terminator). */
        void send(String line);

        /** Closes the connection. */
        void close(String why);
    }

    /** Where accepted shares go; must not block (a full queue returns false). */
    @FunctionalInterface
    public interface ShareQueue {
        /** Offers a share; false when it was dropped. */
        boolean offer(ShareChecker.Share share);
    }

    /** A snapshot for {@code listclients}. */
    public record Info(String sessionId, String remote, long nonce, String user, String minerId, String agent,
            String clientVersion, String suggestedTarget, long accepted, long rejected) {
    }

    private static final String POOL_TARGET_HEX = "ffff000000000000";
    private static final int VERSION_REQUESTS_KEPT = 8;

    private final ProsperConfig config;
    private final StratumCodec codec;
    private final ProsperWire wire;
    private final ShareChecker checker;
    private final Authorizer authorizer;
    private final ShareQueue shares;
    private final BooleanSupplier submissionsOpen;
    private final ProsperMetrics metrics;
    private final Clock clock;
    private final Outbound out;
    private final String sessionId;
    private final String remote;
    private long nonce;
    private ShareChecker.Job job;
    private String user = "";
    private String minerId = "";
    private String agent = "";
    private String clientVersion = "";
    private String suggestedTarget = "";
    private final Set<Integer> versionRequests = new HashSet<>();
    private long accepted;
    private long rejected;
    private int protocolErrors;
    private double tokens;
    private Instant tokensAt;
    private boolean closed;

    ProsperSession(ProsperConfig config, StratumCodec codec, ProsperWire wire, ShareChecker checker,
            Authorizer authorizer, ShareQueue shares, BooleanSupplier submissionsOpen, ProsperMetrics metrics,
            Clock clock, Outbound out, String sessionId, String remote, long nonce, ShareChecker.Job currentJob) {
        this.config = config;
        this.codec = codec;
        this.wire = wire;
        this.checker = checker;
        this.authorizer = authorizer;
        this.shares = shares;
        this.submissionsOpen = submissionsOpen;
        this.metrics = metrics;
        this.clock = clock;
        this.out = out;
        this.sessionId = sessionId;
        this.remote = remote;
        this.nonce = nonce;
        this.tokensAt = clock.instant();
        this.tokens = burst();
        if (currentJob != null) {
            this.job = currentJob;
            checker.notify(currentJob);
        }
    }

    /** The 32-hex session id. */
    public String sessionId() {
        return sessionId;
    }

    /** Handles one line from the miner (without its terminator). */
    public void onLine(String line) {
        if (closed) {
            return;
        }
        if (!takeToken(clock.instant())) {
            metrics.floods.increment();
            close("flooding: more than " + config.maxMessagesPerSecond() + " lines/s");
            return;
        }
        if (line.isBlank()) {
            return;
        }
        ParsedLine parsed = codec.parse(line);
        if (parsed instanceof ParsedLine.Invalid invalid) {
            if (!isResponse(line)) {
                protocolError(invalid.id(), invalid.reason().equals("not valid JSON") ? ProsperError.PARSE
                        : ProsperError.INVALID_REQUEST, invalid.reason());
            }
            return;
        }
        StratumRequest request = ((ParsedLine.Request) parsed).request();
        for (JsonNode p : request.params()) {
            if (!p.isTextual()) {
                protocolError(request.id(), ProsperError.INVALID_PARAMS, "params must be an array of strings");
                return;
            }
        }
        switch (request.method()) {
            case "mining.subscribe" -> subscribe(request);
            case "mining.authorize" -> authorize(request);
            case "mining.submit" -> submit(request);
            case "mining.get_oprhash" -> getOprHash(request);
            case "mining.suggest_target" -> suggestTarget(request);
            default -> protocolError(request.id(), ProsperError.METHOD_NOT_FOUND, request.method());
        }
    }

    private void subscribe(StratumRequest r) {
        agent = r.optionalString(0).map(a -> a.length() > 64 ? a.substring(0, 64) : a).orElse("");
        ArrayNode result = wire.mapper().createArrayNode();
        result.addObject().put("type", "mining.notify").put("id", sessionId);
        result.addObject().put("type", "mining.set_target").put("id", sessionId);
        result.addObject().put("type", "mining.set_nonce").put("id", Long.toString(nonce));
        out.send(wire.result(r.id(), result));
        out.send(wire.request("mining.set_target", List.of(POOL_TARGET_HEX)));
        if (job != null) {
            sendNotify(job);
        }
    }

    private void authorize(StratumRequest r) {
        String who = r.optionalString(0).orElse("");
        int comma = who.indexOf(',');
        if (comma < 0 || comma != who.lastIndexOf(',') || who.length() > 256) {
            protocolError(r.id(), ProsperError.INVALID_PARAMS, "authorize requires 'username,minerid'");
            return;
        }
        String u = who.substring(0, comma);
        String m = who.substring(comma + 1);
        boolean ok = !u.isEmpty() && authorizer.authorize(u, m, r.optionalString(1).orElse(""));
        out.send(wire.result(r.id(), ok));
        if (ok) {
            user = u;
            minerId = m;
            checker.authorized(u, m);
            out.send(wire.request("client.show_message", List.of(config.welcome())));
        }
    }

    private void submit(StratumRequest r) {
        if (r.size() != 5) {
            protocolError(r.id(), ProsperError.INVALID_PARAMS,
                    "submit takes [username, jobID, nonce, oprHash, target]");
            return;
        }
        ShareChecker.Result result = checker.submit(r.string(0, "username"), r.string(1, "jobID"),
                r.string(2, "nonce"), r.string(3, "oprHash"), r.string(4, "target"), submissionsOpen.getAsBoolean());
        metrics.share(result.verdict());
        if (result.verdict() == ShareChecker.Verdict.NOT_AUTHORIZED) {
            rejected++;
            out.send(wire.error(r.id(), ProsperError.UNKNOWN, "username not as expected (authorize first)"));
            return;
        }
        if (result.accepted()) {
            accepted++;
            if (!shares.offer(result.share().orElseThrow())) {
                metrics.droppedShares.increment();
            }
        } else {
            rejected++;
        }
        out.send(wire.result(r.id(), result.accepted()));
    }

    private void getOprHash(StratumRequest r) {
        String jobId = r.optionalString(0).orElse("");
        if (job == null || !job.jobId().equals(jobId)) {
            protocolError(r.id(), ProsperError.INVALID_PARAMS, "no such job: only the current job is kept");
            return;
        }
        out.send(wire.result(r.id(), wire.mapper().getNodeFactory().textNode(job.oprHashHex())));
    }

    private void suggestTarget(StratumRequest r) {
        // Upstream accepts and ignores it without any reply; the share target is fixed at PDiff.
        suggestedTarget = r.optionalString(0).map(t -> t.length() > 18 ? t.substring(0, 18) : t).orElse("");
    }

    /** A new job for everyone: {@code mining.notify [jobID, oprHash, ""]}; the nonce history is cleared. */
    public void onJob(ShareChecker.Job newJob) {
        if (closed) {
            return;
        }
        job = newJob;
        checker.notify(newJob);
        sendNotify(newJob);
    }

    private void sendNotify(ShareChecker.Job j) {
        out.send(wire.request("mining.notify", List.of(j.jobId(), j.oprHashHex(), "")));
    }

    /** Admin: {@code client.show_message [text]}. */
    public void showMessage(String text) {
        out.send(wire.request("client.show_message", List.of(text)));
    }

    /** Admin: asks the miner's version; the answer shows in {@link #info()}. */
    public void requestVersion() {
        String line = wire.request("client.get_version", null);
        try {
            int id = wire.mapper().readTree(line).get("id").asInt();
            if (versionRequests.size() < VERSION_REQUESTS_KEPT) {
                versionRequests.add(id);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read back our own line", e);
        }
        out.send(line);
    }

    /** Admin: {@code mining.set_target [hex]} (16 hex digits). */
    public void setTarget(String targetHex) {
        out.send(wire.request("mining.set_target", List.of(targetHex)));
    }

    /** Admin: {@code mining.set_nonce [decimal]}: the miner's new 4-byte nonce prefix. */
    public void setNonce(long newNonce) {
        nonce = newNonce;
        out.send(wire.request("mining.set_nonce", List.of(Long.toString(newNonce))));
    }

    /** Admin: {@code client.reconnect [host, port, wait]}. */
    public void reconnect(String host, int port, int waitSeconds) {
        out.send(wire.request("client.reconnect", List.of(host, Integer.toString(port),
                Integer.toString(waitSeconds))));
    }

    /** The connection's state. */
    public Info info() {
        return new Info(sessionId, remote, nonce, user, minerId, agent, clientVersion, suggestedTarget, accepted,
                rejected);
    }

    private boolean isResponse(String line) {
        // A line without a method is a response to one of our requests (client.get_version).
        JsonNode n;
        try {
            n = wire.mapper().readTree(line);
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
        if (n == null || !n.isObject() || n.hasNonNull("method") || !n.has("result") || !n.path("id").isInt()) {
            return false;
        }
        if (versionRequests.remove(n.get("id").asInt()) && n.get("result").isTextual()) {
            String v = n.get("result").asText();
            clientVersion = v.length() > 64 ? v.substring(0, 64) : v;
        }
        return true;
    }

    private void protocolError(JsonNode id, ProsperError error, String detail) {
        metrics.protocolErrors.increment();
        out.send(wire.error(id, error, detail));
        if (++protocolErrors > config.maxProtocolErrors()) {
            close("too many bad lines");
        }
    }

    private double burst() {
        return config.maxMessagesPerSecond() * 4.0;
    }

    private boolean takeToken(Instant now) {
        double seconds = Math.max(0, Duration.between(tokensAt, now).toNanos() / 1e9);
        tokens = Math.min(burst(), tokens + seconds * config.maxMessagesPerSecond());
        tokensAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    private void close(String why) {
        closed = true;
        out.close(why);
    }
}
