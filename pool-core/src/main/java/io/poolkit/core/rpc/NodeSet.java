package io.poolkit.core.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several nodes of one chain with priorities. The highest-priority live node serves
 * {@link #call calls}; when it fails in transport (or answers that it is still warming up) it is
 * marked down and the call moves on to the next live node, so callers see one failure only when
 * every node failed. Down nodes are re-probed once per {@link Options#reprobeInterval()} (by
 * {@link #probeDueNodes()}, driven by {@link #startProbing} or by the caller) and a better node that
 * answers again serves the next call. {@link #callAll} sends one call to every node in parallel
 * with retries, for {@code submitblock}.
 *
 * <p>Errors the node answers itself ({@link RpcException}, for example "block not found") say
 * nothing about its health: they are passed to the caller without failover. Thread safe.
 */
public final class NodeSet implements JsonRpc, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeSet.class);

    /**
     * Tuning of a node set.
     *
     * @param reprobeInterval how long a down node rests before it is probed again
     * @param probeMethod     a cheap parameterless method every node answers ({@code getblockcount})
     * @param probeTimeout    the timeout of a probe
     * @param callTimeout     the timeout of calls that do not give one
     */
    public record Options(Duration reprobeInterval, String probeMethod, Duration probeTimeout, Duration callTimeout) {
        public Options {
            Objects.requireNonNull(probeMethod);
            requirePositive(reprobeInterval, "reprobeInterval");
            requirePositive(probeTimeout, "probeTimeout");
            requirePositive(callTimeout, "callTimeout");
        }

        /** Re-probe every 2 s with {@code getblockcount} (2 s timeout); calls time out after 30 s. */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(2), "getblockcount", Duration.ofSeconds(2), Duration.ofSeconds(30));
        }

        public Options withReprobeInterval(Duration interval) {
            return new Options(interval, probeMethod, probeTimeout, callTimeout);
        }

        public Options withCallTimeout(Duration timeout) {
            return new Options(reprobeInterval, probeMethod, probeTimeout, timeout);
        }

        private static void requirePositive(Duration d, String what) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
        }
    }

    private final List<Member> members;
    private final Options options;
    private final Clock clock;
    private final ExecutorService workers;

    public NodeSet(List<RpcNode> nodes, Options options, Clock clock) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a node set needs at least one node");
        }
        Set<String> names = new HashSet<>();
        List<Member> list = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            RpcNode node = nodes.get(i);
            if (!names.add(node.name())) {
                throw new IllegalArgumentException("two nodes are named '" + node.name() + "'; names must be unique");
            }
            list.add(new Member(node, i));
        }
        list.sort(Comparator.comparingInt((Member m) -> -m.node.priority()).thenComparingInt(m -> m.index));
        this.members = List.copyOf(list);
        this.options = Objects.requireNonNull(options);
        this.clock = Objects.requireNonNull(clock);
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "poolkit-nodeset-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A node set with {@link Options#defaults()}. */
    public static NodeSet of(List<RpcNode> nodes, Clock clock) {
        return new NodeSet(nodes, Options.defaults(), clock);
    }

    @Override
    public JsonNode call(String method, List<?> params) {
        return call(method, params, options.callTimeout());
    }

    /**
     * Calls the best live node, failing over to the next on transport failure. When no node is
     * live, down nodes that are due for a re-probe are probed first.
     *
     * @throws RpcException          the serving node answered with an error
     * @throws RpcTransportException of kind {@code NO_LIVE_NODE} when every node failed
     */
    @Override
    public JsonNode call(String method, List<?> params, Duration timeout) {
        List<Member> candidates = liveInOrder();
        if (candidates.isEmpty()) {
            probeDueNodes();
            candidates = liveInOrder();
        }
        for (Member m : candidates) {
            Optional<JsonNode> result = attempt(m, method, params, timeout);
            if (result.isPresent()) {
                return result.get();
            }
        }
        throw new RpcTransportException(RpcTransportException.Kind.NO_LIVE_NODE, "", method,
                "no live node (" + downSummary() + ")", null);
    }

    /**
     * Probes the nodes that are down and have rested for the re-probe interval, and those never
     * called yet. Returns how many down nodes came back up. Safe to call from any thread at any time.
     */
    public int probeDueNodes() {
        Instant now = clock.instant();
        int revived = 0;
        for (Member m : members) {
            boolean due;
            boolean wasDown;
            synchronized (m) {
                wasDown = m.health == NodeHealth.DOWN;
                due = m.health == NodeHealth.UNKNOWN
                        || (wasDown && !now.isBefore(m.lastAttemptAt.plus(options.reprobeInterval())));
                if (due) {
                    m.lastAttemptAt = now;
                }
            }
            if (due && probe(m) && wasDown) {
                revived++;
            }
        }
        return revived;
    }

    /**
     * Runs {@link #probeDueNodes()} on {@code scheduler} every {@code period} until this set is
     * closed or the returned future is cancelled.
     */
    public ScheduledFuture<?> startProbing(ScheduledExecutorService scheduler, Duration period) {
        long millis = Math.max(1, period.toMillis());
        return scheduler.scheduleWithFixedDelay(() -> {
            if (workers.isShutdown()) {
                return;
            }
            try {
                probeDueNodes();
            } catch (RuntimeException e) {
                LOG.warn("node probe failed: {}", e.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Sends one call to every node in parallel and waits for all answers. Live nodes (up or not yet
     * known) get {@code retry}'s attempts; down nodes get one attempt, since a found block is worth a
     * connection attempt. Results come in priority order.
     */
    public List<NodeCallResult> callAll(String method, List<?> params, RetryPolicy retry) {
        List<CompletableFuture<NodeCallResult>> futures = new ArrayList<>();
        for (Member m : members) {
            boolean live;
            synchronized (m) {
                live = m.health != NodeHealth.DOWN;
            }
            int attempts = live ? retry.maxAttempts() : 1;
            futures.add(attemptAsync(m, method, List.copyOf(params), attempts, retry.delay(), 1));
        }
        List<NodeCallResult> results = new ArrayList<>();
        for (CompletableFuture<NodeCallResult> f : futures) {
            results.add(f.join());
        }
        return results;
    }

    /** {@code submitblock} to every node with {@link RetryPolicy#SUBMIT_BLOCK}. */
    public List<NodeCallResult> submitBlock(String blockHex) {
        return callAll("submitblock", List.of(blockHex), RetryPolicy.SUBMIT_BLOCK);
    }

    /** Every node's state, in priority order. */
    public List<NodeStatus> statuses() {
        Optional<Member> active = liveInOrder().stream().findFirst();
        List<NodeStatus> out = new ArrayList<>();
        for (Member m : members) {
            synchronized (m) {
                out.add(new NodeStatus(m.node.name(), m.node.url(), m.node.priority(), m.health,
                        active.isPresent() && active.get() == m, Optional.ofNullable(m.lastError),
                        Optional.ofNullable(m.lastErrorAt), Optional.ofNullable(m.lastRtt),
                        Optional.ofNullable(m.lastSuccessAt),
                        m.health == NodeHealth.DOWN ? Optional.ofNullable(m.downSince) : Optional.empty()));
            }
        }
        return out;
    }

    /** The name of the node that serves the next call, if any is live. */
    public Optional<String> activeNode() {
        return liveInOrder().stream().findFirst().map(m -> m.node.name());
    }

    /** Stops the worker threads of {@link #callAll}; calls still work, probing schedules stop. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    private Optional<JsonNode> attempt(Member m, String method, List<?> params, Duration timeout) {
        long start = System.nanoTime();
        try {
            JsonNode result = m.node.rpc().call(method, params, timeout);
            markUp(m, Duration.ofNanos(System.nanoTime() - start));
            return Optional.of(result);
        } catch (RpcException e) {
            if (e.code() == RpcException.IN_WARMUP) {
                markDown(m, e);
                return Optional.empty();
            }
            markUp(m, Duration.ofNanos(System.nanoTime() - start));
            throw e;
        } catch (RpcTransportException e) {
            if (e.kind() == RpcTransportException.Kind.INTERRUPTED) {
                throw e;
            }
            markDown(m, e);
            return Optional.empty();
        }
    }

    private CompletableFuture<NodeCallResult> attemptAsync(Member m, String method, List<?> params, int maxAttempts,
                                                           Duration delay, int attemptNo) {
        Executor executor = attemptNo == 1 || delay.isZero() ? workers
                : CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, workers);
        return CompletableFuture.supplyAsync(() -> {
            try {
                Optional<JsonNode> r = attempt(m, method, params, options.callTimeout());
                return r.<Object>map(x -> x).orElseGet(() -> lastFailure(m, method));
            } catch (RpcCallException e) {
                return e;
            }
        }, executor).thenCompose(outcome -> {
            if (outcome instanceof JsonNode result) {
                return CompletableFuture.completedFuture(NodeCallResult.success(m.node.name(), attemptNo, result));
            }
            RpcCallException error = (RpcCallException) outcome;
            boolean retryable = error instanceof RpcTransportException t
                    && t.kind() != RpcTransportException.Kind.INTERRUPTED;
            if (retryable && attemptNo < maxAttempts && !workers.isShutdown()) {
                LOG.warn("{} to node {} failed (attempt {} of {}), retrying: {}", method, m.node.name(), attemptNo,
                        maxAttempts, error.detail());
                return attemptAsync(m, method, params, maxAttempts, delay, attemptNo + 1);
            }
            return CompletableFuture.completedFuture(NodeCallResult.failure(m.node.name(), attemptNo, error));
        }).exceptionally(t -> {
            Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
            return NodeCallResult.failure(m.node.name(), attemptNo, new RpcTransportException(
                    RpcTransportException.Kind.INTERRUPTED, m.node.name(), method,
                    "the call could not run: " + cause, cause));
        });
    }

    private RpcCallException lastFailure(Member m, String method) {
        synchronized (m) {
            return m.lastFailure != null ? m.lastFailure
                    : new RpcTransportException(RpcTransportException.Kind.CONNECT, m.node.name(), method, "failed", null);
        }
    }

    private boolean probe(Member m) {
        long start = System.nanoTime();
        try {
            m.node.rpc().call(options.probeMethod(), List.of(), options.probeTimeout());
            markUp(m, Duration.ofNanos(System.nanoTime() - start));
            return true;
        } catch (RpcException e) {
            if (e.code() == RpcException.IN_WARMUP) {
                markDown(m, e);
                return false;
            }
            markUp(m, Duration.ofNanos(System.nanoTime() - start));
            return true;
        } catch (RpcTransportException e) {
            markDown(m, e);
            return false;
        }
    }

    private void markUp(Member m, Duration rtt) {
        Instant now = clock.instant();
        NodeHealth before;
        synchronized (m) {
            before = m.health;
            m.health = NodeHealth.UP;
            m.lastRtt = rtt;
            m.lastSuccessAt = now;
            m.lastAttemptAt = now;
            m.downSince = null;
        }
        if (before == NodeHealth.DOWN) {
            LOG.info("node {} ({}) is up again", m.node.name(), m.node.url());
        }
    }

    private void markDown(Member m, RpcCallException e) {
        Instant now = clock.instant();
        NodeHealth before;
        synchronized (m) {
            before = m.health;
            m.health = NodeHealth.DOWN;
            m.lastError = e.getMessage();
            m.lastErrorAt = now;
            m.lastFailure = e;
            m.lastAttemptAt = now;
            if (before != NodeHealth.DOWN) {
                m.downSince = now;
            }
        }
        if (before != NodeHealth.DOWN) {
            LOG.warn("node {} ({}) is down: {}", m.node.name(), m.node.url(), e.detail());
        }
    }

    private List<Member> liveInOrder() {
        List<Member> live = new ArrayList<>();
        for (Member m : members) {
            synchronized (m) {
                if (m.health != NodeHealth.DOWN) {
                    live.add(m);
                }
            }
        }
        return live;
    }

    private String downSummary() {
        List<String> parts = new ArrayList<>();
        for (Member m : members) {
            synchronized (m) {
                parts.add(m.node.name() + ": " + (m.lastFailure == null ? m.health.name().toLowerCase(java.util.Locale.ROOT)
                        : m.lastFailure.detail()));
            }
        }
        return String.join("; ", parts);
    }

    /** Mutable per-node state, guarded by the member's own monitor. */
    private static final class Member {
        final RpcNode node;
        final int index;
        NodeHealth health = NodeHealth.UNKNOWN;
        String lastError;
        Instant lastErrorAt;
        RpcCallException lastFailure;
        Duration lastRtt;
        Instant lastSuccessAt;
        Instant downSince;
        Instant lastAttemptAt = Instant.EPOCH;

        Member(RpcNode node, int index) {
            this.node = node;
            this.index = index;
        }
    }
}
