package io.poolkit.stratum.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** The outcome of parsing one line from a client: a request, or why it is not one. */
public sealed interface ParsedLine {

    /** A usable request. */
    record Request(StratumRequest request) implements ParsedLine {
    }

    /**
     * A line that is not a stratum request. {@code id} is the request id if one could be read (so the
     * error reply can carry it), else JSON null.
     */
    record Invalid(JsonNode id, String reason) implements ParsedLine {
    }
}
