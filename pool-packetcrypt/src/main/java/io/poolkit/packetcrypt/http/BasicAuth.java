package io.poolkit.packetcrypt.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The node.js pool's shared-password check: {@code Authorization: Basic base64("x:" + password)}.
 * Compared in constant time over the whole header so the answer time says nothing about how much
 * of a guess was right. The password is held only as the expected header bytes and never printed.
 */
public final class BasicAuth {

    private final byte[] expected;

    /** A check for this password (user name "x", as the handlers send it). */
    public BasicAuth(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("the HTTP password must not be empty");
        }
        this.expected = header(password).getBytes(StandardCharsets.UTF_8);
    }

    /** The header value a client sends for this password. */
    public static String header(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("x:" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the request's Authorization header is exactly the expected one. */
    public boolean accepts(Optional<String> authorization) {
        byte[] got = authorization.orElse("").getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, got);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "BasicAuth[***]";
    }
}
