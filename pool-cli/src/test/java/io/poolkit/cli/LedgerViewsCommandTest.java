package io.poolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolkit.core.ledger.CreditKind;
import io.poolkit.core.ledger.CreditLine;
import io.poolkit.core.ledger.FoundBlock;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.ledger.Payout;
import io.poolkit.core.ledger.PayoutOutput;
import io.poolkit.core.ledger.PayoutPlan;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** poolkit balances, blocks and payouts read a ledger as a table, JSON or CSV. */
class LedgerViewsCommandTest {

    static final String CHAIN = "bitcoin-regtest";
    static final String ALICE = "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn";
    static final String BOB = "n3GNqMveyvaPvUbH469vDRadqpJMPc84JA";

    @Test
    void balancesBlocksAndPayouts(@TempDir Path dir) throws Exception {
        String db = dir.resolve("ledger.db").toString();
        try (LedgerStore store = LedgerStore.open(LedgerConfig.of(db))) {
            store.blocks().record("stratum-1", new FoundBlock(CHAIN, 101, "ab".repeat(32), ALICE, "", 5_000_000_000L,
                    BigDecimal.ONE, Instant.parse("2026-01-01T00:00:00Z")));
            store.credits().credit(CHAIN, "test:1", "TEST", List.of(new CreditLine(ALICE, CreditKind.ADJUSTMENT, 700),
                    new CreditLine(BOB, CreditKind.ADJUSTMENT, 300)));
            Payout p = store.payouts().plan(new PayoutPlan(CHAIN, "run-1", "run-1-1", List.of(new PayoutOutput(ALICE, 600, 10))));
            store.payouts().markSending(p.id());
            store.payouts().markSent(p.id(), "cd".repeat(32), 150);
        }
        ObjectMapper json = new ObjectMapper();
        CliRun balances = CliRun.of("balances", "--db", db, "--chain", CHAIN, "--json");
        assertEquals(0, balances.exitCode(), balances.err());
        JsonNode b = json.readTree(balances.out());
        assertEquals(ALICE, b.get(0).get("address").asText());
        assertEquals(100, b.get(0).get("confirmed").asLong());
        assertEquals(600, b.get(0).get("paid").asLong());
        assertEquals(300, b.get(1).get("confirmed").asLong());

        CliRun table = CliRun.of("balances", "--db", db, "--chain", CHAIN);
        assertTrue(table.out().contains(BOB), table.out());

        CliRun blocks = CliRun.of("blocks", "--db", db, "--chain", CHAIN, "--json");
        assertEquals(0, blocks.exitCode(), blocks.err());
        assertEquals("pending", json.readTree(blocks.out()).get(0).get("state").asText());
        assertEquals(101, json.readTree(blocks.out()).get(0).get("height").asLong());

        CliRun payouts = CliRun.of("payouts", "--db", db, "--chain", CHAIN, "--csv");
        assertEquals(0, payouts.exitCode(), payouts.err());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(payouts.out())).getRecords();
        assertEquals(1, rows.size());
        assertEquals("run-1-1", rows.get(0).get("label"));
        assertEquals("sent", rows.get(0).get("state"));
        assertEquals("590", rows.get(0).get("net"));
        assertEquals("cd".repeat(32), rows.get(0).get("txid"));

        CliRun none = CliRun.of("payouts", "--chain", CHAIN);
        assertEquals(2, none.exitCode(), "no ledger named is bad input");
        CliRun both = CliRun.of("payouts", "--db", db, "--csv", "--json");
        assertEquals(2, both.exitCode());
    }
}
