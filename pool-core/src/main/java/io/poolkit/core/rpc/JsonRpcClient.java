package io.poolkit.core.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC client for one node over HTTP (the JDK's {@link HttpClient}). Thread safe; one
 * instance per node is meant to be shared. Numbers with a fraction (coin amounts) are read as
 * exact decimals.
 */
public final class JsonRpcClient implements JsonRpc {

    /** The timeout of calls that do not give one. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final HttpClient SHARED_HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final RpcEndpoint endpoint;
    private final HttpClient http;
    private final JsonRpcVersion version;
    private final Duration defaultTimeout;
    private final AtomicLong ids = new AtomicLong();

    public JsonRpcClient(RpcEndpoint endpoint, HttpClient http, JsonRpcVersion version, Duration defaultTimeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.http = Objects.requireNonNull(http, "http");
        this.version = Objects.requireNonNull(version, "version");
        this.defaultTimeout = positive(defaultTimeout);
    }

    /** A JSON-RPC 1.0 client with a shared HTTP client and the default timeout. */
    public static JsonRpcClient create(RpcEndpoint endpoint) {
        return new JsonRpcClient(endpoint, SHARED_HTTP, JsonRpcVersion.V1_0, DEFAULT_TIMEOUT);
    }

    /** Like {@link #create(RpcEndpoint)} with another default timeout. */
    public static JsonRpcClient create(RpcEndpoint endpoint, Duration defaultTimeout) {
        return new JsonRpcClient(endpoint, SHARED_HTTP, JsonRpcVersion.V1_0, defaultTimeout);
    }

    public RpcEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public JsonNode call(String method, List<?> params) {
        return call(method, params, defaultTimeout);
    }

    @Override
    public JsonNode call(String method, List<?> params, Duration timeout) {
        long id = ids.incrementAndGet();
        HttpRequest request = request(method, params, id, positive(timeout));
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw transport(RpcTransportException.Kind.TIMEOUT, method, "no connection to " + endpoint.displayUrl()
                    + " within the connect timeout", e);
        } catch (HttpTimeoutException e) {
            throw transport(RpcTransportException.Kind.TIMEOUT, method, "no answer within " + timeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw transport(RpcTransportException.Kind.CONNECT, method, "cannot connect to " + endpoint.displayUrl()
                    + " (" + describe(e) + "): is the node running and listening there?", e);
        } catch (IOException e) {
            throw transport(RpcTransportException.Kind.CONNECT, method, "I/O error talking to " + endpoint.displayUrl()
                    + " (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw transport(RpcTransportException.Kind.INTERRUPTED, method, "interrupted while waiting for the node", e);
        }
        return interpret(method, id, response.statusCode(), response.body());
    }

    private HttpRequest request(String method, List<?> params, long id, Duration timeout) {
        ObjectNode body = JSON.createObjectNode();
        body.put("jsonrpc", version.wire());
        body.put("id", id);
        body.put("method", Objects.requireNonNull(method, "method"));
        body.set("params", JSON.valueToTree(List.copyOf(params)));
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("parameters of " + method + " cannot be written as JSON", e);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        try {
            endpoint.credentials().authorizationHeader().ifPresent(h -> builder.header("Authorization", h));
        } catch (RpcTransportException e) {
            throw e.addressedTo(endpoint.name(), method);
        }
        return builder.build();
    }

    private JsonNode interpret(String method, long id, int status, String body) {
        if (status == 401 || status == 403) {
            throw transport(RpcTransportException.Kind.AUTH, method, "the node refused the credentials (HTTP " + status
                    + "): check the RPC user and password, API key or cookie file", null);
        }
        JsonNode reply = parse(body);
        if (reply == null || !reply.isObject() || !(reply.has("result") || reply.has("error"))) {
            if (status != 200) {
                throw transport(RpcTransportException.Kind.HTTP_STATUS, method, "HTTP " + status + " without a JSON-RPC"
                        + " answer" + excerpt(body), null);
            }
            throw transport(RpcTransportException.Kind.BAD_RESPONSE, method, "the answer is not a JSON-RPC response"
                    + excerpt(body), null);
        }
        JsonNode error = reply.get("error");
        if (error != null && !error.isNull()) {
            int code = error.path("code").isIntegralNumber() ? error.path("code").intValue() : 0;
            String message = error.path("message").isTextual() ? error.path("message").textValue() : error.toString();
            throw new RpcException(endpoint.name(), method, code, message);
        }
        JsonNode replyId = reply.get("id");
        if (replyId != null && !replyId.isNull() && !(replyId.canConvertToLong() && replyId.asLong() == id)) {
            throw transport(RpcTransportException.Kind.BAD_RESPONSE, method, "the answer carries id " + replyId
                    + ", expected " + id, null);
        }
        JsonNode result = reply.get("result");
        return result == null ? NullNode.getInstance() : result;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private RpcTransportException transport(RpcTransportException.Kind kind, String method, String detail, Throwable cause) {
        return new RpcTransportException(kind, endpoint.name(), method, detail, cause);
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ").replaceAll("[^\\x20-\\x7e]", "?");
        return ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Duration positive(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("an RPC timeout must be positive, got " + timeout);
        }
        return timeout;
    }

    @Override
    public String toString() {
        return "JsonRpcClient[" + endpoint.name() + " " + endpoint.displayUrl() + "]";
    }
}
