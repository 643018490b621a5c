package io.poolkit.stratum.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.ledger.ShareRecorder;
import io.poolkit.core.pow.PowAlgorithm;
import io.poolkit.core.pow.Sha256d;
import io.poolkit.core.rpc.JsonRpcClient;
import io.poolkit.core.rpc.NodeCallResult;
import io.poolkit.core.rpc.NodeSet;
import io.poolkit.core.rpc.NodeStatus;
import io.poolkit.core.rpc.RpcNode;
import io.poolkit.stratum.control.PushBlockListener;
import io.poolkit.stratum.job.JobBoard;
import io.poolkit.stratum.job.JobManager;
import io.poolkit.stratum.job.StratumJob;
import io.poolkit.stratum.monitor.MonitorServer;
import io.poolkit.stratum.monitor.MonitorSource;
import io.poolkit.stratum.server.StratumServer;
import io.poolkit.stratum.server.StratumSession;
import io.poolkit.stratum.share.AcceptedShare;
import io.poolkit.stratum.share.ShareSink;
import io.poolkit.stratum.share.ShareValidator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running stratum pool assembled from a {@link PoolConfig}: the node set with failover, the job
 * manager, the stratum server, block submission to every live node, the monitor and the push-block
 * listener. Accepted shares, and blocks a node accepted, are recorded in the ledger store of the
 * config (through a batching writer off the network threads) and also go to the given observer.
 * {@link #close()} stops taking work, waits for block submissions, then flushes every accepted share
 * to the ledger before returning.
 */
public final class StratumPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StratumPool.class);
    private static final int RECENT_BLOCKS = 50;

    private final PoolConfig config;
    private final Clock clock;
    private final PowAlgorithm pow;
    private final NodeSet nodes;
    private final JobBoard board = new JobBoard(8);
    private final JobManager jobs;
    private final StratumServer server;
    private final ShareSink observer;
    private final LedgerStore ledger;
    private final ShareRecorder ledgerRecorder;
    private final ShareSink ledgerSink;
    private final Consumer<String> events;
    private final HashrateMeter hashrate;
    private final Deque<BlockSubmission> recentBlocks = new ArrayDeque<>();
    private final ExecutorService submitter = Executors.newSingleThreadExecutor(daemon("block-submit"));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("job-manager"));
    private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor(daemon("node-probe"));
    private final Instant startedAt;
    private MonitorServer monitor;
    private PushBlockListener pushBlock;

    /**
     * @param observer sees accepted shares and accepted blocks after the ledger has them (a console, a test); must not block
     * @param events   one human-readable line per notable event (block found, node down), for a console
     */
    public StratumPool(PoolConfig config, ShareSink observer, Consumer<String> events, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.observer = observer;
        this.events = events;
        this.pow = config.algorithm();
        this.startedAt = clock.instant();
        this.hashrate = new HashrateMeter(clock, pow.difficultyScale().hashesPerShare());
        List<RpcNode> rpcNodes = new ArrayList<>();
        for (PoolConfig.Node n : config.nodes) {
            rpcNodes.add(RpcNode.of(JsonRpcClient.create(PoolConfig.endpoint(n)), n.priority));
        }
        this.nodes = new NodeSet(rpcNodes, NodeSet.Options.defaults().withReprobeInterval(Duration.ofSeconds(2)), clock);
        this.jobs = new JobManager(nodes, config.jobSettings(), board, clock, scheduler);
        this.ledger = LedgerStore.open(config.ledgerConfig().withClock(clock));
        this.ledgerRecorder = ShareRecorder.builder(ledger.sink(config.ledger.serverId)).clock(clock).start();
        this.ledgerSink = new LedgerShareSink(ledgerRecorder, config.network().name(), pow);
        this.server = new StratumServer(config.serverConfig(), board, new ShareValidator(pow), new Sink(), clock,
                config.stratum.workerThreads);
    }

    /** Starts everything; fails if the first block template cannot be had. */
    public StratumPool start() throws InterruptedException, IOException {
        nodes.startProbing(probes, Duration.ofSeconds(1));
        jobs.start();
        server.start();
        if (config.monitor.enabled) {
            monitor = new MonitorServer(config.monitor.host, config.monitor.port, new Monitor()).start();
        }
        if (config.pushBlock.enabled) {
            pushBlock = new PushBlockListener(config.pushBlock.port, jobs::refreshNow).start();
        }
        return this;
    }

    public int stratumPort() {
        return server.port();
    }

    public Optional<Integer> monitorPort() {
        return Optional.ofNullable(monitor).map(MonitorServer::port);
    }

    public Optional<Integer> pushBlockPort() {
        return Optional.ofNullable(pushBlock).map(PushBlockListener::port);
    }

    public StratumServer server() {
        return server;
    }

    public JobManager jobManager() {
        return jobs;
    }

    public List<BlockSubmission> recentBlocks() {
        synchronized (recentBlocks) {
            return List.copyOf(recentBlocks);
        }
    }

    /** Stops accepting connections and work, waits for block submissions in flight, then returns. */
    @Override
    public void close() {
        if (pushBlock != null) {
            pushBlock.close();
        }
        server.close();
        jobs.close();
        submitter.shutdown();
        try {
            if (!submitter.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("block submissions still running after 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        probes.shutdownNow();
        if (monitor != null) {
            monitor.close();
        }
        nodes.close();
        try {
            ledgerRecorder.close();
        } finally {
            ledger.close();
        }
    }

    /** The ledger this pool records into (for status commands and tests). */
    public LedgerStore ledger() {
        return ledger;
    }

    private void submit(AcceptedShare share, StratumJob job, byte[] header, byte[] block) {
        String hash = Hex.encode(Bytes.reversed(pow.powHashIsBlockHash() ? pow.hashHeader(header) : Sha256d.hash(header)));
        events.accept("block candidate at height " + job.height() + " by " + share.address() + " " + hash);
        List<NodeCallResult> results = nodes.submitBlock(Hex.encode(block));
        boolean accepted = results.stream().anyMatch(NodeCallResult::blockAccepted);
        List<String> lines = new ArrayList<>();
        for (NodeCallResult r : results) {
            lines.add(r.node() + ": " + (r.blockAccepted() ? "accepted" : "rejected (" + r.rejectReason().orElse("?") + ")"));
        }
        BlockSubmission found = new BlockSubmission(job.height(), hash, share.address(), share.worker(), share.acceptedAt(), accepted,
                lines);
        synchronized (recentBlocks) {
            recentBlocks.addFirst(found);
            while (recentBlocks.size() > RECENT_BLOCKS) {
                recentBlocks.removeLast();
            }
        }
        if (accepted) {
            ledgerSink.blockFound(share, job, header, block);
            observer.blockFound(share, job, header, block);
        }
        events.accept((accepted ? "block accepted" : "block REJECTED") + " at height " + job.height() + ": " + lines);
        jobs.refreshNow();
    }

    private final class Sink implements ShareSink {
        @Override
        public void shareAccepted(AcceptedShare share) {
            ledgerSink.shareAccepted(share);
            hashrate.add("", share.difficulty());
            hashrate.add(share.address(), share.difficulty());
            observer.shareAccepted(share);
        }

        @Override
        public void blockFound(AcceptedShare share, StratumJob job, byte[] header, byte[] block) {
            submitter.execute(() -> {
                try {
                    submit(share, job, header, block);
                } catch (RuntimeException e) {
                    LOG.error("submitting block at height {} failed", job.height(), e);
                }
            });
        }
    }

    private final class Monitor implements MonitorSource {
        private final ObjectMapper json = new ObjectMapper();

        @Override
        public JsonNode status() {
            ObjectNode o = json.createObjectNode();
            o.put("algo", pow.name());
            o.put("network", config.network().name());
            o.put("uptimeSeconds", Duration.between(startedAt, clock.instant()).toSeconds());
            o.put("hashrate", hashrate.hashrate(""));
            o.put("connections", server.metrics().connections());
            List<StratumSession.SessionInfo> sessions = server.sessions();
            o.put("workers", sessions.stream().filter(s -> !s.address().isEmpty()).count());
            o.put("sharesAccepted", server.metrics().sharesAccepted());
            o.set("rejects", json.valueToTree(server.metrics().rejectsByReason()));
            o.put("blocksFound", server.metrics().blocksFound());
            JobManager.Status js = jobs.status();
            ObjectNode job = o.putObject("currentJob");
            board.current().ifPresent(j -> job.put("id", j.id()));
            job.put("height", js.height());
            job.put("previousHash", js.previousHash());
            job.put("transactions", js.transactions());
            job.put("coinbaseValue", js.coinbaseValue());
            job.put("templates", js.templates());
            job.put("errors", js.errors());
            job.put("lastError", js.lastError());
            ArrayNode n = o.putArray("nodes");
            for (NodeStatus s : nodes.statuses()) {
                n.addObject().put("name", s.name()).put("url", s.url()).put("priority", s.priority())
                        .put("health", s.health().name().toLowerCase(java.util.Locale.ROOT)).put("active", s.active());
            }
            return o;
        }

        @Override
        public JsonNode workers() {
            Map<String, ArrayNode> byAddress = new TreeMap<>();
            for (StratumSession.SessionInfo s : server.sessions()) {
                if (!s.address().isEmpty()) {
                    byAddress.computeIfAbsent(s.address(), a -> json.createArrayNode()).add(session(s));
                }
            }
            ObjectNode o = json.createObjectNode();
            byAddress.forEach((address, list) -> {
                ObjectNode a = o.putObject(address);
                a.put("hashrate", hashrate.hashrate(address));
                a.set("connections", list);
            });
            return o;
        }

        @Override
        public Optional<JsonNode> workers(String address) {
            JsonNode all = workers();
            return Optional.ofNullable(all.get(address));
        }

        @Override
        public JsonNode recentBlocks() {
            return json.valueToTree(StratumPool.this.recentBlocks());
        }

        @Override
        public String prometheus() {
            var m = server.metrics();
            StringBuilder b = new StringBuilder();
            gauge(b, "poolkit_stratum_connections", "Open stratum connections.", m.connections());
            counter(b, "poolkit_stratum_shares_accepted_total", "Accepted shares.", m.sharesAccepted());
            b.append("# HELP poolkit_stratum_shares_rejected_total Rejected shares by reason.\n");
            b.append("# TYPE poolkit_stratum_shares_rejected_total counter\n");
            m.rejectsByReason().forEach((reason, count) ->
                    b.append("poolkit_stratum_shares_rejected_total{reason=\"").append(reason).append("\"} ").append(count)
                            .append('\n'));
            counter(b, "poolkit_stratum_blocks_found_total", "Shares that met the network target.", m.blocksFound());
            counter(b, "poolkit_stratum_bans_total", "Connections banned.", m.bans());
            counter(b, "poolkit_stratum_protocol_errors_total", "Malformed or unknown requests.", m.protocolErrors());
            gauge(b, "poolkit_pool_hashrate", "Estimated pool hashrate, hashes per second.", hashrate.hashrate(""));
            gauge(b, "poolkit_job_height", "Height of the block being mined.", jobs.status().height());
            return b.toString();
        }

        private ObjectNode session(StratumSession.SessionInfo s) {
            ObjectNode o = json.createObjectNode();
            o.put("worker", s.worker());
            o.put("extranonce1", s.extranonce1());
            o.put("remoteIp", s.remoteIp());
            o.put("userAgent", s.userAgent());
            o.put("difficulty", s.difficulty());
            o.put("accepted", s.accepted());
            o.put("rejected", s.rejected());
            o.put("connectedAt", s.connectedAt().toString());
            return o;
        }

        private void gauge(StringBuilder b, String name, String help, double value) {
            b.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" gauge\n")
                    .append(name).append(' ').append(value).append('\n');
        }

        private void counter(StringBuilder b, String name, String help, long value) {
            b.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" counter\n")
                    .append(name).append(' ').append(value).append('\n');
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
