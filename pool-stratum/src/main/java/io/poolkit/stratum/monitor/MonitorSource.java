package io.poolkit.stratum.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** What the monitor shows; the pool assembles it from its parts. Called from HTTP threads. */
public interface MonitorSource {

    /** Pool status: hashrate, connections, workers, current job, nodes, blocks found, rejects by reason, uptime. */
    JsonNode status();

    /** Workers grouped by payout address. */
    JsonNode workers();

    /** The workers of one address, if it has any connected. */
    Optional<JsonNode> workers(String address);

    /** Recently found blocks with their submission results. */
    JsonNode recentBlocks();

    /** Prometheus text exposition format (version 0.0.4). */
    String prometheus();
}
