package io.poolkit.core.rpc;

import java.util.Objects;

/**
 * A JSON-RPC call that did not produce a result: either the node answered with an error
 * ({@link RpcException}) or no usable answer arrived ({@link RpcTransportException}). Messages name
 * the node and the method, never credentials.
 */
public abstract sealed class RpcCallException extends RuntimeException permits RpcException, RpcTransportException {
    private static final long serialVersionUID = 1L;

    private final String node;
    private final String method;
    private final String detail;

    RpcCallException(String node, String method, String detail, Throwable cause) {
        super(compose(node, method, detail), cause);
        this.node = Objects.requireNonNull(node);
        this.method = Objects.requireNonNull(method);
        this.detail = Objects.requireNonNull(detail);
    }

    /** The node's name, or empty if the failure happened before a node was chosen. */
    public String node() {
        return node;
    }

    /** The RPC method, or empty if not known. */
    public String method() {
        return method;
    }

    /** What went wrong, without the node and method prefix. */
    public String detail() {
        return detail;
    }

    private static String compose(String node, String method, String detail) {
        StringBuilder sb = new StringBuilder();
        if (!node.isEmpty()) {
            sb.append("node ").append(node);
        }
        if (!method.isEmpty()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(method);
        }
        return sb.length() == 0 ? detail : sb.append(": ").append(detail).toString();
    }
}
