package io.poolkit.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.testing.PostgresCluster;
import org.junit.jupiter.api.Test;

/** The ledger contract on a real PostgreSQL server (a throwaway cluster; see {@link PostgresCluster}). */
class PostgresLedgerStoreTest extends LedgerStoreContract {

    @Override
    protected LedgerConfig newDatabase() {
        PostgresCluster cluster = PostgresCluster.shared();
        return LedgerConfig.of(cluster.jdbcUrl(cluster.createDatabase("ledger")));
    }

    @Test
    void isPostgresql() {
        assertEquals("postgresql", store.databaseKind());
    }

    @Test
    void anUnreachableServerFailsClearlyWithoutShowingThePassword() {
        LedgerConfig bad = LedgerConfig.of("jdbc:postgresql://127.0.0.1:1/ledger?user=pool&password=hunter2&connectTimeout=2")
                .withBusyTimeout(java.time.Duration.ofSeconds(2));
        assertEquals("jdbc:postgresql://127.0.0.1:1/ledger?user=pool&connectTimeout=2", bad.jdbcUrl());
        assertEquals(java.util.Optional.of("hunter2"), bad.password());
        assertFalse(bad.toString().contains("hunter2"));
        LedgerException e = assertThrows(LedgerException.class, () -> LedgerStore.open(bad));
        assertTrue(e.getMessage().startsWith("cannot connect to the ledger at jdbc:postgresql://127.0.0.1:1/ledger"),
                e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
}
