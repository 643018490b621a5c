package io.poolkit.core.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ledger on JDBC: a SQLite file (WAL journal, a busy timeout, foreign keys, writers that take the
 * write lock when their transaction begins) or a PostgreSQL database, behind a HikariCP pool, with
 * its schema kept by Flyway. It hands out the repositories; close it to release the pool.
 *
 * <pre>{@code
 * try (LedgerStore store = LedgerStore.open(LedgerConfig.of("pool.db"))) {
 *     Recorded<Block> block = store.blocks().record("stratum-1", found);
 *     store.credits().creditBlock(block.value().id(), "PPLNS", split);
 * }
 * }</pre>
 *
 * <p>The store is safe for use by many threads, and several stores (in several processes) may share
 * one database: exactly-once rules are enforced by unique keys and conditional updates in the
 * database, not in memory.
 */
public final class LedgerStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerStore.class);

    /** The classpath folder of the migration scripts. */
    static final String MIGRATIONS = "classpath:io/poolkit/core/ledger/migration";
    /** Flyway's history table; named so it is clear in a shared database what it belongs to. */
    static final String HISTORY_TABLE = "ledger_schema_history";

    private final LedgerConfig config;
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbc jdbc;
    private final ShareRepository shares;
    private final BlockRepository blocks;
    private final CreditRepository credits;
    private final BalanceRepository balances;
    private final PayoutRepository payouts;

    private LedgerStore(LedgerConfig config, HikariDataSource dataSource) {
        this.config = config;
        this.dialect = Dialect.ofUrl(config.jdbcUrl());
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource, dialect, config.redactedUrl());
        Clock clock = config.clock();
        this.shares = new ShareRepository(jdbc);
        this.blocks = new BlockRepository(jdbc, clock);
        this.credits = new CreditRepository(jdbc, clock);
        this.balances = new BalanceRepository(jdbc);
        this.payouts = new PayoutRepository(jdbc, clock);
    }

    /**
     * Opens the store, connecting at once (so a wrong URL or password fails here), and brings the
     * schema up to date unless {@link LedgerConfig#migrateOnOpen()} is off.
     *
     * @throws LedgerException if the database cannot be reached or migrated
     */
    public static LedgerStore open(LedgerConfig config) {
        Dialect dialect = Dialect.ofUrl(config.jdbcUrl());
        if (dialect == Dialect.SQLITE) {
            createParentFolder(config.jdbcUrl());
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hikari(config, dialect));
        } catch (RuntimeException e) {
            throw new LedgerException("cannot connect to the ledger at " + config.redactedUrl() + ": "
                    + rootMessage(e), e);
        }
        LedgerStore store = new LedgerStore(config, ds);
        try {
            if (config.migrateOnOpen()) {
                store.migrate();
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        LOG.info("ledger open at {} ({})", config.redactedUrl(), dialect.label());
        return store;
    }

    private static HikariConfig hikari(LedgerConfig config, Dialect dialect) {
        HikariConfig h = new HikariConfig();
        h.setPoolName("poolkit-ledger");
        h.setJdbcUrl(config.jdbcUrl());
        config.user().ifPresent(h::setUsername);
        config.password().ifPresent(h::setPassword);
        h.setMaximumPoolSize(config.maxPoolSize());
        h.setMinimumIdle(Math.min(1, config.maxPoolSize()));
        h.setConnectionTimeout(Math.max(250, config.busyTimeout().toMillis()));
        if (dialect == Dialect.SQLITE) {
            // sqlite-jdbc reads these pragmas from the connection properties.
            h.addDataSourceProperty("journal_mode", "WAL");
            h.addDataSourceProperty("busy_timeout", Long.toString(config.busyTimeout().toMillis()));
            h.addDataSourceProperty("foreign_keys", "true");
            h.addDataSourceProperty("synchronous", "FULL");
            // BEGIN IMMEDIATE: a writer takes the lock when its transaction starts and waits up to the
            // busy timeout for it, instead of failing when a read lock cannot be upgraded.
            h.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else {
            h.addDataSourceProperty("ApplicationName", "poolkit-ledger");
        }
        return h;
    }

    private static void createParentFolder(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new LedgerException("cannot create the folder " + parent + " for the ledger file: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Brings the schema up to date with the migrations shipped in this library. Running it on an
     * up-to-date schema changes nothing.
     */
    public MigrationResult migrate() {
        Flyway flyway = flyway();
        try {
            MigrateResult r = flyway.migrate();
            String to = r.targetSchemaVersion != null ? r.targetSchemaVersion
                    : currentVersion(flyway).orElse("0");
            Optional<String> from = Optional.ofNullable(r.initialSchemaVersion);
            if (r.migrationsExecuted > 0) {
                LOG.info("ledger schema at {} migrated from {} to {} ({} migrations)", config.redactedUrl(),
                        from.orElse("empty"), to, r.migrationsExecuted);
            }
            return new MigrationResult(from, to, r.migrationsExecuted);
        } catch (FlywayException e) {
            throw new LedgerException("migrating the ledger at " + config.redactedUrl() + " failed: " + e.getMessage(), e);
        }
    }

    /** The schema version of the database, if it has one. */
    public Optional<String> schemaVersion() {
        try {
            return currentVersion(flyway());
        } catch (FlywayException e) {
            throw new LedgerException("reading the ledger schema version at " + config.redactedUrl() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static Optional<String> currentVersion(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null ? Optional.empty()
                : Optional.of(current.getVersion().getVersion());
    }

    Flyway flyway() {
        return Flyway.configure(LedgerStore.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .table(HISTORY_TABLE)
                .placeholders(dialect.placeholders())
                .failOnMissingLocations(true)
                .loggers("slf4j")
                .load();
    }

    public ShareRepository shares() {
        return shares;
    }

    public BlockRepository blocks() {
        return blocks;
    }

    public CreditRepository credits() {
        return credits;
    }

    public BalanceRepository balances() {
        return balances;
    }

    public PayoutRepository payouts() {
        return payouts;
    }

    /**
     * A sink for a {@link ShareRecorder} of one stratum server: each batch of shares and blocks is
     * written in one transaction, skipping shares and blocks already stored.
     */
    public ShareSink sink(String serverId) {
        Checks.token("server id", serverId, Checks.SERVER_ID);
        return (List<KeyedShare> batchShares, List<FoundBlock> batchBlocks) -> jdbc.transaction(
                "storing " + batchShares.size() + " shares and " + batchBlocks.size() + " blocks",
                c -> new ShareSink.WriteResult(shares.insert(c, serverId, batchShares),
                        blocks.insert(c, serverId, batchBlocks)));
    }

    /** {@code sqlite} or {@code postgresql}. */
    public String databaseKind() {
        return dialect.label();
    }

    /** The database URL with any secret masked. */
    public String redactedUrl() {
        return config.redactedUrl();
    }

    /** Closes the connection pool. */
    @Override
    public void close() {
        dataSource.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public String toString() {
        return "LedgerStore[" + config.redactedUrl() + "]";
    }
}
