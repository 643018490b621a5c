package io.poolkit.stratum.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.address.Address;
import io.poolkit.core.address.AddressException;
import io.poolkit.core.address.Addresses;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.target.Target;
import io.poolkit.stratum.job.JobBoard;
import io.poolkit.stratum.job.StratumJob;
import io.poolkit.stratum.protocol.ParsedLine;
import io.poolkit.stratum.protocol.ProtocolException;
import io.poolkit.stratum.protocol.StratumCodec;
import io.poolkit.stratum.protocol.StratumError;
import io.poolkit.stratum.protocol.StratumRequest;
import io.poolkit.stratum.share.AcceptedShare;
import io.poolkit.stratum.share.RejectReason;
import io.poolkit.stratum.share.ShareResult;
import io.poolkit.stratum.share.ShareSink;
import io.poolkit.stratum.share.ShareValidator;
import io.poolkit.stratum.share.Submission;
import io.poolkit.stratum.vardiff.Vardiff;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The protocol state of one miner connection: subscription, authorized workers, difficulty, the
 * jobs sent (each with the difficulty it was sent at), vardiff, rate limiting and the invalid-share
 * record. It has no network code: it reads lines and writes lines through {@link Outbound}. Not
 * thread safe: the server calls it on the connection's event loop only.
 */
public final class StratumSession {

    /** How a session talks back and hangs up. */
    public interface Outbound {
        void send(String line);

        void close(String why, boolean ban);
    }

    private static final int SENT_JOBS_KEPT = 32;
    private static final int INVALID_WINDOW = 100;
    private static final int INVALID_MIN_SAMPLES = 20;

    private final StratumServerConfig config;
    private final StratumCodec codec;
    private final JobBoard jobs;
    private final ShareValidator validator;
    private final ShareSink sink;
    private final StratumMetrics metrics;
    private final Clock clock;
    private final Outbound out;
    private final byte[] extranonce1;
    private final String remoteIp;

    private final Instant connectedAt;
    private Instant lastLineAt;
    private Instant lastJobSentAt;
    private boolean subscribed;
    private String userAgent = "";
    /** Authorized usernames (ADDRESS.worker as sent) to their payout address and sanitized worker name. */
    private final Map<String, Address> workers = new LinkedHashMap<>();
    private final Map<String, String> workerNames = new LinkedHashMap<>();
    private BigDecimal difficulty;
    private Target shareTarget;
    private int versionMask;
    private long clientJobCounter;
    private final LinkedHashMap<String, SentJob> sentJobs = new LinkedHashMap<>(16, 0.75f, false);
    private final Vardiff vardiff;
    private double tokens;
    private Instant tokensAt;
    private final boolean[] invalidRing = new boolean[INVALID_WINDOW];
    private int invalidRingSize;
    private int invalidRingNext;
    private long accepted;
    private long rejected;
    private boolean closed;

    private record SentJob(StratumJob job, BigDecimal difficulty, Target target) {
    }

    StratumSession(StratumServerConfig config, StratumCodec codec, JobBoard jobs, ShareValidator validator, ShareSink sink,
                   StratumMetrics metrics, Clock clock, Outbound out, byte[] extranonce1, String remoteIp) {
        this.config = config;
        this.codec = codec;
        this.jobs = jobs;
        this.validator = validator;
        this.sink = sink;
        this.metrics = metrics;
        this.clock = clock;
        this.out = out;
        this.extranonce1 = extranonce1.clone();
        this.remoteIp = remoteIp;
        this.connectedAt = clock.instant();
        this.lastLineAt = connectedAt;
        this.difficulty = config.startDifficulty();
        this.shareTarget = validator.pow().difficultyScale().shareTarget(difficulty);
        this.vardiff = new Vardiff(config.vardiff(), connectedAt);
        this.tokens = burst();
        this.tokensAt = connectedAt;
    }

    /** Handles one line from the miner (without its terminator). */
    public void onLine(String line) {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        lastLineAt = now;
        if (!takeToken(now)) {
            metrics.protocolErrors.increment();
            close("flooding: more than " + config.maxMessagesPerSecond() + " messages/s", true);
            return;
        }
        if (line.isBlank()) {
            return;
        }
        ParsedLine parsed = codec.parse(line);
        if (parsed instanceof ParsedLine.Invalid invalid) {
            metrics.protocolErrors.increment();
            out.send(codec.error(invalid.id(), StratumError.OTHER, invalid.reason()));
            return;
        }
        StratumRequest request = ((ParsedLine.Request) parsed).request();
        try {
            dispatch(request, now);
        } catch (ProtocolException e) {
            metrics.protocolErrors.increment();
            out.send(codec.error(request.id(), StratumError.OTHER, e.getMessage()));
        }
    }

