package io.poolkit.pegnet.pool;

import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.testing.PostgresCluster;
import java.nio.file.Path;

/** The accountant's ledger tests on a real PostgreSQL server (a throwaway cluster; see {@link PostgresCluster}). */
class PostgresLedgerPegnetStoreTest extends LedgerPegnetStoreTest {

    @Override
    LedgerConfig newDatabase(Path dir) {
        PostgresCluster cluster = PostgresCluster.shared();
        return LedgerConfig.of(cluster.jdbcUrl(cluster.createDatabase("pegnet")));
    }
}
