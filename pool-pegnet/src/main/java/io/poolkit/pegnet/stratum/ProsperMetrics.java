package io.poolkit.pegnet.stratum;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the Prosper stratum server. Thread safe. */
public final class ProsperMetrics {

    final AtomicInteger connections = new AtomicInteger();
    final LongAdder refusedConnections = new LongAdder();
    final LongAdder protocolErrors = new LongAdder();
    final LongAdder oversizedLines = new LongAdder();
    final LongAdder floods = new LongAdder();
    final LongAdder droppedShares = new LongAdder();
    private final Map<ShareChecker.Verdict, LongAdder> shares = new EnumMap<>(ShareChecker.Verdict.class);

    /** All counters at zero. */
    public ProsperMetrics() {
        for (ShareChecker.Verdict v : ShareChecker.Verdict.values()) {
            shares.put(v, new LongAdder());
        }
    }

    void share(ShareChecker.Verdict verdict) {
        shares.get(verdict).increment();
    }

    /** Open connections. */
    public int connections() {
        return connections.get();
    }

    /** Connections refused (over the limit). */
    public long refusedConnections() {
        return refusedConnections.sum();
    }

    /** Lines that were not valid requests, and requests with bad params. */
    public long protocolErrors() {
        return protocolErrors.sum();
    }

    /** Connections dropped for a line over the size limit. */
    public long oversizedLines() {
        return oversizedLines.sum();
    }

    /** Connections dropped for flooding. */
    public long floods() {
        return floods.sum();
    }

    /** Accepted shares the downstream queue had no room for (answered true, as upstream, but counted). */
    public long droppedShares() {
        return droppedShares.sum();
    }

    /** Submits with this verdict. */
    public long shares(ShareChecker.Verdict verdict) {
        return shares.get(verdict).sum();
    }

    /** Submits refused for any reason. */
    public long rejectedShares() {
        long n = 0;
        for (Map.Entry<ShareChecker.Verdict, LongAdder> e : shares.entrySet()) {
            if (e.getKey() != ShareChecker.Verdict.ACCEPTED) {
                n += e.getValue().sum();
            }
        }
        return n;
    }
}
