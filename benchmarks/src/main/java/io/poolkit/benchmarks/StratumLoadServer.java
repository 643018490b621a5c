package io.poolkit.benchmarks;

import io.poolkit.core.address.Networks;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.pow.PowAlgorithms;
import io.poolkit.stratum.job.JobBoard;
import io.poolkit.stratum.job.StratumJob;
import io.poolkit.stratum.server.StratumServer;
import io.poolkit.stratum.server.StratumServerConfig;
import io.poolkit.stratum.share.ShareSink;
import io.poolkit.stratum.share.ShareValidator;
import io.poolkit.stratum.vardiff.VardiffConfig;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The server side of the stratum load test, in its own JVM (one process may not hold 20,000 file
 * descriptors here): our StratumServer with one synthetic sha256d job at a difficulty every hash
 * meets, so every well-formed, non-duplicate submit is hashed, checked and accepted. Prints
 * {@code PORT n} when listening and {@code ACCEPTED n} when its stdin closes.
 */
public final class StratumLoadServer {

    private StratumLoadServer() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        StratumServerConfig config = StratumServerConfig.defaults("127.0.0.1", 0, Networks.BITCOIN_REGTEST)
                .withStartDifficulty(new BigDecimal("1e-30"))
                .withVardiff(new VardiffConfig(false, Duration.ofSeconds(10), Duration.ofSeconds(30), new BigDecimal("1e-30"),
                        new BigDecimal("1"), 4))
                .withLimits(20_000, 1000, Duration.ofMinutes(10), Duration.ofMinutes(5));
        JobBoard board = new JobBoard(4);
        StratumServer server = new StratumServer(config, board, new ShareValidator(PowAlgorithms.SHA256D), ShareSink.NONE,
                Clock.systemUTC(), threads).start();
        // No block is ever found: the network target is the hardest there is.
        board.publish(new StratumJob("1", 1, 0, new byte[32], new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, new byte[] {9, 10}, List.of(),
                0x20000000, 0x03000001, 1_700_000_000L, 1_600_000_000L, 1_800_000_000L, Instant.now(),
                (header, coinbase) -> Bytes.concat(header, coinbase)), true);
        System.out.println("PORT " + server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // run until the load client closes our stdin
        }
        System.out.println("ACCEPTED " + server.metrics().sharesAccepted() + " REJECTED " + server.metrics().rejectsByReason());
        System.out.flush();
        server.close();
    }
}
