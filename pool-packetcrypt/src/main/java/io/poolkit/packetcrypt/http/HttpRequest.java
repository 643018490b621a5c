package io.poolkit.packetcrypt.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One received HTTP request, with its body already read within the role's size limit.
 *
 * @param method  the request method
 * @param uri     the request URI (path and query)
 * @param headers the request headers, names in lower case
 * @param body    the body bytes (empty for GET)
 */
public record HttpRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header (name in any case). */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The request path without the query. */
    public String path() {
        return uri.getPath() == null ? "/" : uri.getPath();
    }

    /** The value of one query parameter, undecoded. */
    public Optional<String> query(String name) {
        String q = uri.getRawQuery();
        if (q == null) {
            return Optional.empty();
        }
        for (String part : q.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equals(name)) {
                return Optional.of(part.substring(eq + 1));
            }
        }
        return Optional.empty();
    }
}
