/**
 * JSON-RPC 1.0/2.0 over HTTP to coin nodes: endpoints with basic-auth or cookie-file credentials,
 * per-call timeouts, and typed failures that keep the node's own error apart from transport trouble.
 * {@link io.poolkit.core.rpc.NodeSet} adds priorities, failover, re-probing and submit-to-all.
 */
package io.poolkit.core.rpc;