    private void dispatch(StratumRequest r, Instant now) {
        switch (r.method()) {
            case "mining.subscribe" -> subscribe(r);
            case "mining.authorize" -> authorize(r);
            case "mining.submit" -> submit(r, now);
            case "mining.extranonce.subscribe" -> out.send(codec.ok(r.id()));
            case "mining.suggest_difficulty" -> suggestDifficulty(r);
            case "mining.configure" -> configure(r);
            case "mining.get_transactions" -> out.send(codec.error(r.id(), StratumError.OTHER, "not supported"));
            default -> {
                metrics.protocolErrors.increment();
                out.send(codec.error(r.id(), StratumError.OTHER, "unknown method"));
            }
        }
    }

    private void subscribe(StratumRequest r) {
        if (subscribed) {
            out.send(codec.error(r.id(), StratumError.OTHER, "already subscribed"));
            return;
        }
        subscribed = true;
        userAgent = r.optionalString(0).map(s -> s.length() > 64 ? s.substring(0, 64) : s).orElse("");
        String ex1 = Hex.encode(extranonce1);
        ArrayNode subscriptions = codec.mapper().createArrayNode();
        subscriptions.addArray().add("mining.set_difficulty").add(ex1);
        subscriptions.addArray().add("mining.notify").add(ex1);
        ArrayNode result = codec.mapper().createArrayNode();
        result.add(subscriptions);
        result.add(ex1);
        result.add(config.extranonce2Size());
        out.send(codec.result(r.id(), result));
    }

    private void authorize(StratumRequest r) {
        if (!subscribed) {
            out.send(codec.error(r.id(), StratumError.NOT_SUBSCRIBED, null));
            return;
        }
        String user = r.string(0, "username");
        if (user.length() > 256) {
            out.send(codec.error(r.id(), StratumError.UNAUTHORIZED, "username too long"));
            return;
        }
        int dot = user.indexOf('.');
        String addressText = dot < 0 ? user : user.substring(0, dot);
        String worker = dot < 0 ? "" : sanitizeWorker(user.substring(dot + 1));
        Address address;
        try {
            address = Addresses.parse(addressText, config.network());
        } catch (AddressException e) {
            out.send(codec.error(r.id(), StratumError.UNAUTHORIZED, e.getMessage()));
            return;
        }
        if (workers.size() >= 64 && !workers.containsKey(user)) {
            out.send(codec.error(r.id(), StratumError.UNAUTHORIZED, "too many workers on one connection"));
            return;
        }
        boolean first = workers.isEmpty();
        workers.put(user, address);
        workerNames.put(user, worker);
        out.send(codec.ok(r.id()));
        if (first) {
            sendJob(true, true);
        }
    }

    private void suggestDifficulty(StratumRequest r) {
        JsonNode p = r.params().get(0);
        BigDecimal suggested;
        try {
            if (p == null) {
                throw new NumberFormatException();
            }
            suggested = p.isNumber() ? p.decimalValue() : new BigDecimal(p.asText().strip());
        } catch (NumberFormatException | ArithmeticException e) {
            out.send(codec.error(r.id(), StratumError.OTHER, "difficulty must be a positive number"));
            return;
        }
        if (suggested.signum() <= 0) {
            out.send(codec.error(r.id(), StratumError.OTHER, "difficulty must be a positive number"));
            return;
        }
        out.send(codec.ok(r.id()));
        BigDecimal clamped = config.vardiff().clamp(suggested);
        if (workers.isEmpty()) {
            setDifficulty(clamped);
        } else if (clamped.compareTo(difficulty) != 0) {
            setDifficulty(clamped);
            sendJob(false, true);
        }
    }

