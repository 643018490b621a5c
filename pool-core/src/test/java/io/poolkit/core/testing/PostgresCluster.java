package io.poolkit.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests: {@code initdb} into a temporary folder, {@code pg_ctl
 * start} on a free loopback port with its own socket folder, and on {@link #close()} {@code pg_ctl
 * stop} and removal of the folder. It runs the server binaries of Debian's {@code postgresql}
 * package ({@code /usr/lib/postgresql/VERSION/bin}, or {@code POOLKIT_PG_BIN}). initdb refuses to
 * run as root, so as root the cluster is created and run as the {@code postgres} user.
 *
 * <p>Missing binaries fail the test with what to install: a PostgreSQL test never skips itself.
 *
 * <p>{@link #shared()} starts one cluster per test JVM and stops it when the JVM exits; databases
 * from {@link #createDatabase(String)} keep tests apart.
 */
public final class PostgresCluster implements AutoCloseable {

    public static final String USER = "poolkit";

    private static PostgresCluster shared;

    private final Path binDir;
    private final Path base;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;
    private final AtomicInteger databases = new AtomicInteger();
    private boolean stopped;

    private PostgresCluster(Path binDir, Path base, int port, boolean asPostgresUser) {
        this.binDir = binDir;
        this.base = base;
        this.data = base.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The cluster shared by the tests of this JVM, started on first use and stopped at exit. */
    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            PostgresCluster cluster = start();
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "poolkit-test-postgres-stop"));
            shared = cluster;
        }
        return shared;
    }

    /** Starts a new cluster; the caller closes it. */
    public static PostgresCluster start() {
        Path bin = binDir();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path base = Files.createTempDirectory("poolkit-pg-");
            Path sockets = Files.createDirectory(base.resolve("sockets"));
            if (root) {
                UserPrincipal postgres = base.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(base, postgres);
                Files.setOwner(sockets, postgres);
            }
            PostgresCluster cluster = new PostgresCluster(bin, base, freePort(), root);
            try {
                cluster.run("initdb", List.of(bin.resolve("initdb").toString(), "-D", cluster.data.toString(), "-U", USER,
                        "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"));
                cluster.run("pg_ctl start", List.of(bin.resolve("pg_ctl").toString(), "-D", cluster.data.toString(),
                        "-l", base.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                        "-p " + cluster.port + " -k " + sockets + " -c listen_addresses=127.0.0.1"
                                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start"));
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a PostgreSQL test cluster: " + e.getMessage(), e);
        }
    }

    /** The folder of the PostgreSQL server binaries; fails with what to install if there is none. */
    public static Path binDir() {
        return binDir(System.getenv("POOLKIT_PG_BIN"), Path.of("/usr/lib/postgresql"));
    }

    static Path binDir(String configured, Path lib) {
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                versions.sorted(Comparator.comparing(PostgresCluster::majorVersion).reversed())
                        .forEach(v -> candidates.add(v.resolve("bin")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Path c : candidates) {
            if (Files.isExecutable(c.resolve("initdb")) && Files.isExecutable(c.resolve("pg_ctl"))) {
                return c;
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) not found in "
                + (configured != null ? configured + " or " : "") + lib + "/*/bin: the ledger tests run"
                + " on a real PostgreSQL. Install Debian's server package (apt-get install -y postgresql), as"
                + " .ci/run does, or set POOLKIT_PG_BIN to a folder holding initdb and pg_ctl.");
    }

    private static int majorVersion(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** A JDBC URL of a database of this cluster (user {@value #USER}, no password). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
    }

    /** Creates a new empty database named {@code prefix_N} and returns its name. */
    public String createDatabase(String prefix) {
        String name = prefix + "_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"));
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    /** Stops the server (fast shutdown) and removes its folder. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run("pg_ctl stop", List.of(binDir.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast",
                        "-w", "-t", "60", "stop"));
            }
        } finally {
            deleteRecursively(base);
        }
    }

    private void run(String what, List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Path output = Files.createTempFile("poolkit-pg-cmd-", ".log");
            try {
                Process p = new ProcessBuilder(full).directory(base.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(what + " did not finish within 120 s: " + full);
                }
                if (p.exitValue() != 0) {
                    String log = Files.readString(output, StandardCharsets.UTF_8);
                    Path serverLog = base.resolve("server.log");
                    if (Files.exists(serverLog)) {
                        log += "\nserver.log:\n" + Files.readString(serverLog, StandardCharsets.UTF_8);
                    }
                    throw new IllegalStateException(what + " failed with exit status " + p.exitValue() + ": " + full
                            + "\n" + log);
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(what + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
