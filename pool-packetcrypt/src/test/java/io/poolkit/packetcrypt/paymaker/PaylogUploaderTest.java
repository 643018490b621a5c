package io.poolkit.packetcrypt.paymaker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.packetcrypt.Vectors;
import io.poolkit.packetcrypt.http.RoleServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handler's pay log survives the handler: events appended by a process that then dies (no flush,
 * no close, a torn last line) are uploaded by the next process on the same folder, and logs the
 * PayMaker did not take wait on disk and are credited once when it is back.
 */
class PaylogUploaderTest {

    @TempDir
    Path dir;
    PaylogStore store;
    PayMaker payMaker;
    RoleServer server;

    @BeforeEach
    void start() throws Exception {
        store = PaylogStore.open(LedgerConfig.sqlite(dir.resolve("ledger.db")));
        payMaker = new PayMaker(PayBookReplayTest.settings(), PayMakerHttpTest.PASSWORD, store, Optional.empty(),
                PayMakerHttpTest.CLOCK);
        server = new RoleServer("paymaker", "127.0.0.1", 0, 64 * 1024, 8, payMaker).start();
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private static final Map<String, Integer> ALL_VECTOR_EVENTS = Map.of("blocks", 2, "compressedAnnSlots", 3, "shares", 4);

    @Test
    void eventsOfAKilledHandlerAreUploadedByTheNextOne() throws Exception {
        Path spool = dir.resolve("paylog-ann0");
        PaylogUploader dying = new PaylogUploader(server.baseUrl(), PayMakerHttpTest.PASSWORD, spool);
        for (String line : Vectors.paymakerEvents().split("\n")) {
            dying.append(line);
        }
        // Killed in the middle of writing one more event: never flushed, never closed.
        Files.writeString(spool.resolve("current.ndjson"), "{\"type\":\"share\",\"payTo\":\"p7A4",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        PaylogUploader next = new PaylogUploader(server.baseUrl(), PayMakerHttpTest.PASSWORD, spool);
        assertEquals(1, next.flush());
        assertEquals(ALL_VECTOR_EVENTS, payMaker.book().stats());
        assertEquals(Map.of("uploaded", 1L, "failed", 0L, "pending", 0L), next.counters());
        assertEquals(0, next.flush(), "nothing left to post");
        next.close();
        dying.close();
    }

    @Test
    void logsWaitOnDiskWhileThePayMakerIsDownAndAreCreditedOnce() throws Exception {
        Path spool = dir.resolve("paylog-blk0");
        String[] lines = Vectors.paymakerEvents().split("\n");
        try (PaylogUploader down = new PaylogUploader("http://127.0.0.1:9", PayMakerHttpTest.PASSWORD, spool)) {
            for (int i = 0; i < 7; i++) {
                down.append(lines[i]);
            }
            assertEquals(0, down.flush());
            for (int i = 7; i < lines.length; i++) {
                down.append(lines[i]);
            }
            assertEquals(0, down.flush());
            assertEquals(Map.of("uploaded", 0L, "failed", 2L, "pending", 2L), down.counters());
        }
        try (PaylogUploader back = new PaylogUploader(server.baseUrl(), PayMakerHttpTest.PASSWORD, spool)) {
            assertEquals(2, back.flush(), "both logs, oldest first");
            assertEquals(ALL_VECTOR_EVENTS, payMaker.book().stats());
            assertEquals(0, back.flush());
        }
        assertEquals(ALL_VECTOR_EVENTS, payMaker.book().stats(), "credited once");
    }
}
