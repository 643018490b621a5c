package io.poolkit.core.rpc;

/** What a {@link NodeSet} knows about a node. */
public enum NodeHealth {
    /** Not called yet. Such nodes are tried like live ones. */
    UNKNOWN,
    /** The last call or probe got an answer. */
    UP,
    /** The last call or probe failed in transport (or the node was warming up); re-probed periodically. */
    DOWN
}
