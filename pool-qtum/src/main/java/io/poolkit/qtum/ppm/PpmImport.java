package io.poolkit.qtum.ppm;

import io.poolkit.core.address.AddressException;
import io.poolkit.core.address.Addresses;
import io.poolkit.core.address.Network;
import io.poolkit.core.ledger.CreditBatch;
import io.poolkit.core.ledger.CreditKind;
import io.poolkit.core.ledger.CreditLine;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.ledger.Recorded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A PPM working directory read for import: {@code PPMConfig.txt}, the current snapshot
 * ({@code currentpoolshare.csv} or {@code .txt}) and the per-block archives ({@code poolshare/} or the
 * directory itself). Every address is checked; an address that fails its checksum is listed in
 * {@link #problems()} and blocks the ledger import.
 *
 * @param dir the directory read
 * @param config the config, if present
 * @param current the current snapshot
 * @param archives per-block snapshots by height
 * @param problems what is wrong, worded for the operator
 */
public record PpmImport(Path dir, Optional<PpmConfig> config, PoolShareFile current,
        TreeMap<Integer, PoolShareFile> archives, List<String> problems) {

    /** The chain name the ledger uses for Qtum credits. */
    public static final String LEDGER_CHAIN = "qtum";
    private static final Pattern ARCHIVE = Pattern.compile("(\\d+)poolshare\\.csv");

    /** Reads {@code dir}. */
    public static PpmImport read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory (give PPM's working directory)");
        }
        List<String> problems = new ArrayList<>();
        Optional<PpmConfig> config = Optional.empty();
        Path cfg = dir.resolve("PPMConfig.txt");
        if (Files.exists(cfg)) {
            PpmConfig c = PpmConfig.read(cfg);
            c.problems().forEach(p -> problems.add("PPMConfig.txt: " + p));
            config = Optional.of(c);
        } else {
            problems.add("PPMConfig.txt not found in " + dir);
        }
        Path currentFile = Files.exists(dir.resolve(PoolShareFile.CURRENT)) ? dir.resolve(PoolShareFile.CURRENT)
                : dir.resolve(PoolShareFile.CURRENT_TXT);
        if (!Files.exists(currentFile)) {
            throw new IllegalArgumentException("no currentpoolshare.csv or currentpoolshare.txt in " + dir);
        }
        PoolShareFile current = PoolShareFile.read(currentFile);
        TreeMap<Integer, PoolShareFile> archives = new TreeMap<>();
        for (Path d : List.of(dir, dir.resolve("poolshare"))) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.list(d)) {
                for (Path f : files.sorted().toList()) {
                    Matcher m = ARCHIVE.matcher(f.getFileName().toString());
                    if (m.matches()) {
                        archives.put(Integer.parseInt(m.group(1)), PoolShareFile.read(f));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Network network = config.map(PpmConfig::network).orElse(io.poolkit.core.address.Networks.QTUM_MAIN);
        checkAddresses(currentFile.getFileName().toString(), current, network, problems);
        archives.forEach((h, f) -> checkAddresses(PoolShareFile.archiveName(h), f, network, problems));
        return new PpmImport(dir, config, current, archives, problems);
    }

    private static void checkAddresses(String file, PoolShareFile f, Network network, List<String> problems) {
        for (String a : f.sharesSats().keySet()) {
            try {
                Addresses.parse(a, network);
            } catch (AddressException e) {
                problems.add(file + ": " + e.getMessage());
            }
        }
    }

    /** Whether the import can go to the ledger (no invalid addresses, valid config). */
    public boolean importable() {
        return problems.isEmpty();
    }

    /**
     * Credits the current snapshot's accrued shares to the ledger as one {@code PPMU} batch named
     * {@code ppm-import:<block>}; importing the same snapshot again changes nothing.
     */
    public Recorded<CreditBatch> importInto(LedgerStore ledger) {
        if (!importable()) {
            throw new IllegalStateException("not importing " + dir + ": " + String.join("; ", problems));
        }
        List<CreditLine> lines = new ArrayList<>();
        for (Map.Entry<String, Long> e : current.sharesSats().entrySet()) {
            if (e.getValue() > 0) {
                lines.add(new CreditLine(e.getKey(), CreditKind.WEIGHT, e.getValue()));
            }
        }
        return ledger.credits().credit(LEDGER_CHAIN, "ppm-import:" + current.block(), "PPMU", lines);
    }
}
