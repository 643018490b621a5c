package io.poolkit.cli;

import io.poolkit.core.pow.PowAlgorithms;
import io.poolkit.core.regtest.BcoinRegtestNode;
import io.poolkit.stratum.job.StratumJob;
import io.poolkit.stratum.miner.CpuMiner;
import io.poolkit.stratum.pool.PoolConfig;
import io.poolkit.stratum.pool.StratumPool;
import io.poolkit.stratum.share.AcceptedShare;
import io.poolkit.stratum.share.ShareSink;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code poolkit demo}: a pool on a local bcoin regtest node with a CPU miner, end to end. */
@Command(name = "demo",
        header = "Run a demo pool on a local bcoin regtest node with a CPU miner.",
        mixinStandardHelpOptions = true,
        description = {"Run a demo pool end to end on this machine: install bcoin from npm on first use, start a",
            "regtest node, start a sha256d stratum pool on it paying a wallet address, run a CPU miner against it,",
            "and print shares accepted and blocks found as they happen while the node's height grows. Ctrl-C or",
            "--seconds stops everything cleanly. Needs Node.js and npm (the first run downloads bcoin 1.0.2)."},
        footer = {"", "Examples:", "  ./poolkit demo", "  ./poolkit demo --seconds 60 --port 3333"})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "S", description = "Stop after S seconds (default: run until Ctrl-C).")
    Long seconds;

    @Option(names = "--port", defaultValue = "3333", paramLabel = "PORT",
            description = "Stratum port, so other miners can join (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--monitor-port", defaultValue = "3855", paramLabel = "PORT",
            description = "Monitor port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int monitorPort;

    @Option(names = "--hashrate", defaultValue = "4", paramLabel = "H/S",
            description = "The demo miner's hash rate cap: on regtest about every second hash is a block (default: ${DEFAULT-VALUE}).")
    long hashrate;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        say(out, "starting a bcoin regtest node (the first run installs bcoin from npm, which takes a minute)...");
        AtomicLong shares = new AtomicLong();
        long startHeight;
        AtomicLong blocks = new AtomicLong();
        try (BcoinRegtestNode bcoin = BcoinRegtestNode.start()) {
            startHeight = bcoin.getBlockCount();
            String poolAddress = bcoin.getNewAddress();
            String minerAddress = bcoin.getNewAddress();
            say(out, "node up at height " + bcoin.getBlockCount() + "; pool address " + poolAddress);
            java.nio.file.Path ledgerFile = java.nio.file.Files.createTempDirectory("poolkit-demo").resolve("ledger.db");
            PoolConfig config = demoConfig(bcoin, poolAddress, ledgerFile);
            say(out, "recording shares and blocks in " + ledgerFile);
            ShareSink console = new ShareSink() {
                @Override
                public void shareAccepted(AcceptedShare share) {
                    long n = shares.incrementAndGet();
                    if (n <= 5 || n % 25 == 0) {
                        say(out, "share accepted #" + n + " from " + share.address() + "." + share.worker() + " at difficulty "
                                + share.difficulty().toPlainString());
                    }
                }

                @Override
                public void blockFound(AcceptedShare share, StratumJob job, byte[] header, byte[] block) {
                    blocks.incrementAndGet();
                }
            };
            try (StratumPool pool = new StratumPool(config, console, line -> say(out, line), Clock.systemUTC()).start()) {
                say(out, "stratum pool on port " + pool.stratumPort() + ", monitor http://127.0.0.1:"
                        + pool.monitorPort().orElse(0) + "/status");
                try (CpuMiner miner = new CpuMiner("127.0.0.1", pool.stratumPort(), minerAddress + ".demo", "x",
                        PowAlgorithms.SHA256D, 1, line -> { }).limitHashesPerSecond(hashrate).start()) {
                    say(out, "CPU miner connected as " + minerAddress + ".demo");
                    long deadline = seconds == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                    long lastHeight = bcoin.getBlockCount();
                    while (System.nanoTime() < deadline && !stop.await(500, TimeUnit.MILLISECONDS)) {
                        long height = bcoin.getBlockCount();
                        if (height != lastHeight) {
                            say(out, "node height " + height);
                            lastHeight = height;
                        }
                        if (!miner.isRunning()) {
                            say(out, "the miner stopped; ending the demo");
                            break;
                        }
                    }
                }
                say(out, "stopping: " + shares.get() + " shares accepted, " + blocks.get() + " blocks accepted, node height "
                        + startHeight + " -> " + bcoin.getBlockCount());
            }
            try (io.poolkit.core.ledger.LedgerStore ledger = io.poolkit.core.ledger.LedgerStore.open(
                    io.poolkit.core.ledger.LedgerConfig.of(ledgerFile.toString()))) {
                say(out, "ledger " + ledgerFile + ": " + ledger.shares().count() + " shares, "
                        + ledger.blocks().recent(Integer.MAX_VALUE).size() + " blocks");
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: fine
            }
        }
        return blocks.get() > 0 ? 0 : 1;
    }

    private PoolConfig demoConfig(BcoinRegtestNode bcoin, String poolAddress, java.nio.file.Path ledgerFile) {
        PoolConfig c = new PoolConfig();
        c.pool.algo = "sha256d";
        c.pool.network = bcoin.network().name();
        c.pool.payoutAddress = poolAddress;
        c.pool.poolTag = "/poolkit-demo/";
        c.stratum.host = "127.0.0.1";
        c.stratum.port = port;
        // Regtest blocks need almost no work: share difficulty far below it, fixed.
        c.stratum.startDifficulty = new BigDecimal("0.0000000001");
        c.stratum.vardiff.enabled = false;
        c.monitor.port = monitorPort;
        c.pushBlock.enabled = false;
        c.ledger.url = ledgerFile.toString();
        PoolConfig.Node node = new PoolConfig.Node();
        node.name = "bcoin-regtest";
        node.endpoint = bcoin.nodeEndpoint();
        node.priority = 1;
        c.nodes.add(node);
        return c;
    }

    private static void say(PrintWriter out, String line) {
        synchronized (out) {
            out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + line);
            out.flush();
        }
    }
}
