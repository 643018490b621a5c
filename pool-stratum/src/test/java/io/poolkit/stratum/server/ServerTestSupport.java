package io.poolkit.stratum.server;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for asynchronous effects in tests (never for the passing of time: clocks are injected). */
public final class ServerTestSupport {

    private ServerTestSupport() {
    }

    /** Polls {@code condition} until it holds, failing after 60 s. */
    public static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
