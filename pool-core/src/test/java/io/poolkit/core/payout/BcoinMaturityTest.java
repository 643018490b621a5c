package io.poolkit.core.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.ledger.AcceptedShare;
import io.poolkit.core.ledger.Balance;
import io.poolkit.core.ledger.Block;
import io.poolkit.core.ledger.BlockState;
import io.poolkit.core.ledger.CreditState;
import io.poolkit.core.ledger.FoundBlock;
import io.poolkit.core.ledger.KeyedShare;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.regtest.BcoinRegtestNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Block maturity against a real bcoin regtest node: a pool block is confirmed once it has the
 * configured confirmations, and a block that leaves the main chain (invalidateblock) is orphaned with
 * its credits cancelled.
 */
@Tag("bcoin")
class BcoinMaturityTest {

    static final String CHAIN = "bcoin-regtest";
    /** The regtest subsidy below the first halving (height 150); the blocks mined here carry no fees. */
    static final long SUBSIDY = 5_000_000_000L;

    private static BcoinRegtestNode bcoin;

    @BeforeAll
    static void startNode() {
        bcoin = BcoinRegtestNode.start();
    }

    @AfterAll
    static void stopNode() {
        if (bcoin != null) {
            bcoin.close();
        }
    }

    /** Mines one block to the pool wallet and records it in the ledger as found by {@code finder}. */
    static Block mineAndRecord(BcoinRegtestNode node, LedgerStore store, String poolAddress, String finder, Instant at) {
        String hash = node.generateToAddress(1, poolAddress).get(0);
        long height = node.getBlock(hash).get("height").asLong();
        FoundBlock found = new FoundBlock(CHAIN, height, hash, finder, "rig1", SUBSIDY, BigDecimal.ONE, at);
        return store.blocks().record("stratum-1", found).value();
    }

    static void share(LedgerStore store, String address, String difficulty, Instant at) {
        store.shares().insert("stratum-1", List.of(new KeyedShare(address + at.toEpochMilli() + difficulty,
                new AcceptedShare(address, "rig1", new BigDecimal(difficulty), BigDecimal.ONE, "j1", 1, at))));
    }

    @Test
    void poolBlockMaturesAndAnInvalidatedBlockIsOrphaned(@TempDir Path dir) {
        String pool = bcoin.getNewAddress();
        String alice = bcoin.getNewAddress();
        String bob = bcoin.getNewAddress();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        try (LedgerStore store = LedgerStore.open(LedgerConfig.sqlite(dir.resolve("ledger.db")))) {
            share(store, alice, "1", t0.plusSeconds(1));
            share(store, bob, "3", t0.plusSeconds(2));
            BlockCrediter crediter = new BlockCrediter(new Pplns(BigDecimal.valueOf(4)),
                    new BlockSplitter(new PoolFee(10, pool), 0));
            BlockMaturity maturity = new BlockMaturity(bcoin.rpc(), BlockMaturity.DEFAULT_MATURITY);

            Block mature = mineAndRecord(bcoin, store, pool, alice, t0.plusSeconds(3));
            assertEquals(1, crediter.creditAll(store, CHAIN).size());
            assertEquals(0, crediter.creditAll(store, CHAIN).size(), "a block is credited once");
            assertEquals(new Balance(CHAIN, alice, 1_237_500_000L, 0, 0, 0), store.balances().of(CHAIN, alice));

            bcoin.generateToAddress(98, pool);
            BlockMaturity.Result early = maturity.settle(store.blocks(), CHAIN);
            assertEquals(List.of(), early.confirmed(), "99 confirmations are not enough");
            assertEquals(1, early.stillPending().size());

            bcoin.generateToAddress(1, pool);
            BlockMaturity.Result settled = maturity.settle(store.blocks(), CHAIN);
            assertEquals(1, settled.confirmed().size());
            assertEquals(BlockState.CONFIRMED, store.blocks().find(mature.id()).orElseThrow().state());
            assertEquals(new Balance(CHAIN, alice, 0, 1_237_500_000L, 0, 0), store.balances().of(CHAIN, alice));
            assertEquals(new Balance(CHAIN, bob, 0, 3_712_500_000L, 0, 0), store.balances().of(CHAIN, bob));
            assertEquals(50_000_000L, store.balances().of(CHAIN, pool).confirmed());

            // A credited block and an uncredited block leave the main chain.
            share(store, alice, "2", t0.plusSeconds(10));
            Block credited = mineAndRecord(bcoin, store, pool, alice, t0.plusSeconds(11));
            assertEquals(1, crediter.creditAll(store, CHAIN).size());
            assertEquals(SUBSIDY - 50_000_000L, store.balances().all(CHAIN).stream().filter(b -> !b.address().equals(pool))
                    .mapToLong(Balance::pending).sum());
            Block uncredited = mineAndRecord(bcoin, store, pool, bob, t0.plusSeconds(12));
            bcoin.invalidateBlock(credited.found().hash());

            BlockMaturity.Result waiting = maturity.settle(store.blocks(), CHAIN);
            assertEquals(List.of(), waiting.orphaned(), "while the chain is shorter than the blocks, they wait");

            String other = bcoin.getNewAddress();
            List<String> replacement = bcoin.generateToAddress(2, other);
            assertNotEquals(credited.found().hash(), replacement.get(0));
            BlockMaturity.Result reorged = maturity.settle(store.blocks(), CHAIN);
            assertEquals(2, reorged.orphaned().size());
            assertEquals(BlockState.ORPHANED, store.blocks().find(credited.id()).orElseThrow().state());
            assertEquals(BlockState.ORPHANED, store.blocks().find(uncredited.id()).orElseThrow().state());
            assertTrue(store.credits().ofBatch(store.credits().batchOfBlock(credited.id()).orElseThrow().id()).stream()
                    .allMatch(c -> c.state() == CreditState.CANCELLED));
            assertEquals(0, crediter.creditAll(store, CHAIN).size(), "an orphaned block is never credited");
            for (Balance b : store.balances().all(CHAIN)) {
                assertEquals(0, b.pending(), "no pending credit is left of the orphaned block: " + b);
            }
            assertEquals(new Balance(CHAIN, alice, 0, 1_237_500_000L, 0, 0), store.balances().of(CHAIN, alice));
        }
    }
}
