package io.poolkit.pegnet.stratum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.stratum.protocol.StratumCodec;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Renders Prosper's lines: responses {@code {"id":..,"result":..}} (no {@code error} key on success),
 * errors {@code {"id":..,"result":null,"error":{"code","message","data"}}} and server requests
 * {@code {"id":random int31,"method":..,"params":[strings] or null}}. No {@code "jsonrpc"} field anywhere.
 * Parsing of client lines is pool-stratum's {@link StratumCodec}. Thread safe if the id source is.
 */
public final class ProsperWire {

    private final ObjectMapper mapper;
    private final IntSupplier requestIds;

    /**
     * @param codec      the codec whose (size-limited) mapper renders lines
     * @param requestIds source of server request ids (non-negative int31 upstream)
     */
    public ProsperWire(StratumCodec codec, IntSupplier requestIds) {
        this.mapper = codec.mapper();
        this.requestIds = requestIds;
    }

    /** The mapper lines are rendered and parsed with. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** A successful response. */
    public String result(JsonNode id, JsonNode result) {
        ObjectNode o = mapper.createObjectNode();
        o.set("id", id);
        o.set("result", result);
        return write(o);
    }

    /** A boolean response ({@code mining.authorize}, {@code mining.submit}). */
    public String result(JsonNode id, boolean value) {
        return result(id, mapper.getNodeFactory().booleanNode(value));
    }

    /** An error response; {@code data} is shown to the miner (null for none). */
    public String error(JsonNode id, ProsperError error, String data) {
        ObjectNode o = mapper.createObjectNode();
        o.set("id", id);
        o.putNull("result");
        ObjectNode e = o.putObject("error");
        e.put("code", error.code());
        e.put("message", error.message());
        if (data == null) {
            e.putNull("data");
        } else {
            e.put("data", data);
        }
        return write(o);
    }

    /** A server-to-client request with string params, or {@code null} params when {@code params} is null. */
    public String request(String method, List<String> params) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", requestIds.getAsInt() & 0x7fffffff);
        o.put("method", method);
        if (params == null) {
            o.putNull("params");
        } else {
            ArrayNode a = o.putArray("params");
            params.forEach(a::add);
        }
        return write(o);
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a Prosper line", e);
        }
    }
}
