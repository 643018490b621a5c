package io.poolkit.stratum.server;

import io.poolkit.stratum.share.RejectReason;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one stratum server, updated from network threads, read by the monitor. */
public final class StratumMetrics {

    final AtomicLong connections = new AtomicLong();
    final LongAdder connectionsTotal = new LongAdder();
    final LongAdder refusedConnections = new LongAdder();
    final LongAdder bans = new LongAdder();
    final LongAdder protocolErrors = new LongAdder();
    final LongAdder oversizedLines = new LongAdder();
    final LongAdder sharesAccepted = new LongAdder();
    final LongAdder blocksFound = new LongAdder();
    final AtomicReference<BigDecimal> acceptedDifficulty = new AtomicReference<>(BigDecimal.ZERO);
    private final Map<RejectReason, LongAdder> rejects = new EnumMap<>(RejectReason.class);

    public StratumMetrics() {
        for (RejectReason r : RejectReason.values()) {
            rejects.put(r, new LongAdder());
        }
    }

    void rejected(RejectReason reason) {
        rejects.get(reason).increment();
    }

    void accepted(BigDecimal difficulty) {
        sharesAccepted.increment();
        acceptedDifficulty.accumulateAndGet(difficulty, BigDecimal::add);
    }

    public long connections() {
        return connections.get();
    }

    public long connectionsTotal() {
        return connectionsTotal.sum();
    }

    public long refusedConnections() {
        return refusedConnections.sum();
    }

    public long bans() {
        return bans.sum();
    }

    public long protocolErrors() {
        return protocolErrors.sum();
    }

    public long oversizedLines() {
        return oversizedLines.sum();
    }

    public long sharesAccepted() {
        return sharesAccepted.sum();
    }

    /** Sum of the difficulties of accepted shares (for hashrate: times hashes per share, over time). */
    public BigDecimal acceptedDifficulty() {
        return acceptedDifficulty.get();
    }

    public long blocksFound() {
        return blocksFound.sum();
    }

    public long rejects(RejectReason reason) {
        return rejects.get(reason).sum();
    }

    /** Rejects by reason label, only those seen. */
    public Map<String, Long> rejectsByReason() {
        Map<String, Long> out = new java.util.TreeMap<>();
        rejects.forEach((r, n) -> {
            if (n.sum() > 0) {
                out.put(r.label(), n.sum());
            }
        });
        return out;
    }
}
