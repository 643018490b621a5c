package io.poolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.ledger.Balance;
import io.poolkit.core.ledger.CreditKind;
import io.poolkit.core.ledger.CreditLine;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.ledger.Payout;
import io.poolkit.core.ledger.PayoutState;
import io.poolkit.core.payout.PayoutWallet;
import io.poolkit.core.payout.RpcPayoutWallet;
import io.poolkit.core.payout.WalletTx;
import io.poolkit.core.regtest.BcoinRegtestNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash tests with real process death against the real bcoin wallet: the payout runs in a child JVM
 * ({@link PayoutKillMain}) that halts at one step (after planning, after being marked sending before
 * the wallet call, after the wallet accepted the sendmany, after the send before recording); then
 * {@code poolkit payout} runs normally and the wallet's own transactions show every address paid
 * exactly once, the ledger agrees, the balance under the minimum is carried over, and another run
 * pays nothing. One bcoin node serves the whole class.
 */
@Tag("bcoin")
class PayoutProcessKillTest {

    static final String CHAIN = "bcoin-regtest";
    static final long MINIMUM = 50_000_000L;

    private static BcoinRegtestNode bcoin;

    @BeforeAll
    static void startNode() {
        bcoin = BcoinRegtestNode.start();
        bcoin.generateToAddress(120, bcoin.getNewAddress());
    }

    @AfterAll
    static void stopNode() {
        if (bcoin != null) {
            bcoin.close();
        }
    }

    /** A pool.yml over a SQLite ledger with three confirmed balances (two over the minimum) for fresh wallet addresses. */
    record Setup(Path yml, String db, String a, String b, String small) {
        Map<String, Long> owed() {
            return Map.of(a, 100_000_000L, b, 250_000_001L);
        }

        LedgerStore open() {
            return LedgerStore.open(LedgerConfig.of(db));
        }
    }

    static Setup setup(Path dir) throws Exception {
        awaitWalletSynced();
        String a = bcoin.getNewAddress();
        String b = bcoin.getNewAddress();
        String small = bcoin.getNewAddress();
        String db = dir.resolve("ledger.db").toString();
        try (LedgerStore store = LedgerStore.open(LedgerConfig.of(db))) {
            store.credits().credit(CHAIN, "test:" + a, "TEST", List.of(new CreditLine(a, CreditKind.ADJUSTMENT, 100_000_000L),
                    new CreditLine(b, CreditKind.ADJUSTMENT, 250_000_001L),
                    new CreditLine(small, CreditKind.ADJUSTMENT, 49_999_999L)));
        }
        Setup s = new Setup(dir.resolve("pool.yml"), db, a, b, small);
        writeConfig(s, 600);
        return s;
    }

    static void writeConfig(Setup s, int sendGraceSeconds) throws Exception {
        String key = PayoutCommandBcoinTest.apiKey(bcoin);
        Files.writeString(s.yml(), String.join("\n",
                "pool: {algo: sha256d, network: bcoin-regtest, payoutAddress: " + s.a() + "}",
                "nodes: [{name: bcoin, url: 'http://127.0.0.1:" + bcoin.httpPort() + "', user: poolkit, password: " + key + "}]",
                "ledger: {url: '" + s.db() + "'}",
                "payout: {scheme: PPLNS, minimum: " + MINIMUM + ", maturity: 1, sendGraceSeconds: " + sendGraceSeconds
                        + ", walletUrl: 'http://127.0.0.1:" + bcoin.walletPort() + "', walletUser: poolkit, walletPassword: "
                        + key + ", walletAccount: default}",
                ""), StandardCharsets.UTF_8);
    }

    /** Runs the payout in a child JVM that halts at {@code step}; asserts it died there. */
    static void killAt(Setup s, String step, Path dir) throws Exception {
        try (ChildJvm child = ChildJvm.start(PayoutKillMain.class, dir.resolve("child-" + step + ".log"), s.yml().toString(),
                step)) {
            int status = child.awaitExit(Duration.ofMinutes(2));
            assertEquals(PayoutKillMain.HALTED, status, "the child died at " + step + ":\n" + child.output());
            assertTrue(child.output().contains("dying at " + step), child.output());
        }
    }

    static Payout onlyUnfinished(Setup s) {
        try (LedgerStore store = s.open()) {
            List<Payout> unfinished = store.payouts().unfinished(CHAIN);
            assertEquals(1, unfinished.size(), unfinished.toString());
            return unfinished.get(0);
        }
    }

    /** What the wallet's transactions carried to {@code address}, and in how many transactions. */
    static long[] receivedBy(String address) {
        long total = 0;
        long txs = 0;
        for (WalletTx tx : RpcPayoutWallet.bcoin(bcoin.walletRpc()).sends(Instant.EPOCH)) {
            Long v = tx.outputs().get(address);
            if (v != null) {
                total += v;
                txs++;
            }
        }
        return new long[] {total, txs};
    }

    static CliRun payout(Setup s) {
        return CliRun.of("payout", "--config", s.yml().toString());
    }

