package io.poolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.pegnet.pool.Accountant;
import io.poolkit.pegnet.pool.LedgerPegnetStore;
import io.poolkit.pegnet.stratum.ShareChecker;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code poolkit pegnet accountant} and {@code poolkit pegnet stratum}'s config errors. */
class PegnetPoolCommandTest {

    @Test
    void accountantReportsClosedAndOpenJobsAndBalances(@TempDir Path dir) {
        Path file = dir.resolve("ledger.db");
        LedgerConfig lc = LedgerConfig.of(file.toString());
        try (LedgerStore ledger = LedgerStore.open(lc);
                LedgerPegnetStore store = new LedgerPegnetStore(ledger, lc, "pool-fee")) {
            Accountant a = new Accountant(store, new BigDecimal("0.05"), Clock.systemUTC());
            a.open(10);
            a.add(new ShareChecker.Share("alice", "rig1", "10", new byte[32], new byte[9], 0xffff000000000001L));
            a.add(new ShareChecker.Share("bob", "rig1", "10", new byte[32], new byte[9], 0xffff000000000001L));
            a.reward(10, 1000, 1, 1);
            a.open(11);
            a.add(new ShareChecker.Share("bob", "rig1", "11", new byte[32], new byte[9], 0xffff000000000001L));
        }
        CliRun r = CliRun.of("pegnet", "accountant", "--ledger", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("job 10 reward 1000 fee 50 (rate 0.05) dust 0 graded 1 won 1"), r.out());
        assertTrue(r.out().contains("  alice difficulty 1.0000000000000036 proportion 0.50000000 payout 475"), r.out());
        assertTrue(r.out().contains("open job 11: 1 shares in flight"), r.out());
        assertTrue(r.out().contains("owed alice 475 pegtoshi (paid 0)"), r.out());
        assertTrue(r.out().contains("owed pool-fee 50 pegtoshi"), r.out());

        CliRun missing = CliRun.of("pegnet", "accountant", "--ledger", dir.resolve("nope.db").toString());
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.err().contains("no ledger file"), missing.err());
    }

    @Test
    void stratumRefusesABadConfigClearly(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("pegnet.yml");
        Files.writeString(yml, "coinbase: FAnot\nprices: {USD: \"1\"}\n");
        CliRun r = CliRun.of("pegnet", "stratum", "--config", yml.toString());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("coinbase must be a valid FA"), r.err());
        CliRun help = CliRun.of("pegnet", "stratum", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("POOLKIT_PEGNET_EC_SECRET"));
    }
}
