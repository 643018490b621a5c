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
        header = "PegNet (Prosper pool) tools: LXRHash tables, OPR block grading.",
        mixinStandardHelpOptions = true,
        description = {"PegNet's proof of work is LXRHash over a 1 GiB shuffled byte table (30 bits). The table takes",
            "many minutes to build; it is cached in ~/.cache/poolkit/lxrhash (or $POOLKIT_CACHE_DIR/lxrhash) and",
            "its SHA-256 is verified every time it is loaded."},
        subcommands = {PegnetCommand.Table.class, PegnetCommand.Grade.class})
final class PegnetCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
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
