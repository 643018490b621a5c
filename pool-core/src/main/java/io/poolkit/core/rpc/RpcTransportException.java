package io.poolkit.core.rpc;

/**
 * No usable answer: the node could not be reached, timed out, refused the credentials, answered
 * with something that is not JSON-RPC, or (for a {@link NodeSet}) no node was live.
 */
public final class RpcTransportException extends RpcCallException {
    private static final long serialVersionUID = 1L;

    /** What kind of transport trouble it was. */
    public enum Kind {
        /** Connection refused, reset or another I/O failure. */
        CONNECT,
        /** No answer within the call's timeout. */
        TIMEOUT,
        /** The node refused the credentials, or they could not be read. */
        AUTH,
        /** An HTTP status without a JSON-RPC body. */
        HTTP_STATUS,
        /** A body that is not a JSON-RPC response. */
        BAD_RESPONSE,
        /** The calling thread was interrupted while waiting. */
        INTERRUPTED,
        /** Every node of a {@link NodeSet} is down. */
        NO_LIVE_NODE
    }

    private final Kind kind;

    public RpcTransportException(Kind kind, String node, String method, String detail, Throwable cause) {
        super(node, method, detail, cause);
        this.kind = kind;
    }

    /** Without node and method, for failures found before the call is addressed. */
    public RpcTransportException(Kind kind, String detail, Throwable cause) {
        this(kind, "", "", detail, cause);
    }

    public RpcTransportException(Kind kind, String detail) {
        this(kind, "", "", detail, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The same failure, addressed to a node and method. */
    RpcTransportException addressedTo(String node, String method) {
        return new RpcTransportException(kind, node, method, detail(), getCause());
    }
}
