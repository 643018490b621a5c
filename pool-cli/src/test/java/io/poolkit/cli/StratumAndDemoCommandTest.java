package io.poolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.stratum.control.PushBlockListener;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StratumAndDemoCommandTest {

    @Test
    void demoMinesBlocksOnARealRegtestNode() {
        CliRun run = CliRun.of("demo", "--seconds", "12", "--port", "0", "--monitor-port", "0");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("share accepted #1 "), run.out());
        assertTrue(run.out().contains("block accepted at height"), run.out());
        Matcher heights = Pattern.compile("node height (\\d+) -> (\\d+)").matcher(run.out());
        assertTrue(heights.find(), run.out());
        assertTrue(Long.parseLong(heights.group(2)) > Long.parseLong(heights.group(1)), run.out());
    }

    @Test
    void exampleConfigPrintsTheAnnotatedFile() {
        CliRun run = CliRun.of("stratum", "example-config");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("payoutAddress:"));
        assertTrue(run.out().contains("vardiff:"));
    }

    @Test
    void notifySendsAWhitelistedDatagram() throws Exception {
        AtomicInteger refreshes = new AtomicInteger();
        try (PushBlockListener listener = new PushBlockListener(0, refreshes::incrementAndGet).start()) {
            assertEquals(0, CliRun.of("stratum", "notify", "--port", String.valueOf(listener.port()), "ab".repeat(32)).exitCode());
            long deadline = System.currentTimeMillis() + 10_000;
            while (refreshes.get() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, refreshes.get());
        }
        assertEquals(2, CliRun.of("stratum", "notify", "--port", "6855", "nothex").exitCode());
    }

    @Test
    void serveRefusesABadConfigClearly() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("pool", ".yml");
        java.nio.file.Files.writeString(file, "pool: {payoutAddress: nope}\n");
        CliRun run = CliRun.of("stratum", "serve", "--config", file.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("pool.payoutAddress"), run.err());
        java.nio.file.Files.delete(file);
    }
}
