package io.poolkit.core.regtest;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bcoin installed from the npm registry into a directory of its own. {@link #ensure(Path)} runs
 * {@code npm install --ignore-scripts bcoin@1.0.2} there on first use (its native add-ons do not build
 * on current Node.js; the pure-JavaScript backends are used instead) and replaces the native
 * {@code leveldown} package, which bcoin's database layer loads even for an in-memory chain, with an
 * empty stand-in. A file lock keeps concurrent installs (several JVMs, several builds) from colliding.
 * npm's output goes to the SLF4J logger, never to standard output.
 */
public final class BcoinInstallation {

    /** The bcoin release poolkit runs. */
    public static final String VERSION = "1.0.2";
    /** Overrides the install directory. */
    public static final String DIR_ENV = "POOLKIT_BCOIN_DIR";

    private static final Logger LOG = LoggerFactory.getLogger(BcoinInstallation.class);
    private static final String READY_MARKER = ".poolkit-ready";
    private static final long INSTALL_TIMEOUT_MINUTES = 10;

    private final Path directory;
    private final Path nodeExecutable;

    private BcoinInstallation(Path directory, Path nodeExecutable) {
        this.directory = directory;
        this.nodeExecutable = nodeExecutable;
    }

    /** {@code $POOLKIT_BCOIN_DIR}, else {@code ~/.cache/poolkit/bcoin-1.0.2}. */
    public static Path defaultDirectory() {
        String configured = System.getenv(DIR_ENV);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "poolkit", "bcoin-" + VERSION);
    }

    /** The installation in the default directory, installing it first if needed. */
    public static BcoinInstallation ensureDefault() {
        return ensure(defaultDirectory());
    }

    /** The installation in {@code directory}, installing it first if needed. */
    public static BcoinInstallation ensure(Path directory) {
        Path dir = directory.toAbsolutePath();
        Path node = findOnPath("node").orElseThrow(() -> new BcoinException("Node.js is needed to run bcoin but 'node'"
                + " is not on the PATH: install it (for example: apt-get install -y nodejs npm)"));
        synchronized (BcoinInstallation.class) {
            try {
                Files.createDirectories(dir);
                try (FileChannel channel = FileChannel.open(dir.resolve(".poolkit-install.lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    if (!isInstalled(dir)) {
                        install(dir);
                    }
                    writeLeveldownStandIn(dir);
                }
            } catch (IOException e) {
                throw new BcoinException("cannot prepare the bcoin directory " + dir + ": " + e.getMessage()
                        + " (set " + DIR_ENV + " to a writable directory)", e);
            }
        }
        return new BcoinInstallation(dir, node);
    }

    /** The directory holding {@code node_modules/bcoin}. */
    public Path directory() {
        return directory;
    }

    /** bcoin's full-node launcher script. */
    public Path nodeScript() {
        return directory.resolve("node_modules").resolve("bcoin").resolve("bin").resolve("node");
    }

    /** The Node.js executable found on the PATH. */
    public Path nodeExecutable() {
        return nodeExecutable;
    }

    private static boolean isInstalled(Path dir) throws IOException {
        Path marker = dir.resolve(READY_MARKER);
        return Files.isRegularFile(marker) && Files.readString(marker).strip().equals(VERSION)
                && Files.isRegularFile(dir.resolve("node_modules/bcoin/bin/node"));
    }

    private static void install(Path dir) throws IOException {
        Path npm = findOnPath("npm").orElseThrow(() -> new BcoinException("npm is needed to install bcoin but is not on"
                + " the PATH: install it (for example: apt-get install -y npm)"));
        Path packageJson = dir.resolve("package.json");
        if (!Files.exists(packageJson)) {
            Files.writeString(packageJson, "{\n  \"name\": \"poolkit-bcoin\",\n  \"private\": true,\n  \"description\":"
                    + " \"bcoin for poolkit's regtest node (installed by poolkit)\"\n}\n");
        }
        List<String> command = List.of(npm.toString(), "install", "--ignore-scripts", "--no-audit", "--no-fund",
                "--no-progress", "--no-save", "bcoin@" + VERSION);
        LOG.info("installing bcoin {} into {} (first use; this takes a minute)", VERSION, dir);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                LOG.info("npm: {}", line);
                tail.addLast(line);
                if (tail.size() > 20) {
                    tail.removeFirst();
                }
            }
        }
        int exit;
        try {
            if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new BcoinException("npm install of bcoin did not finish within " + INSTALL_TIMEOUT_MINUTES
                        + " minutes; check the network connection to the npm registry");
            }
            exit = process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BcoinException("interrupted while installing bcoin", e);
        }
        if (exit != 0 || !Files.isRegularFile(dir.resolve("node_modules/bcoin/bin/node"))) {
            throw new BcoinException("npm install bcoin@" + VERSION + " in " + dir + " failed (exit " + exit
                    + "); last output:\n" + String.join("\n", tail));
        }
        writeLeveldownStandIn(dir);
        Files.writeString(dir.resolve(READY_MARKER), VERSION + "\n");
        LOG.info("bcoin {} installed in {}", VERSION, dir);
    }

    /** Replaces every installed {@code leveldown} with a package that loads but cannot open a disk database. */
    private static void writeLeveldownStandIn(Path dir) throws IOException {
        Path modules = dir.resolve("node_modules");
        List<Path> found;
        try (Stream<Path> walk = Files.walk(modules, 4)) {
            found = walk.filter(p -> p.getFileName().toString().equals("leveldown") && Files.isDirectory(p)
                    && p.getParent().getFileName().toString().equals("node_modules")).toList();
        }
        if (found.isEmpty()) {
            found = List.of(modules.resolve("leveldown"));
        }
        for (Path leveldown : found) {
            Path packageJson = leveldown.resolve("package.json");
            if (Files.isRegularFile(packageJson) && Files.readString(packageJson).contains("poolkit-stand-in")) {
                continue;
            }
            deleteTree(leveldown);
            Files.createDirectories(leveldown);
            Files.writeString(packageJson, "{\n  \"name\": \"leveldown\",\n  \"version\": \"0.0.0-poolkit-stand-in\",\n"
                    + "  \"description\": \"Empty stand-in: bcoin runs here with --memory=true only\",\n"
                    + "  \"main\": \"index.js\"\n}\n");
            Files.writeString(leveldown.resolve("index.js"), "'use strict';\n"
                    + "module.exports = function leveldown() {\n"
                    + "  throw new Error('leveldown is a poolkit stand-in: run bcoin with --memory=true');\n"
                    + "};\n");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static Optional<Path> findOnPath(String program) {
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(entry, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
