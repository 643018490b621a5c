package io.poolkit.cli;

import io.poolkit.stratum.control.PushBlockListener;
import io.poolkit.stratum.pool.PoolConfig;
import io.poolkit.stratum.pool.StratumPool;
import io.poolkit.stratum.share.ShareSink;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code poolkit stratum}: run a stratum pool, print its example config, notify it of new blocks. */
@Command(name = "stratum",
        mixinStandardHelpOptions = true,
        description = "Run a stratum v1 pool on one or more nodes (sha256d, scrypt, scryptn, x11).",
        subcommands = {StratumCommand.Serve.class, StratumCommand.ExampleConfig.class, StratumCommand.Notify.class},
        footer = {"", "Examples:",
            "  poolkit stratum example-config > pool.yml     # then edit the address and nodes",
            "  POOLKIT_NODE_PASSWORD=... poolkit stratum serve --config pool.yml",
            "  poolkit stratum notify --port 6855 %s           # as the node's blocknotify"})
final class StratumCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "serve",
            mixinStandardHelpOptions = true,
            description = {"Run the pool described by the config file until SIGTERM or Ctrl-C, which stop it cleanly",
                "(no new work is taken, block submissions in flight finish, every accepted share is written to",
                "the ledger). The monitor serves /status, /workers, /blocks and /metrics."},
            footer = {"", "Example:", "  poolkit stratum serve --config pool.yml"})
    static final class Serve implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "Pool configuration (YAML).")
        Path config;

        @Override
        public Integer call() throws Exception {
            PoolConfig c = PoolConfig.load(config);
            PrintWriter out = spec.commandLine().getOut();
            CountDownLatch stopped = new CountDownLatch(1);
            StratumPool pool = new StratumPool(c, ShareSink.NONE, line -> {
                out.println(Instant.now() + " " + line);
                out.flush();
            }, Clock.systemUTC());
            Thread hook = new Thread(() -> {
                pool.close();
                stopped.countDown();
            }, "stratum-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            pool.start();
            out.println("stratum pool (" + c.algorithm().name() + ", " + c.network().name() + ") on port " + pool.stratumPort()
                    + pool.monitorPort().map(p -> ", monitor http://" + c.monitor.host + ":" + p + "/status").orElse(""));
            out.flush();
            stopped.await();
            return 0;
        }
    }

    @Command(name = "example-config",
            mixinStandardHelpOptions = true,
            description = "Print an annotated example configuration covering every option, with its default.",
            footer = {"", "Example:", "  poolkit stratum example-config > pool.yml"})
    static final class ExampleConfig implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(PoolConfig.exampleText());
            return 0;
        }
    }

    @Command(name = "notify",
            mixinStandardHelpOptions = true,
            description = {"Tell a pool on this machine that a new block arrived (a loopback UDP datagram to its",
                "pushBlock port), so it fetches a template at once instead of at the next poll. Meant for the",
                "node's blocknotify option."},
            footer = {"", "Example (bitcoin.conf):", "  blocknotify=/opt/poolkit/poolkit stratum notify --port 6855 %s"})
    static final class Notify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--port", defaultValue = "6855", paramLabel = "PORT", description = "pushBlock port (default: ${DEFAULT-VALUE}).")
        int port;

        @Parameters(arity = "0..1", paramLabel = "BLOCKHASH", description = "The new block's hash (64 hex digits), optional.")
        String blockHash;

        @Override
        public Integer call() throws Exception {
            if (blockHash != null && !blockHash.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("BLOCKHASH must be 64 hex digits, got '" + blockHash + "'");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--port must be 1..65535");
            }
            PushBlockListener.send(port, blockHash == null ? "blocknotify" : "blocknotify " + blockHash);
            return 0;
        }
    }
}
