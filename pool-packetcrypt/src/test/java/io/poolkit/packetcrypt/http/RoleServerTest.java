package io.poolkit.packetcrypt.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The role server under half-open connections and floods. */
class RoleServerTest {

    static Socket halfOpen(RoleServer s) throws Exception {
        Socket socket = new Socket("127.0.0.1", s.port());
        OutputStream out = socket.getOutputStream();
        // Headers promise a body that never comes.
        out.write(("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    @Test
    void halfOpenClientsDoNotBlockOthersAndAFloodIsAnsweredOverloaded() throws Exception {
        try (RoleServer s = new RoleServer("t", "127.0.0.1", 0, 1000, 3, req -> HttpReply.text(200, "ok")).start()) {
            List<Socket> stuck = new ArrayList<>();
            try {
                stuck.add(halfOpen(s));
                stuck.add(halfOpen(s));
                Thread.sleep(200);
                assertEquals(200, Http.get(s.baseUrl() + "/", Map.of()).statusCode(), "one slot left");
                stuck.add(halfOpen(s));
                Thread.sleep(200);
                // Every slot is held by a client that never finishes: the next one is told at once.
                long t0 = System.nanoTime();
                assertEquals(501, Http.get(s.baseUrl() + "/", Map.of()).statusCode());
                assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
                assertEquals(1L, s.counters().get("overloaded"));
            } finally {
                for (Socket x : stuck) {
                    x.close();
                }
            }
            Thread.sleep(200);
            assertEquals(200, Http.get(s.baseUrl() + "/", Map.of()).statusCode(), "slots come back when clients leave");
        }
    }

    @Test
    void handlerFailuresAreA500AndCounted() throws Exception {
        try (RoleServer s = new RoleServer("t", "127.0.0.1", 0, 10, 2, req -> {
            throw new IllegalStateException("boom");
        }).start()) {
            assertEquals(500, Http.get(s.baseUrl() + "/", Map.of()).statusCode());
            assertEquals(413, Http.post(s.baseUrl() + "/", new byte[11], Map.of()).statusCode());
            assertEquals(1L, s.counters().get("internalErrors"));
        }
    }
}
