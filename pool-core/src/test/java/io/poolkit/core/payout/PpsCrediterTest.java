package io.poolkit.core.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.ledger.AcceptedShare;
import io.poolkit.core.ledger.Balance;
import io.poolkit.core.ledger.KeyedShare;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PPS periods are credited confirmed, each share once, from where the last period ended. */
class PpsCrediterTest {

    static final String CHAIN = "bitcoin-regtest";
    static final String ALICE = "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn";
    static final String BOB = "n3GNqMveyvaPvUbH469vDRadqpJMPc84JA";

    static KeyedShare share(String address, String difficulty, Instant at) {
        return new KeyedShare(address + at.toEpochMilli(), new AcceptedShare(address, "", new BigDecimal(difficulty),
                new BigDecimal("1000"), "j", 1, at));
    }

    @Test
    void creditsEachPeriodOnce(@TempDir Path dir) {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        try (LedgerStore store = LedgerStore.open(LedgerConfig.sqlite(dir.resolve("ledger.db")))) {
            PpsCrediter pps = new PpsCrediter(new Pps(new PoolFee(20, ALICE), 5_000_000_000L));
            store.shares().insert("stratum-1", List.of(share(ALICE, "1", t0.plusSeconds(1)), share(BOB, "3", t0.plusSeconds(2))));
            // 5e9 * 0.98 / 1000 per difficulty unit = 4_900_000.
            assertTrue(!pps.creditUntil(store, CHAIN, t0.plusSeconds(60)).isEmpty());
            assertEquals(new Balance(CHAIN, ALICE, 0, 4_900_000L, 0, 0), store.balances().of(CHAIN, ALICE));
            assertEquals(new Balance(CHAIN, BOB, 0, 14_700_000L, 0, 0), store.balances().of(CHAIN, BOB));
            assertTrue(pps.creditUntil(store, CHAIN, t0.plusSeconds(60)).isEmpty(), "the same period again: nothing");

            store.shares().insert("stratum-1", List.of(share(BOB, "0.5", t0.plusSeconds(61))));
            assertTrue(!pps.creditUntil(store, CHAIN, t0.plusSeconds(120)).isEmpty());
            assertEquals(14_700_000L + 2_450_000L, store.balances().of(CHAIN, BOB).confirmed());
            assertEquals(4_900_000L, store.balances().of(CHAIN, ALICE).confirmed(), "older shares are not credited again");
        }
    }
}
