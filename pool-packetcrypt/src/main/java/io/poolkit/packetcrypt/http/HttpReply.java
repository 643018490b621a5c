package io.poolkit.packetcrypt.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer: status, content type, body bytes and extra headers (cache control and the
 * like). Immutable.
 *
 * @param status      the HTTP status code
 * @param contentType the content type header
 * @param body        the body bytes
 * @param headers     extra response headers
 */
public record HttpReply(int status, String contentType, byte[] body, Map<String, String> headers) {

    /** Copies the header map so the reply cannot change after it was built. */
    public HttpReply {
        headers = Map.copyOf(headers);
    }

    /** A JSON reply (the text is sent as UTF-8). */
    public static HttpReply json(int status, String jsonText) {
        return new HttpReply(status, "application/json", jsonText.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A plain-text reply. */
    public static HttpReply text(int status, String text) {
        return new HttpReply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A binary reply. */
    public static HttpReply bytes(int status, byte[] body) {
        return new HttpReply(status, "application/octet-stream", body, Map.of());
    }

    /** This reply with one more header. */
    public HttpReply withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpReply(status, contentType, body, h);
    }
}
