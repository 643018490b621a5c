package io.poolkit.packetcrypt.http;

/** Answers one request of a role. Implementations may block (long polls) and may throw. */
@FunctionalInterface
public interface HttpHandler {

    /**
     * Answers the request.
     *
     * @throws Exception anything unexpected; the server answers 500 and counts it
     */
    HttpReply handle(HttpRequest request) throws Exception;
}
