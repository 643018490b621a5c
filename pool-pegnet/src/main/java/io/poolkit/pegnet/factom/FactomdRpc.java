package io.poolkit.pegnet.factom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.rpc.RpcException;
import io.poolkit.core.rpc.RpcTransportException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON-RPC 2.0 over HTTP to factomd's {@code /v2} endpoint. factomd takes <em>named</em> params (an object),
 * which pool-core's positional {@code JsonRpcClient} cannot send; errors map to pool-core's RPC exceptions.
 * Answers over 4 MiB are refused. Thread safe.
 */
public final class FactomdRpc {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 4 << 20;

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;
    private final AtomicLong ids = new AtomicLong();

    /** A client for {@code url} (e.g. {@code http://localhost:8088/v2}). */
    public FactomdRpc(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** The endpoint. */
    public URI url() {
        return url;
    }

    /** Calls {@code method} with named {@code params} (none when empty); returns {@code result}. */
    public JsonNode call(String method, Map<String, ?> params) {
        long id = ids.incrementAndGet();
        ObjectNode body = JSON.createObjectNode();
        body.put("jsonrpc", "2.0");
        body.put("id", id);
        body.put("method", method);
        if (!params.isEmpty()) {
            body.set("params", JSON.valueToTree(params));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcTransportException(RpcTransportException.Kind.INTERRUPTED, "factomd", method,
                    "interrupted", e);
        } catch (IOException e) {
            throw new RpcTransportException(RpcTransportException.Kind.CONNECT, "factomd", method,
                    "cannot reach factomd at " + url + ": " + e, e);
        }
        if (response.body().length > MAX_BODY) {
            throw new RpcTransportException(RpcTransportException.Kind.BAD_RESPONSE, "factomd", method,
                    "answer over " + MAX_BODY + " bytes", null);
        }
        JsonNode reply;
        try {
            reply = JSON.readTree(new String(response.body(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            reply = null;
        }
        if (reply == null || !reply.isObject()) {
            throw new RpcTransportException(RpcTransportException.Kind.BAD_RESPONSE, "factomd", method,
                    "HTTP " + response.statusCode() + " without a JSON-RPC answer", null);
        }
        JsonNode error = reply.get("error");
        if (error != null && !error.isNull()) {
            throw new RpcException("factomd", method, error.path("code").asInt(),
                    error.path("message").asText("") + (error.has("data") ? " (" + error.get("data") + ")" : ""));
        }
        JsonNode result = reply.get("result");
        return result == null ? NullNode.getInstance() : result;
    }
}
