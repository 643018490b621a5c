package io.poolkit.packetcrypt.paymaker;

import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.testing.PostgresCluster;

/** The PayMaker's HTTP and restart tests with its pay logs on a real PostgreSQL (a throwaway cluster). */
class PostgresPayMakerHttpTest extends PayMakerHttpTest {

    @Override
    LedgerConfig newLedger() {
        PostgresCluster cluster = PostgresCluster.shared();
        return LedgerConfig.of(cluster.jdbcUrl(cluster.createDatabase("paymaker")));
    }
}
