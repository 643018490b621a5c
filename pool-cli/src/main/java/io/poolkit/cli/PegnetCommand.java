package io.poolkit.cli;

import io.poolkit.pegnet.lxr.ByteMap;
import io.poolkit.pegnet.lxr.ByteMapCache;
import io.poolkit.pegnet.lxr.LxrHash;
import io.poolkit.pegnet.opr.Grader;
import io.poolkit.pegnet.opr.OprBlockFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code poolkit pegnet}: PegNet (Prosper pool) tools. */
@Command(name = "pegnet",
        header = "PegNet (Prosper pool): run the pool, its accountant report, LXRHash tables, OPR grading.",
        mixinStandardHelpOptions = true,
        description = {"PegNet's proof of work is LXRHash over a 1 GiB shuffled byte table (30 bits). The table takes",
            "many minutes to build; it is cached in ~/.cache/poolkit/lxrhash (or $POOLKIT_CACHE_DIR/lxrhash) and",
            "its SHA-256 is verified every time it is loaded."},
        subcommands = {PegnetCommand.Stratum.class, PegnetCommand.AccountantReport.class, PegnetCommand.Table.class,
            PegnetCommand.Grade.class})
final class PegnetCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code poolkit pegnet stratum}: run the pool until SIGTERM. */
    @Command(name = "stratum",
            header = "Run the PegNet pool: Prosper stratum, admin console, rolling submission, accountant.",
            mixinStandardHelpOptions = true,
            description = {"Runs the pool described by the YAML config until SIGTERM or Ctrl-C, which stop it cleanly",
                "(queued shares are handed to the accountant first). It polls factomd, grades each OPR block, builds",
                "the next job, notifies miners, submits admitted shares as OPR entries (commit + reveal, paid with",
                "the EC key from $POOLKIT_PEGNET_EC_SECRET or the config) and credits owed payouts to the ledger.",
                "In-flight shares are in the ledger too: a restart loses nothing. The admin console listens on",
                "127.0.0.1 (stratum.adminPort): listclients, getversion, showmessage, notify, settarget, reconnect."},
            footer = {"", "Example config (pegnet.yml):",
                "  factomd: http://localhost:8088/v2",
                "  ledger: pegnet-ledger.db            # or jdbc:postgresql://host/db",
                "  identity: Prosper",
                "  coinbase: FA2jK2HcLnRdS94dEcU27rF3meoJfpUcZPSinpb7AwQvPRY6RL1Q",
                "  poolFeeRate: \"0.05\"",
                "  stratum: {port: 1234, adminPort: 1235}",
                "  submit: {emaN: 36, softmax: 25, cutoff: 200, sortByDifficulty: true}",
                "  prices: {PEG: \"0.004\", USD: \"1\", EUR: \"1.08\", ...}   # every asset of the OPR version",
                "", "Example:", "  POOLKIT_PEGNET_EC_SECRET=Es... poolkit pegnet stratum --config pegnet.yml"})
    static final class Stratum implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "Pool configuration (YAML).")
        Path config;

        @Override
        public Integer call() throws Exception {
            io.poolkit.pegnet.service.PegnetConfig c = io.poolkit.pegnet.service.PegnetConfig.load(config);
            PrintWriter out = spec.commandLine().getOut();
            LxrHash lxr = LxrTables.hasher(c.lxrBits);
            java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
            io.poolkit.pegnet.service.PegnetService service = io.poolkit.pegnet.service.PegnetService.start(c, lxr,
                    System.getenv(), java.time.Clock.systemUTC(), line -> {
                        synchronized (out) {
                            out.println(java.time.Instant.now() + " " + line);
                            out.flush();
                        }
                    });
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                service.close();
                stopped.countDown();
            }, "pegnet-shutdown"));
            stopped.await();
            return 0;
        }
    }

    /** {@code poolkit pegnet accountant}: what the pool owes, from the ledger. */
    @Command(name = "accountant",
            header = "Show what the PegNet pool owes: per job and per user, from the ledger.",
            mixinStandardHelpOptions = true,
            description = {"Reads the ledger the pool writes (the accountant runs inside 'pegnet stratum'): the last",
                "closed jobs with reward, fee, dust and each user's proportion and payout; the jobs still open with",
                "their in-flight shares; and every user's balance of PEG owed (pegtoshi; 1 PEG = 10^8)."},
            footer = {"", "Example:", "  poolkit pegnet accountant --ledger pegnet-ledger.db --jobs 5"})
    static final class AccountantReport implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--ledger", required = true, paramLabel = "URL|FILE",
                description = "The ledger: a SQLite file or a JDBC URL.")
        String ledger;

        @Option(names = "--jobs", paramLabel = "N", description = "Closed jobs to list (default 10).")
        int jobs = 10;

        @Option(names = "--fee-account", paramLabel = "NAME", description = "The pool fee account (default pool-fee).")
        String feeAccount = "pool-fee";

        @Override
        public Integer call() {
            if (!ledger.startsWith("jdbc:") && !java.nio.file.Files.isRegularFile(Path.of(ledger))) {
                throw new IllegalArgumentException("no ledger file " + ledger);
            }
            io.poolkit.core.ledger.LedgerConfig lc = io.poolkit.core.ledger.LedgerConfig.of(ledger);
            PrintWriter w = spec.commandLine().getOut();
            try (io.poolkit.core.ledger.LedgerStore store = io.poolkit.core.ledger.LedgerStore.open(lc);
                    io.poolkit.pegnet.pool.LedgerPegnetStore pegnet =
                            new io.poolkit.pegnet.pool.LedgerPegnetStore(store, lc, feeAccount)) {
                for (io.poolkit.pegnet.pool.LedgerPegnetStore.JobSummary j : pegnet.closedJobs(jobs)) {
                    w.printf("job %d reward %d fee %d (rate %s) dust %d graded %d won %d pool difficulty %s%n",
                            j.jobId(), j.reward(), j.poolFee(), j.feeRate().toPlainString(), j.dust(), j.graded(),
                            j.winning(), j.poolDifficulty());
                    for (io.poolkit.pegnet.pool.LedgerPegnetStore.UserOwed u : pegnet.owed(j.jobId())) {
                        w.printf("  %s difficulty %s proportion %s payout %d%n", u.user(), u.difficulty(),
                                u.proportion().toPlainString(), u.payout());
                    }
                }
                java.util.Map<Long, Long> open = new java.util.TreeMap<>();
                pegnet.openJobs().forEach(j -> open.put(j, 0L));
                pegnet.openShares().forEach(s -> open.merge(s.jobId(), 1L, Long::sum));
                open.forEach((j, n) -> w.printf("open job %d: %d shares in flight%n", j, n));
                for (io.poolkit.core.ledger.Balance b : store.balances().all(
                        io.poolkit.pegnet.pool.LedgerPegnetStore.CHAIN)) {
                    w.printf("owed %s %d pegtoshi (paid %d)%n", b.address(), b.confirmed() + b.inFlight(), b.paid());
                }
            }
            return 0;
        }
    }

    /** {@code poolkit pegnet table}: build and verify an LXRHash table. */
    @Command(name = "table",
            header = "Build (or find in the cache) and verify an LXRHash byte table.",
            mixinStandardHelpOptions = true,
            description = {"Without --out: makes sure the verified table is in the cache (generating it with a progress",
                "bar if it is missing or fails its SHA-256 check) and prints its SHA-256 and path.",
                "With --out FILE: writes the table to FILE (and FILE.sha256), taking it from the cache when the",
                "cache has a verified copy, else generating it."},
            footer = {"", "Examples:",
                "  poolkit pegnet table                  # the 30-bit (1 GiB) table, into the cache",
                "  poolkit pegnet table --bits 16 --out /tmp/lxr16.dat"})
    static final class Table implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--bits", paramLabel = "N", description = "Map size in bits, 8..30 (default 30, PegNet's).")
        int bits = ByteMap.PEGNET_BITS;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the table here instead of only caching it.")
        Path out;

        @Override
        public Integer call() {
            ByteMap.checkBits(bits);
            PrintWriter w = spec.commandLine().getOut();
            ByteMapCache cache = ByteMapCache.atDefaultLocation();
            ByteMap map;
            String source;
            if (out == null) {
                ByteMapCache.Loaded loaded = LxrTables.load(cache, bits);
                map = loaded.map();
                source = (loaded.generated() ? "generated into " : "verified in ") + loaded.file();
            } else {
                map = cache.cached(bits).orElse(null);
                source = "copied from " + cache.file(bits);
                if (map == null) {
                    map = LxrTables.generate(bits);
                    source = "generated";
                }
            }
            String digest = map.sha256Hex();
            String known = ByteMap.knownSha256(bits).map(k -> k.equals(digest) ? "matches the known digest"
                    : "DOES NOT MATCH the known digest " + k).orElse("no built-in digest for this size");
            if (ByteMap.knownSha256(bits).filter(k -> !k.equals(digest)).isPresent()) {
                throw new IllegalStateException(bits + "-bit table has SHA-256 " + digest + ", " + known);
            }
            if (out != null) {
                ByteMapCache.write(map, out, digest);
                source += ", written to " + out;
            }
            w.println("bits " + bits + " length " + map.length() + " sha256 " + digest + " (" + known + ")");
            w.println(source);
            return 0;
        }
    }

    /** {@code poolkit pegnet grade}: grade an OPR entry block and print the winners. */
    @Command(name = "grade",
            header = "Grade an OPR entry block and print its winners in payout order.",
            mixinStandardHelpOptions = true,
            description = {"Reads a block in pegnet's grader test-data format (Height, PreviousWinners, Entries with",
                "base64 ExtIDs and Content), validates every entry, checks the claimed difficulties with the",
                "30-bit LXRHash (the cached table; built once if missing) and grades with the version of the",
                "height. Prints one line per winner: position, short hash, payout in PEG, identity, coinbase.",
                "Exit status 1 when the file's own Winners list is present and differs."},
            footer = {"", "Example:", "  poolkit pegnet grade 206422.json"})
    static final class Grade implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Parameters(index = "0", paramLabel = "BLOCK.json", description = "The OPR block file.")
        Path block;

        @Option(names = "--all", description = "Print every graded record (up to 50), not only the winners.")
        boolean all;

        @Override
        public Integer call() {
            if (!java.nio.file.Files.isRegularFile(block)) {
                throw new IllegalArgumentException("no such OPR block file: " + block);
            }
            OprBlockFile file = OprBlockFile.read(block);
            LxrHash lxr = LxrTables.hasher(ByteMap.PEGNET_BITS);
            Grader.GradedBlock graded = Grader.grade(file.height(), file.previousWinners(), file.entries(),
                    lxr::difficulty);
            PrintWriter w = spec.commandLine().getOut();
            w.printf("height %d version %d entries %d rejected %d graded %d winners %d%n", graded.height(),
                    graded.version(), file.entries().size(), graded.rejected().size(), graded.graded().size(),
                    graded.winners().size());
            for (Grader.GradedOpr g : graded.graded()) {
                if (!all && g.position() >= graded.winners().size()) {
                    break;
                }
                w.printf("%2d %s %s PEG %s %s%n", g.position(), g.entry().shortHash(),
                        new java.math.BigDecimal(g.payout()).movePointLeft(8).stripTrailingZeros().toPlainString(),
                        g.entry().opr().minerId(), g.entry().opr().coinbase());
            }
            if (!file.expectedWinners().isEmpty() && !file.expectedWinners().equals(graded.winners())) {
                spec.commandLine().getErr().println("winners differ from the file's Winners list");
                return 1;
            }
            return 0;
        }
    }
}
