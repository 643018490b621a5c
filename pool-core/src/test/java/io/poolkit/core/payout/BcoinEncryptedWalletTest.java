package io.poolkit.core.payout;

import io.poolkit.core.testing.SteppableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.ledger.Balance;
import io.poolkit.core.ledger.CreditKind;
import io.poolkit.core.ledger.CreditLine;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.regtest.BcoinRegtestNode;
import io.poolkit.core.rpc.RpcException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An encrypted bcoin wallet: the runner unlocks it with walletpassphrase for each send and locks it
 * again; a wrong passphrase is a refusal, so the payout fails and its credit returns to the balance.
 */
@Tag("bcoin")
class BcoinEncryptedWalletTest {

    static final String CHAIN = "bcoin-regtest";

    @Test
    void unlocksForTheSendAndLocksAgain(@TempDir Path dir) {
        try (BcoinRegtestNode bcoin = BcoinRegtestNode.start();
             LedgerStore store = LedgerStore.open(LedgerConfig.sqlite(dir.resolve("ledger.db")))) {
            bcoin.generateToAddress(110, bcoin.getNewAddress());
            String miner = bcoin.getNewAddress();
            bcoin.walletRpc().call("encryptwallet", List.of("correct horse"));
            store.credits().credit(CHAIN, "test:1", "TEST", List.of(new CreditLine(miner, CreditKind.ADJUSTMENT, 123_456_789L)));
            PayoutPlanner planner = new PayoutPlanner(1_000_000, FeePolicy.poolPays(), 500);
            SteppableClock clock = new SteppableClock(Instant.now());

            RpcPayoutWallet wrong = new RpcPayoutWallet(bcoin.walletRpc(), "default", 1, Optional.of("wrong"),
                    Duration.ofSeconds(10), 100_000);
            PayoutRunner.Summary refused = new PayoutRunner(store, wrong, planner, CHAIN, clock, Duration.ofMinutes(10),
                    new PayoutRunner.Checkpoints() { }).run();
            assertEquals(1, refused.failed().size());
            assertTrue(refused.failed().get(0).note().contains("did not unlock"), refused.failed().get(0).note());
            assertTrue(!refused.failed().get(0).note().contains("wrong"), "the passphrase is never in a message");
            assertEquals(new Balance(CHAIN, miner, 0, 123_456_789L, 0, 0), store.balances().of(CHAIN, miner));

            RpcPayoutWallet right = new RpcPayoutWallet(bcoin.walletRpc(), "default", 1, Optional.of("correct horse"),
                    Duration.ofSeconds(10), 100_000);
            PayoutRunner.Summary paid = new PayoutRunner(store, right, planner, CHAIN, clock, Duration.ofMinutes(10),
                    new PayoutRunner.Checkpoints() { }).run();
            assertEquals(1, paid.sent().size());
            assertEquals(new Balance(CHAIN, miner, 0, 0, 0, 123_456_789L), store.balances().of(CHAIN, miner));
            WalletTx tx = right.transaction(paid.sent().get(0).txid().orElseThrow()).orElseThrow();
            assertEquals(123_456_789L, tx.outputs().get(miner));

            // Locked again after the send: a send without unlocking is refused by the wallet.
            assertThrows(RpcException.class, () -> bcoin.sendMany(Map.of(miner, 1_000_000L), "x"));
        }
    }
}
