package io.poolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolkit.core.ledger.AcceptedShare;
import io.poolkit.core.ledger.Balance;
import io.poolkit.core.ledger.KeyedShare;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.payout.RpcPayoutWallet;
import io.poolkit.core.payout.WalletTx;
import io.poolkit.core.regtest.BcoinRegtestNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code poolkit payout} with {@code payout.scheme: PPS} on a real bcoin regtest node: the shares in
 * the ledger are valued at ppsBlockReward x difficulty / network difficulty less the pool fee,
 * credited once per period and paid with sendmany; a run with no new shares pays nothing; a later
 * share is credited and paid on its own. A PPS config without ppsBlockReward is refused (exit 2).
 */
@Tag("bcoin")
class PayoutPpsBcoinTest {

    static final String CHAIN = "bcoin-regtest";

    static KeyedShare share(String address, String difficulty, Instant at) {
        return new KeyedShare(address + "-" + at.toEpochMilli(), new AcceptedShare(address, "rig", new BigDecimal(difficulty),
                new BigDecimal("1000"), "j", 101, at));
    }

    static void writeConfig(Path yml, BcoinRegtestNode bcoin, String pool, String db, String ppsReward) throws Exception {
        String key = PayoutCommandBcoinTest.apiKey(bcoin);
        Files.writeString(yml, String.join("\n",
                "pool: {algo: sha256d, network: bcoin-regtest, payoutAddress: " + pool + "}",
                "nodes: [{name: bcoin, url: 'http://127.0.0.1:" + bcoin.httpPort() + "', user: poolkit, password: " + key + "}]",
                "ledger: {url: '" + db + "'}",
                "payout: {scheme: PPS, " + ppsReward + "ppsLagSeconds: 0, feePerMille: 10, minimum: 1000000,"
                        + " walletUrl: 'http://127.0.0.1:" + bcoin.walletPort() + "', walletUser: poolkit, walletPassword: "
                        + key + ", walletAccount: default}",
                ""), StandardCharsets.UTF_8);
    }

    static long received(BcoinRegtestNode bcoin, String address) {
        return RpcPayoutWallet.bcoin(bcoin.walletRpc()).sends(Instant.EPOCH).stream()
                .mapToLong(t -> t.outputs().getOrDefault(address, 0L)).sum();
    }

    @Test
    void ppsSharesAreCreditedOnceAndPaid(@TempDir Path dir) throws Exception {
        try (BcoinRegtestNode bcoin = BcoinRegtestNode.start()) {
            bcoin.generateToAddress(110, bcoin.getNewAddress());
            String pool = bcoin.getNewAddress();
            String alice = bcoin.getNewAddress();
            String bob = bcoin.getNewAddress();
            String db = dir.resolve("ledger.db").toString();
            Path yml = dir.resolve("pool.yml");

            writeConfig(yml, bcoin, pool, db, "");
            CliRun refused = CliRun.of("payout", "--config", yml.toString());
            assertEquals(2, refused.exitCode(), refused.out());
            assertTrue(refused.err().contains("ppsBlockReward"), refused.err());

            writeConfig(yml, bcoin, pool, db, "ppsBlockReward: 5000000000, ");
            Instant t0 = Instant.now().minus(Duration.ofMinutes(5));
            try (LedgerStore store = LedgerStore.open(LedgerConfig.of(db))) {
                store.shares().insert("stratum-1", List.of(share(alice, "1", t0), share(alice, "2", t0.plusSeconds(1)),
                        share(bob, "0.5", t0.plusSeconds(2))));
            }
            CliRun dry = CliRun.of("payout", "--config", yml.toString(), "--dry-run", "--json");
            assertEquals(0, dry.exitCode(), dry.err());
            JsonNode plan = new ObjectMapper().readTree(dry.out());
            assertEquals("PPS", plan.get("scheme").asText());
            assertEquals(0, plan.get("plans").size(), "nothing is credited before a real run: " + dry.out());

            CliRun run = CliRun.of("payout", "--config", yml.toString());
            assertEquals(0, run.exitCode(), run.err() + run.out());
            assertTrue(run.out().contains("credited 1 PPS period;"), run.out());
            // 5e9 x (1000 - 10) / 1000 / 1000 = 4,950,000 per difficulty unit: alice 3 units, bob 0.5.
            assertEquals(14_850_000L, received(bcoin, alice));
            assertEquals(2_475_000L, received(bcoin, bob));
            try (LedgerStore store = LedgerStore.open(LedgerConfig.of(db))) {
                assertEquals(new Balance(CHAIN, alice, 0, 0, 0, 14_850_000L), store.balances().of(CHAIN, alice));
                assertEquals(new Balance(CHAIN, bob, 0, 0, 0, 2_475_000L), store.balances().of(CHAIN, bob));
            }

            CliRun again = CliRun.of("payout", "--config", yml.toString());
            assertEquals(0, again.exitCode(), again.err());
            assertTrue(again.out().contains("credited 0 PPS periods;") && again.out().contains("nothing to pay"), again.out());

            // A new share (worth 2 units) is credited and paid on its own; the old ones are not paid again.
            bcoin.generateToAddress(1, bcoin.getNewAddress());
            try (LedgerStore store = LedgerStore.open(LedgerConfig.of(db))) {
                store.shares().insert("stratum-1", List.of(share(bob, "2", Instant.now())));
            }
            CliRun later = CliRun.of("payout", "--config", yml.toString());
            assertEquals(0, later.exitCode(), later.err() + later.out());
            assertTrue(later.out().contains("credited 1 PPS period;"), later.out());
            assertEquals(14_850_000L, received(bcoin, alice));
            assertEquals(2_475_000L + 9_900_000L, received(bcoin, bob));
            List<WalletTx> toBob = RpcPayoutWallet.bcoin(bcoin.walletRpc()).sends(Instant.EPOCH).stream()
                    .filter(t -> t.outputs().containsKey(bob)).toList();
            assertEquals(2, toBob.size(), "two payouts to bob: " + toBob);
        }
    }
}