    /** The wallet paid each address once and exactly its balance, the ledger says so, and rerunning pays nothing. */
    static void assertPaidOnce(Setup s) {
        try (LedgerStore store = s.open()) {
            s.owed().forEach((address, amount) -> {
                assertEquals(amount, receivedBy(address)[0], "the wallet paid " + address + " its balance");
                assertEquals(1, receivedBy(address)[1], "the wallet paid " + address + " once");
                assertEquals(new Balance(CHAIN, address, 0, 0, 0, amount), store.balances().of(CHAIN, address));
            });
            assertEquals(0, receivedBy(s.small())[1]);
            assertEquals(new Balance(CHAIN, s.small(), 0, 49_999_999L, 0, 0), store.balances().of(CHAIN, s.small()),
                    "the balance under the minimum carried over");
        }
        CliRun again = payout(s);
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("nothing to pay"), again.out());
        s.owed().forEach((address, amount) -> assertEquals(1, receivedBy(address)[1], "still paid once: " + address));
        String txid = onlyUnfinished(s).txid().orElseThrow();
        bcoin.generateToAddress(1, bcoin.getNewAddress());
        awaitWalletSaw(txid);
        CliRun confirm = payout(s);
        assertEquals(0, confirm.exitCode(), confirm.err());
        try (LedgerStore store = s.open()) {
            assertEquals(List.of(), store.payouts().unfinished(CHAIN), "the payout is confirmed in a block");
        }
    }

    @Test
    void killedAfterPlanning(@TempDir Path dir) throws Exception {
        Setup s = setup(dir);
        killAt(s, "planned", dir);
        Payout p = onlyUnfinished(s);
        assertEquals(PayoutState.PLANNED, p.state());
        try (LedgerStore store = s.open()) {
            assertEquals(100_000_000L, store.balances().of(CHAIN, s.a()).inFlight(), "the credit is in flight, not lost");
        }
        assertEquals(0, receivedBy(s.a())[1]);

        CliRun rerun = payout(s);
        assertEquals(0, rerun.exitCode(), rerun.err());
        assertTrue(rerun.out().contains("sent " + p.label() + " as "), "the planned payout is sent: " + rerun.out());
        assertPaidOnce(s);
    }

    @Test
    void killedAfterMarkingSendingBeforeTheWalletCall(@TempDir Path dir) throws Exception {
        Setup s = setup(dir);
        killAt(s, "sending", dir);
        Payout p = onlyUnfinished(s);
        assertEquals(PayoutState.SENDING, p.state());
        assertEquals(0, receivedBy(s.a())[1]);

        // Within the send grace the runner cannot tell whether the send happened: it stops and sends nothing.
        CliRun halted = payout(s);
        assertEquals(1, halted.exitCode(), halted.out() + halted.err());
        assertTrue(halted.err().contains("cannot tell"), halted.err());
        assertEquals(0, receivedBy(s.a())[1]);

        // With a 1 s grace, once it has passed, its absence from the wallet proves it was never made.
        writeConfig(s, 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Instant.now().isAfter(p.updatedAt().plusSeconds(1))) {
            assertTrue(System.nanoTime() < deadline, "the clock did not pass the grace");
            Thread.sleep(20);
        }
        CliRun rerun = payout(s);
        assertEquals(0, rerun.exitCode(), rerun.err());
        assertTrue(rerun.out().contains("reconciled " + p.label() + ": failed"), rerun.out());
        assertTrue(rerun.out().contains("sent "), rerun.out());
        assertPaidOnce(s);
    }

    @Test
    void killedDuringSendAfterTheWalletAccepted(@TempDir Path dir) throws Exception {
        Setup s = setup(dir);
        killAt(s, "accepted", dir);
        Payout p = onlyUnfinished(s);
        assertEquals(PayoutState.SENDING, p.state());
        assertEquals(1, receivedBy(s.a())[1], "the wallet made the transaction before the process died");

        CliRun rerun = payout(s);
        assertEquals(0, rerun.exitCode(), rerun.err());
        assertTrue(rerun.out().contains("reconciled " + p.label() + ": sent"), "found in the wallet: " + rerun.out());
        assertTrue(rerun.out().contains("nothing to pay"), "not sent again: " + rerun.out());
        assertPaidOnce(s);
    }

    @Test
    void killedAfterSendBeforeRecording(@TempDir Path dir) throws Exception {
        Setup s = setup(dir);
        killAt(s, "sent", dir);
        Payout p = onlyUnfinished(s);
        assertEquals(PayoutState.SENDING, p.state());
        assertEquals(1, receivedBy(s.b())[1]);

        CliRun rerun = payout(s);
        assertEquals(0, rerun.exitCode(), rerun.err());
        assertTrue(rerun.out().contains("reconciled " + p.label() + ": sent"), rerun.out());
        assertTrue(rerun.out().contains("nothing to pay"), rerun.out());
        assertPaidOnce(s);
    }

    /** Mines a block to a fresh wallet address and waits (bounded) until bcoin's wallet has it: the wallet is at the tip. */
    static void awaitWalletSynced() throws InterruptedException {
        String address = bcoin.getNewAddress();
        bcoin.generateToAddress(1, address);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (bcoin.walletRpc().call("getreceivedbyaddress", List.of(address, 0)).decimalValue().signum() == 0) {
            assertTrue(System.nanoTime() < deadline, "bcoin's wallet did not take the new block within 30 s");
            Thread.sleep(20);
        }
    }

    /** bcoin's wallet takes the node's blocks asynchronously: waits (bounded) until it has the tx in a block. */
    static void awaitWalletSaw(String txid) {
        PayoutWallet w = RpcPayoutWallet.bcoin(bcoin.walletRpc());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (w.transaction(txid).map(WalletTx::confirmations).orElse(0L) == 0) {
            assertTrue(System.nanoTime() < deadline, "bcoin's wallet did not see " + txid + " in a block within 30 s");
            Thread.onSpinWait();
        }
    }
}