    private void configure(StratumRequest r) {
        ObjectNode result = codec.mapper().createObjectNode();
        JsonNode extensions = r.params().get(0);
        JsonNode options = r.params().get(1);
        if (extensions != null && extensions.isArray()) {
            for (JsonNode e : extensions) {
                if ("version-rolling".equals(e.asText())) {
                    boolean allowed = config.versionRollingMask() != 0 && validator.pow().name().equals("sha256d");
                    int clientMask = 0xffffffff;
                    JsonNode m = options == null ? null : options.get("version-rolling.mask");
                    if (m != null && m.isTextual() && Hex.isHex(m.asText()) && m.asText().length() == 8) {
                        clientMask = (int) Long.parseLong(m.asText(), 16);
                    }
                    versionMask = allowed ? config.versionRollingMask() & clientMask : 0;
                    result.put("version-rolling", allowed);
                    if (allowed) {
                        result.put("version-rolling.mask", String.format("%08x", versionMask));
                    }
                } else {
                    result.put(e.asText(), false);
                }
            }
        }
        out.send(codec.result(r.id(), result));
    }

    private void submit(StratumRequest r, Instant now) {
        if (!subscribed) {
            reject(r, RejectReason.NOT_SUBSCRIBED, null);
            return;
        }
        if (r.size() < 5) {
            reject(r, RejectReason.MALFORMED, "submit takes [worker, job_id, extranonce2, ntime, nonce]");
            return;
        }
        String worker = r.string(0, "worker");
        Address address = workers.get(worker);
        if (address == null) {
            if (workers.isEmpty()) {
                reject(r, RejectReason.UNAUTHORIZED, null);
                return;
            }
            // Miners may send a shortened worker name; the connection's first worker answers for it.
            Map.Entry<String, Address> firstWorker = workers.entrySet().iterator().next();
            worker = firstWorker.getKey();
            address = firstWorker.getValue();
        }
        Submission s = new Submission(worker, r.string(1, "job_id"), r.string(2, "extranonce2"), r.string(3, "ntime"),
                r.string(4, "nonce"), r.optionalString(5));
        SentJob sent = sentJobs.get(s.jobId());
        if (sent == null) {
            reject(r, RejectReason.UNKNOWN_JOB, null);
            return;
        }
        if (!jobs.isActive(sent.job().id())) {
            reject(r, RejectReason.STALE_JOB, null);
            return;
        }
        ShareResult result = validator.validate(sent.job(), s, extranonce1, config.extranonce2Size(), versionMask,
                sent.difficulty(), sent.target(), jobs.acceptedKeys(sent.job().id()));
        if (result instanceof ShareResult.Rejected rej) {
            reject(r, rej.reason(), rej.detail());
            return;
        }
        ShareResult.Accepted ok = (ShareResult.Accepted) result;
        AcceptedShare share = new AcceptedShare(address.text(), workerNames.getOrDefault(worker, ""), ok.difficulty(),
                sent.job().networkDifficulty(), sent.job().height(), sent.job().id(),
                Hex.encode(Bytes.reversed(ok.powHashLe())), ok.blockCandidate(), now);
        try {
            // Recorded before the miner hears "accepted": a share we could not record is not credited.
            sink.shareAccepted(share);
        } catch (RuntimeException e) {
            jobs.acceptedKeys(sent.job().id()).remove(ok.shareKey());
            reject(r, RejectReason.POOL_BUSY, "share not recorded, resubmit later");
            return;
        }
        accepted++;
        recordValidity(true);
        metrics.accepted(ok.difficulty());
        out.send(codec.ok(r.id()));
        if (ok.blockCandidate()) {
            metrics.blocksFound.increment();
            sink.blockFound(share, sent.job(), ok.header(), sent.job().block().assemble(ok.header(), ok.coinbase()));
        }
        vardiff.shareAccepted();
        vardiff.retarget(difficulty, now).ifPresent(d -> {
            setDifficulty(d);
            sendJob(false, true);
        });
    }

    private void reject(StratumRequest r, RejectReason reason, String detail) {
        rejected++;
        metrics.rejected(reason);
        out.send(codec.error(r.id(), reason.error(), detail));
        if (reason != RejectReason.STALE_JOB && reason != RejectReason.UNKNOWN_JOB) {
            recordValidity(false);
        }
        if (tooManyInvalid()) {
            close("too many invalid shares", true);
        }
    }

    /** A new job was published: send it (with a new client job id). */
    public void onJob(JobBoard.Update update) {
        if (closed || workers.isEmpty()) {
            return;
        }
        // Sent jobs stay listed after a clean job, so late shares for them are reported as stale.
        sendJob(update.clean(), false);
    }

