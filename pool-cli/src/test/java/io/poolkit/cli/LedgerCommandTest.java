package io.poolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolkit.core.testing.PostgresCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void helpHasAnExample() {
        assertTrue(CliRun.of("--help").out().contains("ledger"));
        CliRun help = CliRun.of("ledger", "migrate", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Example"), help.out());
        assertTrue(help.out().contains("POOLKIT_DB_PASSWORD"), help.out());
    }

    @Test
    void migrateCreatesASqliteLedgerThenLeavesItAlone() throws Exception {
        Path db = dir.resolve("var/pool.db");
        CliRun first = CliRun.of("ledger", "migrate", "--db", db.toString());
        assertEquals(0, first.exitCode(), first.err());
        // Modules add migrations (V3 is pool-pegnet's): the latest version, whatever it is, with all applied.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ledger " + java.util.regex.Pattern.quote(
                db.toString()) + " \\(sqlite\\): schema created at version (\\d+) \\((\\d+) migrations? applied\\)")
                .matcher(first.out().strip());
        assertTrue(m.matches(), first.out());
        String version = m.group(1);
        assertTrue(Integer.parseInt(m.group(2)) >= 1);
        assertTrue(Files.exists(db));

        CliRun again = CliRun.of("ledger", "migrate", "--db", "jdbc:sqlite:" + db, "--json");
        assertEquals(0, again.exitCode(), again.err());
        JsonNode o = JSON.readTree(again.out());
        assertEquals("sqlite", o.get("kind").asText());
        assertEquals(version, o.get("from").asText());
        assertEquals(version, o.get("to").asText());
        assertEquals(0, o.get("applied").asInt());
    }

    @Test
    void migrateWorksOnPostgresqlAndNeverPrintsThePassword() throws Exception {
        PostgresCluster cluster = PostgresCluster.shared();
        String url = cluster.jdbcUrl(cluster.createDatabase("cli"));
        CliRun run = CliRun.of("ledger", "migrate", "--db", url + "&password=not-shown", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode o = JSON.readTree(run.out());
        assertEquals(url, o.get("db").asText());
        assertEquals("postgresql", o.get("kind").asText());
        assertTrue(o.get("from").isNull());
        assertTrue(o.get("applied").asInt() >= 1);
        assertTrue(!run.out().contains("not-shown") && !run.err().contains("not-shown"));
    }

    @Test
    void badUrlsAreBadInputAndUnreachableServersAFailure() {
        CliRun bad = CliRun.of("ledger", "migrate", "--db", "jdbc:mysql://localhost/pool");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("unsupported ledger database URL"), bad.err());

        CliRun down = CliRun.of("ledger", "migrate", "--db",
                "jdbc:postgresql://127.0.0.1:1/pool?password=hunter2&connectTimeout=2");
        assertEquals(3, down.exitCode());
        assertTrue(down.err().contains("cannot connect to the ledger at jdbc:postgresql://127.0.0.1:1/pool"), down.err());
        assertTrue(!down.err().contains("hunter2"), down.err());
    }
}
