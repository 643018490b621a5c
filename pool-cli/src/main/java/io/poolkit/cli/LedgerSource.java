package io.poolkit.cli;

import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.stratum.pool.PoolConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that say which ledger and chain a read-only ledger command looks at. */
final class LedgerSource {

    @Option(names = "--config", paramLabel = "FILE",
            description = "The pool config (pool.yml): its ledger section and its network name as the chain.")
    Path config;

    @Option(names = "--db", paramLabel = "URL",
            description = "The ledger instead of --config: a file path, jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DATABASE.")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "The PostgreSQL user, with --db.")
    String user;

    @Option(names = "--chain", paramLabel = "NAME",
            description = "The chain (network name), with --db; default: bitcoin-main.")
    String chain;

    /** The chain the command looks at. */
    String chain() {
        if (config != null) {
            return PoolConfig.load(config).chain();
        }
        return chain == null ? "bitcoin-main" : chain;
    }

    /** Opens the ledger (not migrating it: a read must not change the schema). */
    LedgerStore open() {
        LedgerConfig c;
        if (config != null) {
            c = PoolConfig.load(config).ledgerConfig();
        } else if (db != null) {
            c = LedgerConfig.of(db);
            if (user != null) {
                c = c.withUser(user);
            }
            String password = System.getenv(LedgerCommand.PASSWORD_ENV);
            if (password != null && !password.isEmpty()) {
                c = c.withPassword(password);
            }
        } else {
            throw new IllegalArgumentException("say which ledger: --config pool.yml, or --db URL [--chain NAME]");
        }
        return LedgerStore.open(c.withMigrateOnOpen(false));
    }
}
