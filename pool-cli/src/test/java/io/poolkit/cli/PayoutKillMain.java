package io.poolkit.cli;

import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.ledger.Payout;
import io.poolkit.core.payout.PayoutRunner;
import io.poolkit.core.payout.PayoutWallet;
import io.poolkit.core.payout.WalletTx;
import io.poolkit.stratum.pool.PoolConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Test code run in a child JVM by {@link PayoutProcessKillTest}: the payout of {@code poolkit payout}
 * (the config's ledger, wallet, planner and send grace; the ledger holds confirmed credits only, so
 * there are no blocks to credit or settle) with an observer that ends the process with
 * {@code Runtime.halt} at one named step: no finally block, no shutdown hook, no ledger close runs,
 * as when the process is killed.
 *
 * <p>Usage: {@code PayoutKillMain POOL.YML STEP} with STEP one of {@code planned} (the payout is
 * planned and committed), {@code sending} (marked sending, before the wallet call), {@code accepted}
 * (the wallet accepted the sendmany, before its answer reached the runner) and {@code sent} (the
 * runner has the txid, before recording it). Exit status {@value #HALTED} means it died at the step;
 * anything else means it did not get there.
 */
public final class PayoutKillMain {

    /** The exit status of a process that died at its step. */
    static final int HALTED = 77;

    private PayoutKillMain() {
    }

    /**
     * Runs the payout and dies at the step.
     *
     * @param args the config file and the step
     */
    public static void main(String[] args) {
        PoolConfig c = PoolConfig.load(Path.of(args[0]));
        String step = args[1];
        PayoutWallet real = PayoutCommand.wallet(c);
        PayoutWallet wallet = !step.equals("accepted") ? real : new PayoutWallet() {
            @Override
            public String send(String label, SortedMap<String, Long> amounts) {
                real.send(label, amounts);
                die("accepted");
                throw new AssertionError("unreachable");
            }

            @Override
            public List<WalletTx> sends(Instant since) {
                return real.sends(since);
            }

            @Override
            public Optional<WalletTx> transaction(String txid) {
                return real.transaction(txid);
            }
        };
        PayoutRunner.Checkpoints observer = new PayoutRunner.Checkpoints() {
            @Override
            public void planned(Payout payout) {
                dieAt("planned", step);
            }

            @Override
            public void sending(Payout payout) {
                dieAt("sending", step);
            }

            @Override
            public void sent(Payout payout, String txid) {
                dieAt("sent", step);
            }
        };
        LedgerStore store = LedgerStore.open(c.ledgerConfig());
        new PayoutRunner(store, wallet, c.planner(), c.chain(), Clock.systemUTC(),
                Duration.ofSeconds(c.payout.sendGraceSeconds), observer).run();
        // Reaching here means the step never came: the parent sees exit status 0, not HALTED.
        store.close();
        System.out.println("finished without reaching step " + step);
    }

    private static void dieAt(String here, String step) {
        if (here.equals(step)) {
            die(here);
        }
    }

    private static void die(String here) {
        System.out.println("dying at " + here);
        System.out.flush();
        Runtime.getRuntime().halt(HALTED);
    }
}
