package io.poolkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.ledger.MigrationResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code poolkit ledger}: look after the ledger store (shares, blocks, credits, balances, payouts). */
@Command(name = "ledger",
        mixinStandardHelpOptions = true,
        header = "Create or upgrade the ledger store (SQLite file or PostgreSQL).",
        description = "Look after the ledger store: a SQLite file by default, PostgreSQL for stores shared by several servers.",
        subcommands = {LedgerCommand.Migrate.class},
        footer = {"", "Example:",
            "  poolkit ledger migrate --db pool.db",
            "  POOLKIT_DB_PASSWORD=secret poolkit ledger migrate --db jdbc:postgresql://db.local:5432/pool --db-user pool"})
final class LedgerCommand implements Runnable {

    /** The environment variable that holds the database password (never a command-line option). */
    static final String PASSWORD_ENV = "POOLKIT_DB_PASSWORD";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "migrate",
            mixinStandardHelpOptions = true,
            description = {"Create the ledger's tables or bring an older schema up to date; safe to run again.",
                "An up-to-date ledger is left as it is. A SQLite file (and its folder) is created if missing.",
                "The password of a PostgreSQL user is read from the environment variable " + PASSWORD_ENV + "."},
            footer = {"", "Example:",
                "  poolkit ledger migrate --db /var/lib/poolkit/pool.db",
                "  ledger /var/lib/poolkit/pool.db (sqlite): schema created at version 1 (1 migration applied)",
                "", "  poolkit ledger migrate --db 'jdbc:postgresql://127.0.0.1:5432/pool?user=pool' --json",
                "  {\"db\":\"jdbc:postgresql://127.0.0.1:5432/pool?user=pool\",\"kind\":\"postgresql\",\"from\":\"1\",\"to\":\"1\",\"applied\":0}"})
    static final class Migrate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--db", required = true, paramLabel = "URL",
                description = "The ledger: a file path or jdbc:sqlite:FILE (SQLite), or jdbc:postgresql://HOST:PORT/DATABASE.")
        String db;

        @Option(names = "--db-user", paramLabel = "USER", description = "The PostgreSQL user, if not in the URL.")
        String user;

        @Option(names = "--json", description = "Print one JSON object instead of a sentence.")
        boolean json;

        @Override
        public Integer call() {
            LedgerConfig config = LedgerConfig.of(db).withMigrateOnOpen(false);
            if (user != null) {
                config = config.withUser(user);
            }
            String password = System.getenv(PASSWORD_ENV);
            if (password != null && !password.isEmpty()) {
                config = config.withPassword(password);
            }
            String shown = db.strip().toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:") ? config.redactedUrl()
                    : db.strip();
            MigrationResult result;
            try (LedgerStore store = LedgerStore.open(config)) {
                result = store.migrate();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = Json.object();
                o.put("db", shown);
                o.put("kind", config.databaseKind());
                if (result.fromVersion().isPresent()) {
                    o.put("from", result.fromVersion().get());
                } else {
                    o.putNull("from");
                }
                o.put("to", result.toVersion());
                o.put("applied", result.applied());
                out.println(Json.line(o));
            } else if (result.applied() == 0) {
                out.printf("ledger %s (%s): schema up to date at version %s%n", shown, config.databaseKind(),
                        result.toVersion());
            } else {
                out.printf("ledger %s (%s): schema %s at version %s (%d migration%s applied)%n", shown,
                        config.databaseKind(),
                        result.fromVersion().map(v -> "migrated from version " + v + " to").orElse("created"),
                        result.toVersion(), result.applied(), result.applied() == 1 ? "" : "s");
            }
            return 0;
        }
    }
}
