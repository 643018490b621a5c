package io.poolkit.core.rpc;

/** The JSON-RPC dialect sent in requests. Both are understood in responses. */
public enum JsonRpcVersion {
    /** {@code "jsonrpc": "1.0"}: Bitcoin Core's traditional dialect, bcoin, and most altcoin daemons. */
    V1_0("1.0"),
    /** {@code "jsonrpc": "2.0"}: Bitcoin Core 28 and later answer errors with HTTP 200 in this dialect. */
    V2_0("2.0");

    private final String wire;

    JsonRpcVersion(String wire) {
        this.wire = wire;
    }

    /** The value of the {@code jsonrpc} member. */
    public String wire() {
        return wire;
    }
}
