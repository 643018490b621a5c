package io.poolkit.stratum.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Objects;

/**
 * A parsed client request: its id (echoed in the reply; a number, a string or null), the method
 * name in lower case, and the params array (empty when the client sent none).
 */
public record StratumRequest(JsonNode id, String method, ArrayNode params) {

    public StratumRequest {
        id = id == null ? NullNode.getInstance() : id;
        Objects.requireNonNull(method);
        Objects.requireNonNull(params);
    }

    /** Number of params. */
    public int size() {
        return params.size();
    }

    /** Param {@code index} as a string, or a {@link ProtocolException} naming what was expected. */
    public String string(int index, String name) {
        JsonNode n = params.get(index);
        if (n == null || !n.isTextual()) {
            throw new ProtocolException(method + " param " + index + " (" + name + ") must be a string");
        }
        return n.asText();
    }

    /** Param {@code index} as a string if present and textual, else empty. */
    public java.util.Optional<String> optionalString(int index) {
        JsonNode n = params.get(index);
        return n != null && n.isTextual() ? java.util.Optional.of(n.asText()) : java.util.Optional.empty();
    }
}
