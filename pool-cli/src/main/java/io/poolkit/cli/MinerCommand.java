package io.poolkit.cli;

import io.poolkit.core.pow.PowAlgorithm;
import io.poolkit.core.pow.PowAlgorithms;
import io.poolkit.stratum.miner.CpuMiner;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code poolkit miner}: a CPU stratum miner for demos and tests. */
@Command(name = "miner",
        header = "Mine on a stratum pool with the CPU, like cpuminer (demos and tests).",
        mixinStandardHelpOptions = true,
        description = {"Mine on a stratum pool with the CPU, the way cpuminer does (for demos and tests, not profit).",
            "Prints a line per accepted or rejected share; stops on Ctrl-C or after --seconds and prints a summary.",
            "Exits 0 if at least one share was accepted, 1 if none was, 2 on bad input or a failed connection."},
        footer = {"", "Example:",
            "  poolkit miner --url stratum+tcp://127.0.0.1:3333 --user RXpzY6...Rk.rig1 --algo sha256d --threads 2"})
final class MinerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "stratum+tcp://HOST:PORT")
    String url;

    @Option(names = "--user", required = true, paramLabel = "ADDRESS[.WORKER]", description = "Payout address and worker name.")
    String user;

    @Option(names = "--password", defaultValue = "x", paramLabel = "TEXT", description = "Stratum password (default: ${DEFAULT-VALUE}).")
    String password;

    @Option(names = "--algo", defaultValue = "sha256d", paramLabel = "ALGO",
            description = "Proof of work: sha256d, scrypt, scryptn or x11 (default: ${DEFAULT-VALUE}).")
    String algo;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "Mining threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seconds", paramLabel = "S", description = "Stop after S seconds (default: run until Ctrl-C).")
    Long seconds;

    @Override
    public Integer call() throws Exception {
        PowAlgorithm pow = PowAlgorithms.byName(algo);
        HostPort target = HostPort.parseStratumUrl(url);
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("--threads must be 1..256");
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "miner-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Instant started = Instant.now();
        CpuMiner miner = new CpuMiner(target.host(), target.port(), user, password, pow, threads, line -> {
            out.println(Instant.now().toString().substring(11, 19) + " " + line);
            out.flush();
        });
        try {
            miner.start();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot mine on " + url + ": " + e.getMessage(), e);
        }
        out.println("mining " + algo + " on " + target.host() + ":" + target.port() + " as " + user + " with " + threads
                + " thread(s)");
        out.flush();
        try {
            long deadline = seconds == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (miner.isRunning() && System.nanoTime() < deadline && !stop.await(200, TimeUnit.MILLISECONDS)) {
                // wait for the end of the run
            }
        } finally {
            miner.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // already shutting down: the hook has run
            }
        }
        double secs = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
        out.printf("summary: %d accepted, %d rejected, %d hashes in %.1f s (%.0f H/s)%n", miner.stats().accepted(),
                miner.stats().rejected(), miner.stats().hashes(), secs, miner.stats().hashes() / secs);
        return miner.stats().accepted() > 0 ? 0 : 1;
    }

    /** A host and port from a stratum URL. */
    record HostPort(String host, int port) {
        static HostPort parseStratumUrl(String url) {
            URI uri;
            try {
                uri = URI.create(url.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad URL '" + url + "': expected stratum+tcp://HOST:PORT");
            }
            if (!"stratum+tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
                throw new IllegalArgumentException("bad URL '" + url + "': expected stratum+tcp://HOST:PORT");
            }
            return new HostPort(uri.getHost(), uri.getPort());
        }
    }
}
