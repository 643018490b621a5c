package io.poolkit.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger contract on a SQLite file, the default store. */
class SqliteLedgerStoreTest extends LedgerStoreContract {

    @TempDir
    Path dir;

    private int files;

    @Override
    protected LedgerConfig newDatabase() {
        return LedgerConfig.of(dir.resolve("nested/ledger-" + (++files) + ".db").toString());
    }

    @Test
    void anInMemoryDatabaseIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LedgerConfig.of("jdbc:sqlite::memory:"));
        assertTrue(e.getMessage().contains("give a file"), e.getMessage());
    }

    @Test
    void aPlainPathIsASqliteFileInWalModeCreatedWithItsFolder() throws Exception {
        assertEquals("sqlite", store.databaseKind());
        Path file = Path.of(config.jdbcUrl().substring("jdbc:sqlite:".length()));
        assertTrue(Files.exists(file), file.toString());
        try (Connection c = DriverManager.getConnection(config.jdbcUrl());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
    }
}
