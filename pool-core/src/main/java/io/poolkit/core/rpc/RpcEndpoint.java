package io.poolkit.core.rpc;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a node listens and how to authenticate to it. The URL never carries credentials, so it can
 * be shown in logs and on a monitor page as is.
 *
 * @param name        a short name for logs and the monitor ({@code primary}, {@code btc-2})
 * @param url         {@code http://} or {@code https://} URL without user information
 * @param credentials how to authenticate
 */
public record RpcEndpoint(String name, URI url, RpcCredentials credentials) {

    public RpcEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(credentials, "credentials");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an RPC endpoint needs a name");
        }
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("RPC endpoint " + name + ": URL must start with http:// or https://, got "
                    + withoutUserInfo(url));
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("RPC endpoint " + name + ": URL has no host: " + withoutUserInfo(url));
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("RPC endpoint " + name + ": pass credentials separately, not in the URL"
                    + " (or use RpcEndpoint.parse)");
        }
    }

    /**
     * Parses a URL such as {@code http://user:password@127.0.0.1:8332/}; user information in the
     * URL becomes basic-auth credentials and is removed from the URL. Without user information the
     * endpoint has no credentials.
     */
    public static RpcEndpoint parse(String name, String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            // The input may hold a password: report the position only.
            throw new IllegalArgumentException("RPC endpoint " + name + ": malformed URL (at index " + e.getIndex() + ")");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return new RpcEndpoint(name, uri, RpcCredentials.none());
        }
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        return new RpcEndpoint(name, withoutUserInfo(uri), RpcCredentials.basic(user, password));
    }

    /** An endpoint on {@code http://host:port/} with basic-auth credentials. */
    public static RpcEndpoint http(String name, String host, int port, RpcCredentials credentials) {
        return new RpcEndpoint(name, URI.create("http://" + host + ":" + port + "/"), credentials);
    }

    /** The URL as text (never holds credentials). */
    public String displayUrl() {
        return url.toString();
    }

    @Override
    public String toString() {
        return name + " " + url + " (" + credentials + ")";
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath().isEmpty() ? "/" : uri.getPath(),
                    uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed RPC URL", e);
        }
    }
}
