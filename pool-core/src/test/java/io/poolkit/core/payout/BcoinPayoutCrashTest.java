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
import io.poolkit.core.ledger.Payout;
import io.poolkit.core.ledger.PayoutState;
import io.poolkit.core.regtest.BcoinRegtestNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash tests against the real bcoin wallet: the runner is killed (an {@link Error} thrown at a
 * checkpoint or from around the wallet call, which nothing in the runner catches) after planning,
 * before and after the wallet call, and after the send before recording; the rerun must pay every
 * address exactly once, lose no credit, and rerunning a finished payout must send nothing. The same
 * steps with a real process death (a child JVM halted at the step, then {@code poolkit payout}) are
 * pool-cli's PayoutProcessKillTest; this class also covers a lost connection and a refused send.
 */
@Tag("bcoin")
class BcoinPayoutCrashTest {

    static final String CHAIN = "bcoin-regtest";
    static final long MINIMUM = 50_000_000L;
    static final Duration GRACE = Duration.ofMinutes(10);

    private static BcoinRegtestNode bcoin;

    /** The process dying at that point. */
    static final class Kill extends Error {
        private static final long serialVersionUID = 1L;

        Kill(String where) {
            super("killed " + where);
        }
    }

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

    /** A ledger with three confirmed balances (two over the minimum, one under) for fresh wallet addresses. */
    record Setup(LedgerStore store, SteppableClock clock, String a, String b, String small) {
        Map<String, Long> owed() {
            return Map.of(a, 100_000_000L, b, 250_000_001L);
        }
    }

    static Setup setup(Path dir) {
        awaitWalletSynced();
        SteppableClock clock = new SteppableClock(Instant.now());
        LedgerStore store = LedgerStore.open(LedgerConfig.sqlite(dir.resolve("ledger.db")).withClock(clock));
        String a = bcoin.getNewAddress();
        String b = bcoin.getNewAddress();
        String small = bcoin.getNewAddress();
        store.credits().credit(CHAIN, "test:" + a, "TEST", List.of(new CreditLine(a, CreditKind.ADJUSTMENT, 100_000_000L),
                new CreditLine(b, CreditKind.ADJUSTMENT, 250_000_001L),
                new CreditLine(small, CreditKind.ADJUSTMENT, 49_999_999L)));
        return new Setup(store, clock, a, b, small);
    }

    static PayoutRunner runner(Setup s, PayoutWallet wallet, PayoutRunner.Checkpoints checkpoints) {
        return new PayoutRunner(s.store(), wallet, new PayoutPlanner(MINIMUM, FeePolicy.poolPays(), 500), CHAIN,
                s.clock(), GRACE, checkpoints);
    }

