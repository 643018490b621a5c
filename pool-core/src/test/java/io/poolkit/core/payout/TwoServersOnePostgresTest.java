package io.poolkit.core.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poolkit.core.ledger.AcceptedShare;
import io.poolkit.core.ledger.Block;
import io.poolkit.core.ledger.FoundBlock;
import io.poolkit.core.ledger.KeyedShare;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.ledger.Payout;
import io.poolkit.core.ledger.PayoutOutput;
import io.poolkit.core.ledger.PayoutPlan;
import io.poolkit.core.testing.PostgresCluster;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Two stratum servers' ledger writers (two stores, as two processes would open) record shares and a
 * block into one real PostgreSQL database; the payout process credits the block from both servers'
 * shares and plans one payout that pays the miners of both.
 */
class TwoServersOnePostgresTest {

    static final String CHAIN = "bitcoin-regtest";
    static final String ALICE = "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn";
    static final String BOB = "n3GNqMveyvaPvUbH469vDRadqpJMPc84JA";
    static final String POOL = "mgXUe5Lr5JxHHyLU5hH4AUmFiLWL3t1BmS";

    static KeyedShare share(String address, String difficulty, Instant at) {
        return new KeyedShare(address + "-" + at.toEpochMilli(), new AcceptedShare(address, "rig", new BigDecimal(difficulty),
                BigDecimal.ONE, "j", 101, at));
    }

    @Test
    void bothServersSharesAreCreditedInOnePayout() {
        PostgresCluster cluster = PostgresCluster.shared();
        String url = cluster.jdbcUrl(cluster.createDatabase("payout"));
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        try (LedgerStore server1 = LedgerStore.open(LedgerConfig.of(url));
             LedgerStore server2 = LedgerStore.open(LedgerConfig.of(url));
             LedgerStore payout = LedgerStore.open(LedgerConfig.of(url))) {
            server1.sink("stratum-1").write(List.of(share(ALICE, "1", t0.plusSeconds(1)), share(ALICE, "1", t0.plusSeconds(3))),
                    List.of());
            server2.sink("stratum-2").write(List.of(share(BOB, "2", t0.plusSeconds(2))), List.of(new FoundBlock(CHAIN, 101,
                    "ef".repeat(32), BOB, "rig", 5_000_000_000L, BigDecimal.ONE, t0.plusSeconds(4))));
            assertEquals(2, payout.shares().count("stratum-1"));
            assertEquals(1, payout.shares().count("stratum-2"));

            BlockCrediter crediter = new BlockCrediter(new Prop(), new BlockSplitter(new PoolFee(10, POOL), 0));
            assertEquals(1, crediter.creditAll(payout, CHAIN).size());
            Block block = payout.blocks().recent(1).get(0);
            payout.blocks().confirm(block.id());

            List<PayoutPlan> plans = new PayoutPlanner(1_000_000, FeePolicy.poolPays(), 500).plan(CHAIN, "run-1",
                    payout.balances().all(CHAIN));
            assertEquals(1, plans.size());
            Payout p = payout.payouts().plan(plans.get(0));
            Map<String, Long> paid = new TreeMap<>();
            for (PayoutOutput o : p.outputs()) {
                paid.put(o.address(), o.amount());
            }
            // 4950000000 after the 1% fee, by difficulty 2:2.
            assertEquals(Map.of(ALICE, 2_475_000_000L, BOB, 2_475_000_000L, POOL, 50_000_000L), paid);
        }
    }
}
