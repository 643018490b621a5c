package io.poolkit.cli;

import io.poolkit.core.address.Addresses;
import io.poolkit.core.address.Network;
import io.poolkit.core.address.Networks;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.ledger.CreditBatch;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.ledger.Recorded;
import io.poolkit.qtum.payout.PayoutPlan;
import io.poolkit.qtum.payout.PayoutPlanner;
import io.poolkit.qtum.ppm.PoolShareFile;
import io.poolkit.qtum.ppm.PpmImport;
import io.poolkit.qtum.ppmu.Rounding;
import io.poolkit.qtum.ppmu.WeightSplitter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code poolkit qtum}: Qtum super-staker pool tools (PPMU shares, PPM files, addresses). */
@Command(name = "qtum",
        header = "Qtum super-staker pool: the PPMU watch service, daily payouts, PPM files, addresses.",
        mixinStandardHelpOptions = true,
        description = {"Tools for a Qtum super-staker pool that shares block rewards by mature UTXO weight (PPMU),",
            "compatible with the files of Jackson Belove's PoolPayoutManager (PPM). Amounts are satoshis."},
        subcommands = {QtumCommand.AddressOf.class, QtumCommand.Split.class, QtumCommand.PayoutPlanCmd.class,
            QtumCommand.ImportPpm.class, QtumCommand.Watch.class, QtumCommand.Payout.class, QtumCommand.Status.class},
        footer = {"", "Examples:",
            "  poolkit qtum address 03eb7062315dd132fb1c6cea6b629be85e6df23f40adc284b83db3a7fdc3d41d6d",
            "  poolkit qtum split --reward-sats 50123457 --weights weights.csv --rounding ppm",
            "  poolkit qtum payout-plan --poolshare currentpoolshare.csv --pool-fee 12",
            "  poolkit qtum import-ppm /home/qtum/PPM --db pool.db",
            "  poolkit qtum watch --config qtum.yml",
            "  poolkit qtum status --data /var/lib/poolkit/qtum"})
