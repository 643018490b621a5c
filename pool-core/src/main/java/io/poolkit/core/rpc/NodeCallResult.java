package io.poolkit.core.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What one node of a {@link NodeSet} answered to {@link NodeSet#callAll}: a result or the last
 * failure, and how many attempts it took.
 *
 * @param node     the node's name
 * @param attempts attempts made, at least 1
 * @param result   the result, if the call succeeded
 * @param error    the last failure, if it did not
 */
public record NodeCallResult(String node, int attempts, Optional<JsonNode> result, Optional<RpcCallException> error) {

    public NodeCallResult {
        Objects.requireNonNull(node);
        Objects.requireNonNull(result);
        Objects.requireNonNull(error);
        if (result.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("a node call result holds exactly one of result and error");
        }
    }

    static NodeCallResult success(String node, int attempts, JsonNode result) {
        return new NodeCallResult(node, attempts, Optional.of(result), Optional.empty());
    }

    static NodeCallResult failure(String node, int attempts, RpcCallException error) {
        return new NodeCallResult(node, attempts, Optional.empty(), Optional.of(error));
    }

    public boolean succeeded() {
        return result.isPresent();
    }

    /**
     * For {@code submitblock}: true if the node took the block. Nodes answer {@code null} for a new
     * valid block; Bitcoin Core answers {@code "duplicate"} for a valid block it already has. Any other
     * string is a rejection reason ({@code "high-hash"}, {@code "bad-txnmrklroot"}, ...); bcoin's
     * {@code "rejected: duplicate"} is one too, since bcoin also sends it for blocks it knows are invalid.
     */
    public boolean blockAccepted() {
        return result.map(r -> r.isNull() || (r.isTextual() && r.textValue().equals("duplicate"))).orElse(false);
    }

    /** For {@code submitblock}: the node's rejection reason or failure, if it did not take the block. */
    public Optional<String> rejectReason() {
        if (blockAccepted()) {
            return Optional.empty();
        }
        return Optional.of(result.map(r -> r.isTextual() ? r.textValue() : r.toString())
                .orElseGet(() -> error.map(Throwable::getMessage).orElse("unknown")));
    }
}