    static PayoutRunner runner(Setup s) {
        return runner(s, RpcPayoutWallet.bcoin(bcoin.walletRpc()), new PayoutRunner.Checkpoints() { });
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

    /** Every address was paid exactly once, the ledger says so, and the small balance carried over. */
    static void assertPaidOnce(Setup s) {
        s.owed().forEach((address, amount) -> {
            assertEquals(amount, receivedBy(address)[0], "the wallet paid " + address + " its balance");
            assertEquals(1, receivedBy(address)[1], "the wallet paid " + address + " once");
            assertEquals(new Balance(CHAIN, address, 0, 0, 0, amount), s.store().balances().of(CHAIN, address));
        });
        assertEquals(0, receivedBy(s.small())[1]);
        assertEquals(new Balance(CHAIN, s.small(), 0, 49_999_999L, 0, 0), s.store().balances().of(CHAIN, s.small()));
        assertTrue(s.store().payouts().unfinished(CHAIN).stream().allMatch(p -> p.state() == PayoutState.SENT));
        // Rerunning the finished payout sends nothing.
        PayoutRunner.Summary again = runner(s).run();
        assertEquals(List.of(), again.sent());
        assertEquals(List.of(), again.reconciled());
        s.owed().forEach((address, amount) -> assertEquals(1, receivedBy(address)[1]));
        bcoin.generateToAddress(1, bcoin.getNewAddress());
        awaitWalletSaw(s.store().payouts().unfinished(CHAIN).get(0).txid().orElseThrow());
        assertEquals(1, runner(s).run().confirmed().size(), "the payout is confirmed once in a block");
        assertEquals(List.of(), s.store().payouts().unfinished(CHAIN));
    }

    /**
     * Mines a block to a fresh wallet address and waits (bounded) until bcoin's wallet has taken it, so
     * a test starts with the wallet at the node's tip.
     */
    static void awaitWalletSynced() {
        String address = bcoin.getNewAddress();
        bcoin.generateToAddress(1, address);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (bcoin.walletRpc().call("getreceivedbyaddress", List.of(address, 0)).decimalValue().signum() == 0) {
            assertTrue(System.nanoTime() < deadline, "bcoin's wallet did not take the new block within 30 s");
            Thread.onSpinWait();
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

    @Test
    void runWithoutCrashPaysOnceAndIsIdempotent(@TempDir Path dir) {
        Setup s = setup(dir);
        try (LedgerStore ignored = s.store()) {
            PayoutRunner.Summary run = runner(s).run();
            assertEquals(1, run.sent().size());
            assertEquals(350_000_001L, run.paidNet());
            assertPaidOnce(s);
        }
    }

    @Test
    void killedAfterPlanning(@TempDir Path dir) {
        Setup s = setup(dir);
        try (LedgerStore ignored = s.store()) {
            PayoutRunner.Checkpoints kill = new PayoutRunner.Checkpoints() {
                @Override
                public void planned(Payout payout) {
                    throw new Kill("after planning");
                }
            };
            assertThrows(Kill.class, () -> runner(s, RpcPayoutWallet.bcoin(bcoin.walletRpc()), kill).run());
            Payout p = s.store().payouts().unfinished(CHAIN).get(0);
            assertEquals(PayoutState.PLANNED, p.state());
            assertEquals(100_000_000L, s.store().balances().of(CHAIN, s.a()).inFlight(), "credit is in flight, not lost");
            assertEquals(0, receivedBy(s.a())[1]);

            PayoutRunner.Summary rerun = runner(s).run();
            assertEquals(1, rerun.sent().size(), "the planned payout is sent, and no second one is planned");
            assertEquals(p.label(), rerun.sent().get(0).label());
            assertPaidOnce(s);
        }
    }

    @Test
    void killedDuringSendBeforeTheWalletCall(@TempDir Path dir) {
        Setup s = setup(dir);
        try (LedgerStore ignored = s.store()) {
            PayoutWallet real = RpcPayoutWallet.bcoin(bcoin.walletRpc());
            assertThrows(Kill.class, () -> runner(s, new KilledWallet(real, false), new PayoutRunner.Checkpoints() { }).run());
            assertEquals(PayoutState.SENDING, s.store().payouts().unfinished(CHAIN).get(0).state());

            // Right after the crash the runner cannot tell whether the send happened: it stops.
            PayoutHaltedException halted = assertThrows(PayoutHaltedException.class, () -> runner(s).run());
            assertTrue(halted.getMessage().contains("cannot tell"), halted.getMessage());
            assertEquals(0, receivedBy(s.a())[1]);

            // After the grace, its absence from the wallet proves it was never made: failed, planned again, paid once.
            s.clock().advance(GRACE.plusSeconds(1));
            PayoutRunner.Summary rerun = runner(s).run();
            assertEquals(1, rerun.reconciled().size());
            assertEquals(PayoutState.FAILED, rerun.reconciled().get(0).state());
            assertEquals(1, rerun.sent().size());
            assertPaidOnce(s);
        }
    }

    @Test
    void killedDuringSendAfterTheWalletAccepted(@TempDir Path dir) {
        Setup s = setup(dir);
        try (LedgerStore ignored = s.store()) {
            PayoutWallet real = RpcPayoutWallet.bcoin(bcoin.walletRpc());
            assertThrows(Kill.class, () -> runner(s, new KilledWallet(real, true), new PayoutRunner.Checkpoints() { }).run());
            assertEquals(PayoutState.SENDING, s.store().payouts().unfinished(CHAIN).get(0).state());
            assertEquals(1, receivedBy(s.a())[1]);

            PayoutRunner.Summary rerun = runner(s).run();
            assertEquals(1, rerun.reconciled().size(), "found in the wallet by its outputs and recorded");
            assertEquals(PayoutState.SENT, rerun.reconciled().get(0).state());
            assertEquals(List.of(), rerun.sent(), "not sent again");
            assertPaidOnce(s);
        }
    }

    @Test
    void connectionLostAfterTheWalletAcceptedIsFoundInTheSameRun(@TempDir Path dir) {
        Setup s = setup(dir);
        try (LedgerStore ignored = s.store()) {
            PayoutWallet real = RpcPayoutWallet.bcoin(bcoin.walletRpc());
            AtomicBoolean once = new AtomicBoolean();
            PayoutWallet dropping = new ForwardingWallet(real) {
                @Override
                public String send(String label, SortedMap<String, Long> amounts) {
                    super.send(label, amounts);
                    if (!once.getAndSet(true)) {
                        throw new IllegalStateException("connection reset");
                    }
                    throw new AssertionError("sent twice");
                }
            };
            PayoutRunner.Summary run = runner(s, dropping, new PayoutRunner.Checkpoints() { }).run();
            assertEquals(1, run.sent().size());
            assertPaidOnce(s);
        }
    }

    @Test
    void killedAfterSendBeforeRecording(@TempDir Path dir) {
        Setup s = setup(dir);
        try (LedgerStore ignored = s.store()) {
            PayoutRunner.Checkpoints kill = new PayoutRunner.Checkpoints() {
                @Override
                public void sent(Payout payout, String txid) {
                    throw new Kill("after send, before recording");
                }
            };
            assertThrows(Kill.class, () -> runner(s, RpcPayoutWallet.bcoin(bcoin.walletRpc()), kill).run());
            assertEquals(PayoutState.SENDING, s.store().payouts().unfinished(CHAIN).get(0).state());

            PayoutRunner.Summary rerun = runner(s).run();
            assertEquals(1, rerun.reconciled().size());
            assertEquals(List.of(), rerun.sent());
            assertPaidOnce(s);
        }
    }

    @Test
    void aRefusedSendReturnsTheCredit(@TempDir Path dir) {
        Setup s = setup(dir);
        try (LedgerStore ignored = s.store()) {
            PayoutWallet refusing = new ForwardingWallet(RpcPayoutWallet.bcoin(bcoin.walletRpc())) {
                @Override
                public String send(String label, SortedMap<String, Long> amounts) {
                    // A real refusal by bcoin: an invalid account name.
                    return new RpcPayoutWallet(bcoin.walletRpc(), "no-such-account", 1, Optional.empty(),
                            Duration.ofSeconds(5), 10).send(label, amounts);
                }
            };
            PayoutRunner.Summary run = runner(s, refusing, new PayoutRunner.Checkpoints() { }).run();
            assertEquals(1, run.failed().size());
            assertEquals(new Balance(CHAIN, s.a(), 0, 100_000_000L, 0, 0), s.store().balances().of(CHAIN, s.a()));
            PayoutRunner.Summary rerun = runner(s).run();
            assertEquals(1, rerun.sent().size());
            assertPaidOnce(s);
        }
    }

    /** A wallet that dies around the real send: before it, or after the wallet accepted. */
    static final class KilledWallet extends ForwardingWallet {
        private final boolean afterSend;

        KilledWallet(PayoutWallet real, boolean afterSend) {
            super(real);
            this.afterSend = afterSend;
        }

        @Override
        public String send(String label, SortedMap<String, Long> amounts) {
            if (afterSend) {
                try {
                    super.send(label, amounts);
                } catch (RuntimeException e) {
                    throw new AssertionError("the real wallet did not take the send, so this test cannot kill after it", e);
                }
            }
            throw new Kill(afterSend ? "after the wallet accepted the send" : "before the wallet call");
        }
    }

    /** Passes every call to the real wallet. */
    static class ForwardingWallet implements PayoutWallet {
        private final PayoutWallet real;

        ForwardingWallet(PayoutWallet real) {
            this.real = real;
        }

        @Override
        public String send(String label, SortedMap<String, Long> amounts) {
            return real.send(label, amounts);
        }

        @Override
        public List<WalletTx> sends(Instant since) {
            return real.sends(since);
        }

        @Override
        public Optional<WalletTx> transaction(String txid) {
            return real.transaction(txid);
        }
    }
}
