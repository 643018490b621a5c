package io.poolkit.core.rpc;

/**
 * The node answered the call with a JSON-RPC error object: its numeric code and message are kept
 * as sent (for example -8 "Invalid parameter", -28 "Loading block index", -32601 "Method not found").
 */
public final class RpcException extends RpcCallException {
    private static final long serialVersionUID = 1L;

    /** Bitcoin Core's code while the node is still starting (RPC_IN_WARMUP). */
    public static final int IN_WARMUP = -28;
    /** JSON-RPC "method not found". */
    public static final int METHOD_NOT_FOUND = -32601;

    private final int code;
    private final String nodeMessage;

    public RpcException(String node, String method, int code, String nodeMessage) {
        super(node, method, "error " + code + ": " + nodeMessage, null);
        this.code = code;
        this.nodeMessage = nodeMessage;
    }

    /** The error code the node sent. */
    public int code() {
        return code;
    }

    /** The error message the node sent. */
    public String nodeMessage() {
        return nodeMessage;
    }
}
