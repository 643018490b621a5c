package io.poolkit.core.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/**
 * Something that answers JSON-RPC calls: one node ({@link JsonRpcClient}) or a failover set of
 * nodes ({@link NodeSet}). Parameters are serialized with Jackson (strings, numbers, booleans, maps,
 * lists, {@link JsonNode}s). A JSON {@code null} result is returned as a {@code NullNode}, never as
 * Java null.
 */
public interface JsonRpc {

    /**
     * Calls {@code method} with positional {@code params} within {@code timeout}.
     *
     * @throws RpcException          the node answered with an error
     * @throws RpcTransportException no usable answer arrived
     */
    JsonNode call(String method, List<?> params, Duration timeout);

    /** Calls with the implementation's default timeout. */
    JsonNode call(String method, List<?> params);
}
