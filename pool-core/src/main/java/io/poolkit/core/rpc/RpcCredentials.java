package io.poolkit.core.rpc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How a node wants callers to authenticate. Passwords never appear in {@code toString()}, in
 * exception messages or in logs.
 */
public sealed interface RpcCredentials {

    /** The value of the HTTP {@code Authorization} header, if any; read fresh on every call. */
    Optional<String> authorizationHeader();

    /** No authentication. */
    static RpcCredentials none() {
        return None.INSTANCE;
    }

    /** HTTP basic authentication with a fixed user and password. */
    static RpcCredentials basic(String user, String password) {
        return new Basic(user, password);
    }

    /**
     * Bitcoin Core's cookie file ({@code USER:PASSWORD} on one line, rewritten at every node start), read
     * at each call so a restarted node is picked up without reconfiguring.
     */
    static RpcCredentials cookieFile(Path path) {
        return new CookieFile(path);
    }

    /** No credentials. */
    enum None implements RpcCredentials {
        INSTANCE;

        @Override
        public Optional<String> authorizationHeader() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    /** Basic authentication; {@link #toString()} hides the password. */
    final class Basic implements RpcCredentials {
        private final String user;
        private final String password;

        Basic(String user, String password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            if (user.indexOf(':') >= 0) {
                throw new IllegalArgumentException("an RPC user name cannot contain ':'");
            }
        }

        public String user() {
            return user;
        }

        @Override
        public Optional<String> authorizationHeader() {
            return Optional.of(basicHeader(user + ":" + password));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Basic b && b.user.equals(user) && b.password.equals(password);
        }

        @Override
        public int hashCode() {
            return Objects.hash(user, password);
        }

        @Override
        public String toString() {
            return "basic(user=" + user + ", password=***)";
        }
    }

    /** A cookie file; unreadable or malformed files fail the call with an {@link RpcTransportException}. */
    record CookieFile(Path path) implements RpcCredentials {
        public CookieFile {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public Optional<String> authorizationHeader() {
            String content;
            try {
                content = Files.readString(path, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new RpcTransportException(RpcTransportException.Kind.AUTH, "cannot read the RPC cookie file "
                        + path + " (" + e.getClass().getSimpleName() + "): is the node running, and may this user read"
                        + " its data directory?", e);
            }
            if (content.indexOf(':') <= 0) {
                // The content is the secret: never echo it.
                throw new RpcTransportException(RpcTransportException.Kind.AUTH, "the RPC cookie file " + path
                        + " does not hold USER:PASSWORD");
            }
            return Optional.of(basicHeader(content));
        }

        @Override
        public String toString() {
            return "cookie(" + path + ")";
        }
    }

    private static String basicHeader(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }
}