final class QtumCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "address",
            mixinStandardHelpOptions = true,
            description = "Print the Qtum P2PKH address of a public key (mainnet 'Q', or testnet 'q' with --testnet).",
            footer = {"", "Example:",
                "  poolkit qtum address 03eb7062315dd132fb1c6cea6b629be85e6df23f40adc284b83db3a7fdc3d41d6d",
                "  QYScv2vMxceXdTSqNtkahU92GJrEtafVMR"})
    static final class AddressOf implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PUBKEY_HEX", description = "33-byte (02/03...) or 65-byte (04...) public key in hex.")
        String publicKeyHex;

        @Option(names = "--testnet", description = "Testnet/regtest address (version byte 0x78) instead of mainnet (0x3a).")
        boolean testnet;

        @Override
        public Integer call() {
            Network n = testnet ? Networks.QTUM_TESTNET : Networks.QTUM_MAIN;
            spec.commandLine().getOut().println(Addresses.fromPublicKey(n, Hex.decode(publicKeyHex.strip())).text());
            return 0;
        }
    }

    @Command(name = "split",
            mixinStandardHelpOptions = true,
            description = {"Split a pool block's reward by delegate weight and print each delegate's share:",
                "'address,weight_sats,share_sats' rows, then a 'total' row.",
                "--rounding exact (default) allocates every satoshi (largest remainders);",
                "--rounding ppm rounds each share half-even on its own, as PPM does (the sum may differ by a few sats).",
                "FILE.csv has 'address,weight_sats' rows (an 'address,...' header row is skipped)."},
            footer = {"", "Example:",
                "  printf 'QA,35000000000\\nQB,100000000000\\n' > weights.csv",
                "  poolkit qtum split --reward-sats 50123457 --weights weights.csv --rounding ppm",
                "  QA,35000000000,12994970",
                "  QB,100000000000,37128487",
                "  total,135000000000,50123457"})
    static final class Split implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--reward-sats", required = true, paramLabel = "R", description = "The block reward in satoshis.")
        long reward;

        @Option(names = "--weights", required = true, paramLabel = "FILE.csv", description = "address,weight_sats rows.")
        Path weightsFile;

        @Option(names = "--rounding", paramLabel = "exact|ppm", defaultValue = "exact",
                description = "exact (every satoshi allocated) or ppm (PPM's per-delegate half-even). Default: ${DEFAULT-VALUE}.")
        String rounding;

        @Override
        public Integer call() {
            Rounding mode = Rounding.parse(rounding);
            Map<String, Long> weights = readWeights(weightsFile);
            Map<String, Long> shares = WeightSplitter.split(reward, weights, mode);
            PrintWriter out = spec.commandLine().getOut();
            long totalWeight = 0;
            long totalShares = 0;
            for (Map.Entry<String, Long> e : weights.entrySet()) {
                out.println(e.getKey() + "," + e.getValue() + "," + shares.get(e.getKey()));
                totalWeight += e.getValue();
                totalShares += shares.get(e.getKey());
            }
            out.println("total," + totalWeight + "," + totalShares);
            return 0;
        }

        static Map<String, Long> readWeights(Path file) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            Map<String, Long> weights = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                if (i == 0 && f[0].strip().equalsIgnoreCase("address")) {
                    continue;
                }
                if (f.length < 2) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected address,weight_sats");
                }
                long w;
                try {
                    w = Long.parseLong(f[1].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": weight '" + f[1].strip()
                            + "' is not a whole number of satoshis");
                }
                if (w < 0) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": weight must be >= 0");
                }
                if (weights.put(f[0].strip(), w) != null) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + f[0].strip() + " is listed twice");
                }
            }
            if (weights.isEmpty()) {
                throw new IllegalArgumentException(file + " has no address,weight_sats rows");
            }
            return weights;
        }
    }

    @Command(name = "payout-plan",
            mixinStandardHelpOptions = true,
            description = {"Plan (do not send) the daily payout of a PPM pool share file: who is paid how much after",
                "the pool fee, what is carried over, the sendmany batches (at most 500 outputs) and the pool revenue.",
                "Amounts are shown as satoshis and as PPM writes QTUM."},
            footer = {"", "Example:",
                "  poolkit qtum payout-plan --poolshare currentpoolshare.csv --pool-fee 12",
                "  threshold 113636 sats",
                "  pay QHd3raPTT2cbzZUVZUooxSTPNkV6ucRZRc 2230787696 22.30787696",
                "  ..."})
    static final class PayoutPlanCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--poolshare", required = true, paramLabel = "FILE", description = "currentpoolshare.csv or <block>poolshare.csv.")
        Path file;

        @Option(names = "--pool-fee", required = true, paramLabel = "PCT", description = "Pool fee percent, -100..100.")
        int fee;

        @Option(names = "--minimum-sats", defaultValue = "100000", paramLabel = "SATS",
                description = "Smallest net payout (PPM intsatsSendmanyMinimum). Default: ${DEFAULT-VALUE}.")
        long minimum;

        @Override
        public Integer call() {
            PoolShareFile shares = PoolShareFile.read(file);
            PayoutPlan plan = PayoutPlanner.ppm(fee, minimum).plan(shares.sharesSats(), shares.poolBalanceSats());
            PrintWriter out = spec.commandLine().getOut();
            out.println("threshold " + plan.thresholdSats() + " sats");
            plan.paidSats().forEach((a, s) -> out.println("pay " + a + " " + s + " " + PayoutPlanner.ppmQtumText(s)));
            plan.carriedOverSats().forEach((a, s) -> out.println("carry " + a + " " + s));
            out.println("batches " + plan.batches().size() + " total " + plan.totalPaidSats() + " "
                    + PayoutPlanner.ppmQtumText(plan.totalPaidSats()) + " revenue " + plan.revenueIncrementSats()
                    + " new-pool-balance " + plan.newPoolBalanceSats());
            return 0;
        }
    }

    @Command(name = "import-ppm",
            mixinStandardHelpOptions = true,
            description = {"Read a PPM working directory (PPMConfig.txt, currentpoolshare.csv or .txt, poolshare/*.csv),",
                "check every address, and print what was found. With --db, credit the current pool shares to the",
                "ledger (once: importing the same snapshot again changes nothing). Any invalid address stops the",
                "import and exits 1: PPM's own sample files use made-up addresses whose checksum fails."},
            footer = {"", "Example:",
                "  poolkit qtum import-ppm /home/qtum/PPM --db /var/lib/poolkit/pool.db",
                "  block 700000: 3 delegates, 2536345026 sats accrued, pool balance 2600000000, revenue 5",
                "  imported into /var/lib/poolkit/pool.db as batch ppm-import:700000"})
    static final class ImportPpm implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "PPM's working directory.")
        Path dir;

        @Option(names = "--db", paramLabel = "URL", description = "Ledger to import into: a SQLite file path or a JDBC URL.")
        String db;

        @Override
        public Integer call() {
            PpmImport imp = PpmImport.read(dir);
            PrintWriter out = spec.commandLine().getOut();
            PoolShareFile cur = imp.current();
            long accrued = cur.sharesSats().values().stream().mapToLong(Long::longValue).sum();
            out.println("block " + cur.block() + ": " + cur.sharesSats().size() + " delegates, " + accrued
                    + " sats accrued, pool balance " + cur.poolBalanceSats() + ", revenue " + cur.poolRevenueSats());
            out.println("archives: " + imp.archives().size() + (imp.archives().isEmpty() ? ""
                    : " (blocks " + imp.archives().firstKey() + ".." + imp.archives().lastKey() + ")"));
            imp.config().ifPresent(c -> out.println("config: host " + c.string("hostName").orElse("?") + ", staker "
                    + c.string("myMinerAddress").orElse("?") + ", poolFee " + c.string("poolFee").orElse("?")
                    + ", requiredFee " + c.string("requiredFee").orElse("?") + ", minimumUTXOSize "
                    + c.string("minimumUTXOSize").orElse("?")));
            if (!imp.importable()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(imp.problems().size() + " problem(s); nothing imported:");
                imp.problems().forEach(p -> err.println("  " + p));
                return 1;
            }
            if (db != null) {
                try (LedgerStore ledger = LedgerStore.open(LedgerConfig.of(db))) {
                    Recorded<CreditBatch> r = imp.importInto(ledger);
                    out.println((r.created() ? "imported into " : "already imported into ") + db + " as batch "
                            + r.value().source());
                }
            }
            return 0;
        }
    }

    /** The wallet passphrase: the first line of {@code file} when given, else the environment variable. */
    static String passphrase(Path file) {
        String pass = System.getenv(Payout.PASSPHRASE_ENV);
        if (file != null) {
            try {
                pass = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the passphrase file " + file);
            }
        }
        if (pass == null) {
            throw new IllegalArgumentException("give the wallet passphrase in the environment variable "
                    + Payout.PASSPHRASE_ENV + " or with --passphrase-file");
        }
        return pass;
    }

    /** Settings of {@code poolkit qtum watch}, read from YAML. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = false)
    record WatchSettings(String chain, String rpc, String rpcUser, String rpcCookie, String staker, Integer orphanDelay,
            Integer requiredFee, Long minUtxoQtum, String rounding, String dataDir, Integer startHeight, String ledger,
            Integer pollSeconds, Integer poolFee, Long minimumPayoutSats, String host, Boolean dailyLog, String logDir,
            Integer minConnections, Integer staleMinutes, Boolean hourlyStatus, Integer utcOffsetHours,
            List<Integer> doNotDisturb, String smtpHost, Integer smtpPort, Boolean smtpStartTls, String smtpUser,
            String smtpFrom, String smtpTo, String webhookUrl, String payoutAtUtc) {

        /** The payout of the ledger's balances with this file's pool fee and minimum. */
        io.poolkit.qtum.payout.DailyPayout dailyPayout(LedgerStore ledger, String pass, java.time.Clock clock,
                io.poolkit.qtum.alert.Alerter alerter, java.util.Optional<io.poolkit.qtum.ppm.DailyLog> log) {
            PayoutPlanner planner = PayoutPlanner.ppm(poolFee == null ? 0 : poolFee,
                    minimumPayoutSats == null ? 100_000 : minimumPayoutSats);
            io.poolkit.qtum.payout.QtumPayoutRunner runner = new io.poolkit.qtum.payout.QtumPayoutRunner(client(), ledger,
                    planner, pass.toCharArray(), clock, java.time.Duration.ofMinutes(10),
                    new io.poolkit.core.payout.PayoutRunner.Checkpoints() { });
            java.time.LocalTime at = payoutAtUtc == null ? java.time.LocalTime.MIDNIGHT : java.time.LocalTime.parse(payoutAtUtc);
            return new io.poolkit.qtum.payout.DailyPayout(runner, at, clock, alerter, log, hostName());
        }

        static final String SMTP_PASSWORD_ENV = "QTUM_SMTP_PASSWORD";
        static final String WEBHOOK_ENV = "QTUM_ALERT_WEBHOOK_URL";

        String hostName() {
            return host == null ? "qtum" : host;
        }

        /** PPM's daily CSV log, unless {@code dailyLog: false}; in logDir, default DATADIR/logs. */
        java.util.Optional<io.poolkit.qtum.ppm.DailyLog> log(java.time.Clock clock) {
            if (Boolean.FALSE.equals(dailyLog)) {
                return java.util.Optional.empty();
            }
            Path dirPath = logDir != null ? Path.of(logDir) : Path.of(need(dataDir, "dataDir")).resolve("logs");
            String version = QtumCommand.class.getPackage().getImplementationVersion();
            return java.util.Optional.of(new io.poolkit.qtum.ppm.DailyLog(dirPath, clock, java.time.ZoneId.systemDefault(),
                    "poolkit-" + (version == null ? "dev" : version)));
        }

        /** E-mail and webhook channels, each behind its own do-not-disturb queue; none configured: alerts are only logged. */
        io.poolkit.qtum.alert.Alerter alerter(java.time.Clock clock) {
            List<Integer> quiet = doNotDisturb == null ? io.poolkit.qtum.ppm.Timing.DEFAULT_DO_NOT_DISTURB : doNotDisturb;
            int offset = utcOffsetHours == null ? 0 : utcOffsetHours;
            List<io.poolkit.qtum.alert.Alerter> channels = new java.util.ArrayList<>();
            org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("poolkit.qtum.alerts");
            channels.add(a -> log.warn("ALERT {} {} {}", a.kind(), a.subject(), a.body()));
            if (smtpHost != null) {
                channels.add(new io.poolkit.qtum.alert.AlertDispatcher(new io.poolkit.qtum.alert.SmtpAlertSink(smtpHost,
                        smtpPort == null ? 587 : smtpPort, !Boolean.FALSE.equals(smtpStartTls),
                        java.util.Optional.ofNullable(smtpUser), java.util.Optional.ofNullable(System.getenv(SMTP_PASSWORD_ENV)),
                        need(smtpFrom, "smtpFrom"), need(smtpTo, "smtpTo")), clock, offset, quiet));
            }
            String hook = webhookUrl != null ? webhookUrl : System.getenv(WEBHOOK_ENV);
            if (hook != null && !hook.isBlank()) {
                channels.add(new io.poolkit.qtum.alert.AlertDispatcher(
                        io.poolkit.qtum.alert.WebhookAlertSink.of(java.net.URI.create(hook.strip())), clock, offset, quiet));
            }
            return io.poolkit.qtum.alert.Alerter.all(channels);
        }

        io.poolkit.qtum.watch.NodeMonitor.Settings monitorSettings() {
            return new io.poolkit.qtum.watch.NodeMonitor.Settings(hostName(), minConnections == null ? 6 : minConnections,
                    java.time.Duration.ofMinutes(staleMinutes == null ? 30 : staleMinutes), !Boolean.FALSE.equals(hourlyStatus));
        }

        static final String PASSWORD_ENV = "QTUM_RPC_PASSWORD";

        static WatchSettings read(Path file) {
            try {
                return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readValue(file.toFile(), WatchSettings.class);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
            }
        }

        static String need(String value, String key) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("qtum.yml: '" + key + "' is required");
            }
            return value;
        }

        io.poolkit.qtum.watch.WatchConfig watchConfig() {
            return new io.poolkit.qtum.watch.WatchConfig(
                    io.poolkit.qtum.consensus.QtumChain.parse(chain == null ? "main" : chain), need(staker, "staker"),
                    orphanDelay == null ? 5 : orphanDelay, requiredFee == null ? 100 : requiredFee,
                    (minUtxoQtum == null ? 100 : minUtxoQtum) * 100_000_000L,
                    Rounding.parse(rounding == null ? "exact" : rounding), Path.of(need(dataDir, "dataDir")),
                    startHeight == null ? 0 : startHeight);
        }

        io.poolkit.core.rpc.JsonRpcClient client() {
            io.poolkit.core.rpc.RpcCredentials credentials;
            if (rpcCookie != null) {
                credentials = io.poolkit.core.rpc.RpcCredentials.cookieFile(Path.of(rpcCookie));
            } else if (rpcUser != null) {
                String password = System.getenv(PASSWORD_ENV);
                if (password == null) {
                    throw new IllegalArgumentException("rpcUser is set: give the password in the environment variable "
                            + PASSWORD_ENV + " (or use rpcCookie)");
                }
                credentials = io.poolkit.core.rpc.RpcCredentials.basic(rpcUser, password);
            } else {
                credentials = io.poolkit.core.rpc.RpcCredentials.none();
            }
            java.net.URI uri = java.net.URI.create(need(rpc, "rpc"));
            return io.poolkit.core.rpc.JsonRpcClient.create(
                    io.poolkit.core.rpc.RpcEndpoint.http("qtumd", uri.getHost(), uri.getPort(), credentials));
        }
    }

    @Command(name = "watch",
            mixinStandardHelpOptions = true,
            description = {"Follow qtumd orphanDelay blocks behind the tip and credit the pool's delegates by mature UTXO",
                "weight, block by block, exactly once across restarts (state in DATADIR/currentpoolshare.csv, PPM's",
                "format; per-block copies in DATADIR/poolshare/). Survives qtumd being down (retries with backoff).",
                "Writes PPM's daily CSV log (DATADIR/logs/PPM_Log_YYYY_MM_DD.csv). Alerts (pool block, qtumd down, not",
                "staking, low connections, stale chain, reorg beyond the delay, hourly status) go to the log and, when",
                "configured, by e-mail and webhook, with do-not-disturb hours queued for the next send. A catch-up of",
                "100 blocks or more shows a progress bar. Stops cleanly on SIGTERM.",
                "The RPC password comes from the environment variable " + WatchSettings.PASSWORD_ENV + ", or use rpcCookie;",
                "the SMTP password from " + WatchSettings.SMTP_PASSWORD_ENV + "; the webhook URL (a secret) from webhookUrl or "
                    + WatchSettings.WEBHOOK_ENV + "."},
            footer = {"", "Example qtum.yml:",
                "  chain: main                 # or testnet",
                "  rpc: http://127.0.0.1:3889/",
                "  rpcCookie: /home/qtum/.qtum/.cookie   # or rpcUser: NAME",
                "  staker: QYScv2vMxceXdTSqNtkahU92GJrEtafVMR",
                "  orphanDelay: 5",
                "  requiredFee: 100",
                "  minUtxoQtum: 100            # qtumd -stakingminutxovalue",
                "  rounding: exact             # or ppm",
                "  dataDir: /var/lib/poolkit/qtum",
                "  startHeight: 3900000        # first run only: start after this height",
                "  ledger: /var/lib/poolkit/pool.db   # optional for watch, required for payout",
                "  poolFee: 12                 # payout: percent kept by the pool, 0..100",
                "  minimumPayoutSats: 100000   # payout: smallest net amount sent",
                "  host: LD18                  # name in alerts",
                "  dailyLog: true              # logDir: default DATADIR/logs",
                "  minConnections: 6           # fewer peers alert",
                "  staleMinutes: 30            # no new block this long alerts",
                "  hourlyStatus: true",
                "  utcOffsetHours: -4          # doNotDisturb (24 entries, 1 = quiet) is by local hour",
                "  smtpHost: smtp.gmail.com    # smtpPort 587, smtpStartTls true, smtpUser, smtpFrom, smtpTo",
                "  webhookUrl: https://hooks.example.org/T0/B0/secret",
                "  payoutAtUtc: \"00:00\"       # optional: watch pays daily (passphrase from " + Payout.PASSPHRASE_ENV + ")",
                "                              #   instead of a cron job running poolkit qtum payout",
                "", "Example:", "  poolkit qtum watch --config qtum.yml"})
    static final class Watch implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config", required = true, paramLabel = "qtum.yml", description = "Settings (see below).")
        Path config;

        @Option(names = "--once", description = "Poll once, print what was processed and exit (for cron or a check).")
        boolean once;

        @Override
        public Integer call() {
            WatchSettings s = WatchSettings.read(config);
            io.poolkit.qtum.watch.WatchConfig wc = s.watchConfig();
            java.time.Clock clock = java.time.Clock.systemUTC();
            LedgerStore ledger = s.ledger() == null ? null : LedgerStore.open(LedgerConfig.of(s.ledger()));
            try {
                io.poolkit.qtum.watch.PoolWatcher watcher = new io.poolkit.qtum.watch.PoolWatcher(s.client(), wc,
                        java.util.Optional.ofNullable(ledger), s.log(clock), clock, new CatchUpBar(spec));
                PrintWriter out = spec.commandLine().getOut();
                if (once) {
                    for (io.poolkit.qtum.watch.BlockOutcome o : watcher.pollOnce()) {
                        if (o.kind() != io.poolkit.qtum.watch.BlockOutcome.Kind.OTHER) {
                            out.println(o.height() + " " + o.kind() + " " + o.stakerRewardSats() + " " + o.creditsSats());
                        }
                    }
                    out.println("last processed " + watcher.state().block());
                    return 0;
                }
                java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
                Thread main = Thread.currentThread();
                Thread hook = new Thread(() -> {
                    stop.set(true);
                    main.interrupt();
                });
                Runtime.getRuntime().addShutdownHook(hook);
                io.poolkit.qtum.alert.Alerter alerter = s.alerter(clock);
                java.util.Optional<io.poolkit.qtum.payout.DailyPayout> payout = java.util.Optional.empty();
                if (s.payoutAtUtc() != null) {
                    if (ledger == null) {
                        throw new IllegalArgumentException("qtum.yml: payoutAtUtc needs a 'ledger'");
                    }
                    payout = java.util.Optional.of(s.dailyPayout(ledger, passphrase(null), clock, alerter, s.log(clock)));
                }
                new io.poolkit.qtum.watch.WatchLoop(watcher,
                        java.time.Duration.ofSeconds(s.pollSeconds() == null ? 3 : s.pollSeconds()),
                        java.time.Duration.ofMinutes(5), d -> Thread.sleep(d.toMillis()), alerter,
                        java.util.Optional.of(new io.poolkit.qtum.watch.NodeMonitor(s.monitorSettings(), clock, alerter)),
                        s.hostName(), payout)
                        .run(stop::get);
                out.println("stopped after block " + watcher.state().block());
                return 0;
            } finally {
                if (ledger != null) {
                    ledger.close();
                }
            }
        }
    }

    /** A console progress bar (stderr) for a catch-up of 100 blocks or more; smaller polls show nothing. */
    static final class CatchUpBar implements io.poolkit.qtum.watch.CatchUpProgress {
        static final int MIN_BLOCKS = 100;
        private final CommandSpec spec;
        private me.tongfei.progressbar.ProgressBar bar;

        CatchUpBar(CommandSpec spec) {
            this.spec = spec;
        }

        @Override
        public void started(int fromHeight, int count) {
            if (count >= MIN_BLOCKS) {
                bar = new me.tongfei.progressbar.ProgressBarBuilder().setTaskName("catch-up from " + fromHeight)
                        .setInitialMax(count).setUnit(" blocks", 1)
                        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
            }
        }

        @Override
        public void processed(int height) {
            if (bar != null) {
                bar.step();
            }
        }

        @Override
        public void finished() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }

    @Command(name = "status",
            mixinStandardHelpOptions = true,
            description = "Print the pool state the watcher keeps: last processed block, pool balance, revenue, shares.",
            footer = {"", "Example:", "  poolkit qtum status --data /var/lib/poolkit/qtum",
                "  block 700000 poolbalance 2600000000 poolrevenue 5 delegates 3 accrued 2536345026"})
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "The watcher's dataDir.")
        Path data;

        @Override
        public Integer call() {
            Path f = Files.exists(data.resolve(PoolShareFile.CURRENT)) ? data.resolve(PoolShareFile.CURRENT)
                    : data.resolve(PoolShareFile.CURRENT_TXT);
            if (!Files.exists(f)) {
                spec.commandLine().getErr().println("no currentpoolshare.csv in " + data + ": has the watcher run?");
                return 1;
            }
            PoolShareFile s = PoolShareFile.read(f);
            long accrued = s.sharesSats().values().stream().mapToLong(Long::longValue).sum();
            spec.commandLine().getOut().println("block " + s.block() + " poolbalance " + s.poolBalanceSats()
                    + " poolrevenue " + s.poolRevenueSats() + " delegates " + s.sharesSats().size() + " accrued " + accrued);
            return 0;
        }
    }

    @Command(name = "payout",
            mixinStandardHelpOptions = true,
            description = {"Pay the delegates' confirmed ledger balances once (for cron at the payout time): threshold",
                "and pool fee as PPM, small balances carried over, sendmany in batches of at most 500 outputs, the",
                "wallet unlocked for each send and re-locked for staking only. A second run with the same --run-key",
                "(default: today's UTC date) pays nothing. Settings come from the watcher's qtum.yml (ledger, poolFee,",
                "minimumPayoutSats, rpc); the wallet passphrase from the environment variable " + Payout.PASSPHRASE_ENV + "."},
            footer = {"", "A run first settles payouts an interrupted run left: found in the wallet by label, they are",
                "recorded and never sent again. Writes the 300 rows to the daily log and sends the payout summary alert.",
                "", "Example:", "  QTUM_WALLET_PASSPHRASE=... poolkit qtum payout --config qtum.yml",
                "  paid 4 delegates 2426684919 sats in 1 sendmany; carried over 1; revenue 330911580"})
    static final class Payout implements Callable<Integer> {
        static final String PASSPHRASE_ENV = "QTUM_WALLET_PASSPHRASE";

        @Spec
        CommandSpec spec;

        @Option(names = "--config", required = true, paramLabel = "qtum.yml", description = "Settings (see poolkit qtum watch --help).")
        Path config;

        @Option(names = "--passphrase-file", paramLabel = "FILE",
                description = "Read the wallet passphrase from FILE (first line) instead of " + PASSPHRASE_ENV + ".")
        Path passphraseFile;

        @Option(names = "--run-key", paramLabel = "KEY", description = "Names this run; default: today's UTC date.")
        String runKey;

        @Override
        public Integer call() {
            WatchSettings s = WatchSettings.read(config);
            String pass = passphrase(passphraseFile);
            String key = runKey != null ? runKey : java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            try (LedgerStore ledger = LedgerStore.open(LedgerConfig.of(WatchSettings.need(s.ledger(), "ledger")))) {
                java.time.Clock clock = java.time.Clock.systemUTC();
                io.poolkit.qtum.payout.QtumPayoutRunner.RunResult r = s.dailyPayout(ledger, pass, clock,
                        s.alerter(clock), s.log(clock)).run(key);
                long sent = r.payouts().stream().mapToLong(p -> p.outputs().stream()
                        .mapToLong(io.poolkit.core.ledger.PayoutOutput::net).sum()).sum();
                int paid = r.payouts().stream().mapToInt(p -> p.outputs().size()).sum();
                spec.commandLine().getOut().println("paid " + paid + " delegates " + sent + " sats in "
                        + r.payouts().size() + " sendmany; carried over " + r.plan().carriedOverSats().size()
                        + "; revenue " + io.poolkit.qtum.payout.DailyPayout.revenueSats(r));
                if (!r.reconciled().isEmpty()) {
                    spec.commandLine().getOut().println("settled " + r.reconciled().size() + " payout(s) an earlier run left"
                            + " unfinished: " + r.reconciled().stream().map(p -> p.label() + " " + p.state()).toList());
                }
                return 0;
            }
        }
    }
}
