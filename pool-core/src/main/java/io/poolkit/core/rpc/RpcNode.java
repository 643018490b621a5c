package io.poolkit.core.rpc;

import java.util.Objects;

/**
 * One member of a {@link NodeSet}: a name and URL for display, a priority (higher serves first) and
 * the client that reaches it.
 *
 * @param name     unique within the set
 * @param url      display URL, without credentials
 * @param priority higher numbers are preferred; equal priorities keep list order
 * @param rpc      the client
 */
public record RpcNode(String name, String url, int priority, JsonRpc rpc) {

    public RpcNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(rpc, "rpc");
    }

    /** A node reached by {@code client}, named and shown as its endpoint. */
    public static RpcNode of(JsonRpcClient client, int priority) {
        return new RpcNode(client.endpoint().name(), client.endpoint().displayUrl(), priority, client);
    }
}
