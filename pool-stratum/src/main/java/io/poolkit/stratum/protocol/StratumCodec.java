package io.poolkit.stratum.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Stratum v1 line codec: parses client lines into {@link ParsedLine}s and renders replies and
 * server notifications as single lines (no trailing newline). Parsing never throws, whatever the
 * input: hostile lines become {@link ParsedLine.Invalid} with a reason. Thread safe.
 */
public final class StratumCodec {

    /** Nesting deeper than this is refused: no stratum message nests more than three levels. */
    private static final int MAX_NESTING = 16;
    private static final int MAX_METHOD_LENGTH = 64;

    private final ObjectMapper mapper;

    public StratumCodec() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                        .maxNumberLength(100).maxStringLength(1 << 20).build())
                .build();
        // Difficulties go out as plain decimals (0.0000001, not 1E-7): some miners parse nothing else.
        this.mapper = new ObjectMapper(factory).enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /** Parses one line (without its line terminator). */
    public ParsedLine parse(String line) {
        JsonNode root;
        try {
            root = mapper.readTree(line);
        } catch (JsonProcessingException | RuntimeException e) {
            return new ParsedLine.Invalid(NullNode.getInstance(), "not valid JSON");
        }
        if (root == null || !root.isObject()) {
            return new ParsedLine.Invalid(NullNode.getInstance(), "a request must be a JSON object");
        }
        JsonNode id = root.get("id");
        if (id == null || !(id.isNull() || id.isNumber() || id.isTextual())) {
            id = NullNode.getInstance();
        }
        JsonNode method = root.get("method");
        if (method == null || !method.isTextual()) {
            return new ParsedLine.Invalid(id, "missing method");
        }
        String name = method.asText();
        if (name.isEmpty() || name.length() > MAX_METHOD_LENGTH) {
            return new ParsedLine.Invalid(id, "bad method name");
        }
        JsonNode params = root.get("params");
        ArrayNode paramsArray;
        if (params == null || params.isNull()) {
            paramsArray = JsonNodeFactory.instance.arrayNode();
        } else if (params.isArray()) {
            paramsArray = (ArrayNode) params;
        } else {
            return new ParsedLine.Invalid(id, "params must be an array");
        }
        return new ParsedLine.Request(new StratumRequest(id, name.toLowerCase(Locale.ROOT), paramsArray));
    }

    /** {@code {"id":..,"result":..,"error":null}}. */
    public String result(JsonNode id, JsonNode result) {
        ObjectNode o = mapper.createObjectNode();
        o.set("id", id);
        o.set("result", result);
        o.putNull("error");
        return write(o);
    }

    /** {@code {"id":..,"result":true,"error":null}}. */
    public String ok(JsonNode id) {
        return result(id, JsonNodeFactory.instance.booleanNode(true));
    }

    /** {@code {"id":..,"result":null,"error":[code,"message",null]}}; {@code detail} refines the message. */
    public String error(JsonNode id, StratumError error, String detail) {
        ObjectNode o = mapper.createObjectNode();
        o.set("id", id);
        o.putNull("result");
        ArrayNode e = o.putArray("error");
        e.add(error.code());
        e.add(detail == null || detail.isEmpty() ? error.message() : error.message() + ": " + detail);
        e.addNull();
        return write(o);
    }

    /** A server-to-client notification {@code {"id":null,"method":..,"params":[..]}}. */
    public String notification(String method, ArrayNode params) {
        ObjectNode o = mapper.createObjectNode();
        o.putNull("id");
        o.put("method", method);
        o.set("params", params);
        return write(o);
    }

    /** {@code mining.set_difficulty [difficulty]}, the difficulty as a JSON number. */
    public String setDifficulty(java.math.BigDecimal difficulty) {
        ArrayNode p = mapper.createArrayNode();
        p.add(difficulty.stripTrailingZeros());
        return notification("mining.set_difficulty", p);
    }

    /** {@code mining.notify} with the nine standard params. */
    public String notify(NotifyParams n) {
        ArrayNode p = mapper.createArrayNode();
        p.add(n.jobId());
        p.add(n.previousHashHex());
        p.add(n.coinbase1Hex());
        p.add(n.coinbase2Hex());
        ArrayNode branch = p.addArray();
        n.merkleBranchHex().forEach(branch::add);
        p.add(n.versionHex());
        p.add(n.bitsHex());
        p.add(n.timeHex());
        p.add(n.cleanJobs());
        return notification("mining.notify", p);
    }

    /** {@code mining.set_extranonce [extranonce1, extranonce2Size]}. */
    public String setExtranonce(String extranonce1Hex, int extranonce2Size) {
        ArrayNode p = mapper.createArrayNode();
        p.add(extranonce1Hex);
        p.add(extranonce2Size);
        return notification("mining.set_extranonce", p);
    }

    /** {@code client.reconnect [host, port, waitSeconds]}. */
    public String reconnect(String host, int port, int waitSeconds) {
        ArrayNode p = mapper.createArrayNode();
        p.add(host);
        p.add(port);
        p.add(waitSeconds);
        return notification("client.reconnect", p);
    }

    /** {@code client.show_message [text]}. */
    public String showMessage(String text) {
        ArrayNode p = mapper.createArrayNode();
        p.add(text);
        return notification("client.show_message", p);
    }

    /** A JSON array of strings, for results such as subscribe's. */
    public ArrayNode array(List<?> values) {
        ArrayNode a = mapper.createArrayNode();
        for (Object v : values) {
            a.add(mapper.valueToTree(v));
        }
        return a;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render stratum message", e);
        }
    }
}