    /** Sends a server notification line (client.show_message, client.reconnect) to this miner. */
    public void notifyClient(String line) {
        if (!closed && subscribed) {
            out.send(line);
        }
    }

    /** Periodic check: keepalive pushes, vardiff for silent miners, and timeouts. */
    public void tick() {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        if (workers.isEmpty() && Duration.between(connectedAt, now).compareTo(config.authorizeTimeout()) >= 0) {
            close("not authorized within " + config.authorizeTimeout().toSeconds() + " s", false);
            return;
        }
        if (Duration.between(lastLineAt, now).compareTo(config.idleTimeout()) >= 0) {
            close("silent for " + config.idleTimeout().toSeconds() + " s", false);
            return;
        }
        if (!workers.isEmpty()) {
            Optional<BigDecimal> retarget = vardiff.retarget(difficulty, now);
            if (retarget.isPresent()) {
                setDifficulty(retarget.get());
                sendJob(false, true);
            } else if (lastJobSentAt != null
                    && Duration.between(lastJobSentAt, now).compareTo(config.pushInterval()) >= 0) {
                sendJob(false, false);
            }
        }
    }

    private void setDifficulty(BigDecimal d) {
        difficulty = d;
        shareTarget = validator.pow().difficultyScale().shareTarget(d);
    }

    /** Sends set_difficulty when asked and a notify with a fresh client job id for the current job. */
    private void sendJob(boolean clean, boolean withDifficulty) {
        Optional<StratumJob> job = jobs.current();
        if (withDifficulty || lastJobSentAt == null) {
            out.send(codec.setDifficulty(difficulty));
        }
        if (job.isEmpty()) {
            return;
        }
        String clientJobId = Long.toHexString(++clientJobCounter);
        sentJobs.put(clientJobId, new SentJob(job.get(), difficulty, shareTarget));
        while (sentJobs.size() > SENT_JOBS_KEPT) {
            sentJobs.remove(sentJobs.keySet().iterator().next());
        }
        out.send(codec.notify(job.get().notifyParams(clientJobId, clean)));
        lastJobSentAt = clock.instant();
    }

    private boolean takeToken(Instant now) {
        double refill = Duration.between(tokensAt, now).toNanos() / 1e9 * config.maxMessagesPerSecond();
        tokens = Math.min(burst(), tokens + refill);
        tokensAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    private double burst() {
        return 4.0 * config.maxMessagesPerSecond();
    }

    private void recordValidity(boolean valid) {
        invalidRing[invalidRingNext] = !valid;
        invalidRingNext = (invalidRingNext + 1) % INVALID_WINDOW;
        invalidRingSize = Math.min(INVALID_WINDOW, invalidRingSize + 1);
    }

    private boolean tooManyInvalid() {
        if (invalidRingSize < INVALID_MIN_SAMPLES) {
            return false;
        }
        int invalid = 0;
        for (int i = 0; i < invalidRingSize; i++) {
            if (invalidRing[i]) {
                invalid++;
            }
        }
        return invalid > config.maxInvalidShareRatio() * invalidRingSize;
    }

    private void close(String why, boolean ban) {
        if (!closed) {
            closed = true;
            out.close(why, ban);
        }
    }

    static String sanitizeWorker(String raw) {
        String s = raw.replaceAll("[^A-Za-z0-9_\\-\\[\\]]+", "-");
        return s.length() > 32 ? s.substring(0, 32) : s;
    }

    /** A snapshot for the monitor. */
    public SessionInfo info() {
        return new SessionInfo(Hex.encode(extranonce1), remoteIp, userAgent,
                workers.isEmpty() ? "" : workers.values().iterator().next().text(),
                workerNames.isEmpty() ? "" : workerNames.values().iterator().next(), difficulty, accepted, rejected,
                connectedAt, lastLineAt);
    }

    /** What the monitor shows of a connection. */
    public record SessionInfo(String extranonce1, String remoteIp, String userAgent, String address, String worker,
                              BigDecimal difficulty, long accepted, long rejected, Instant connectedAt, Instant lastLineAt) {
    }

    public boolean isAuthorized() {
        return !workers.isEmpty();
    }

    public BigDecimal difficulty() {
        return difficulty;
    }
}
