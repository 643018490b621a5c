package io.poolkit.stratum.server;

import io.poolkit.core.testing.SteppableClock;
import io.poolkit.core.address.Addresses;
import io.poolkit.core.address.Networks;
import io.poolkit.core.pow.Sha256dAlgorithm;
import io.poolkit.stratum.job.JobBoard;
import io.poolkit.stratum.job.StratumJob;
import io.poolkit.stratum.share.AcceptedShare;
import io.poolkit.stratum.share.ShareSink;
import io.poolkit.stratum.share.ShareValidator;
import io.poolkit.stratum.vardiff.VardiffConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A stratum server on loopback with synthetic sha256d jobs, a settable clock and a recording sink. */
final class TestPool implements AutoCloseable {

    static final String ADDRESS = Addresses.p2pkh(Networks.BITCOIN_REGTEST, new byte[20]).text();

    final SteppableClock clock = new SteppableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final JobBoard board = new JobBoard(8);
    final List<AcceptedShare> shares = new CopyOnWriteArrayList<>();
    final List<byte[]> blocks = new CopyOnWriteArrayList<>();
    final StratumServer server;
    private final AtomicLong jobCounter = new AtomicLong();

    TestPool(StratumServerConfig config) throws InterruptedException {
        ShareSink sink = new ShareSink() {
            @Override
            public void shareAccepted(AcceptedShare share) {
                shares.add(share);
            }

            @Override
            public void blockFound(AcceptedShare share, StratumJob job, byte[] header, byte[] block) {
                blocks.add(block);
            }
        };
        server = new StratumServer(config, board, new ShareValidator(new Sha256dAlgorithm()), sink, clock, 2).start();
    }

    /** Easy shares (difficulty 1e-7: about one hash in 400 meets it), vardiff off unless asked. */
    static StratumServerConfig easyConfig() {
        return StratumServerConfig.defaults("127.0.0.1", 0, Networks.BITCOIN_REGTEST)
                .withStartDifficulty(new BigDecimal("0.0000001"))
                .withVardiff(new VardiffConfig(false, Duration.ofSeconds(10), Duration.ofSeconds(30),
                        new BigDecimal("0.00000001"), new BigDecimal("1000"), 4));
    }

    /** Publishes a new synthetic job; {@code bits} decides how often shares are blocks. */
    StratumJob publish(boolean clean, int bits) {
        long n = jobCounter.incrementAndGet();
        byte[] prev = new byte[32];
        prev[0] = (byte) n;
        StratumJob job = new StratumJob(Long.toHexString(n), 100 + n, 5_000_000_000L, prev, new byte[] {1, 2, 3}, new byte[] {4, 5},
                List.of(), 0x20000000, bits, 1_700_000_000L, 1_699_999_000L, 1_700_007_200L, clock.instant(),
                (header, coinbase) -> io.poolkit.core.bytes.Bytes.concat(header, coinbase));
        board.publish(job, clean);
        return job;
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }

}
