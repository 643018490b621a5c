package io.poolkit.qtum.payout;

import io.poolkit.core.ledger.Balance;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.ledger.Payout;
import io.poolkit.core.ledger.PayoutOutput;
import io.poolkit.core.ledger.PayoutState;
import io.poolkit.core.payout.FeePolicy;
import io.poolkit.core.payout.PayoutRunner;
import io.poolkit.core.rpc.JsonRpc;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays the delegates' confirmed ledger balances with {@code sendmany}, through pool-core's crash-safe
 * payout records: each batch (at most 500 outputs) is recorded (balances debited to in flight), marked
 * sending, sent with its label as the sendmany comment, and marked sent with the txid. The wallet is
 * unlocked for 20 s before each send and re-locked for staking only after the run, also when a send
 * fails. A run first settles what an interrupted run left (see {@link #run}). A run key (e.g. the UTC date) makes a run happen once: a second run with the same key pays
 * nothing. The pool fee is withheld from each output (recorded as the output's fee); revenue is
 * counted once per run, not per batch.
 */
public final class QtumPayoutRunner {

    private static final Logger LOG = LoggerFactory.getLogger(QtumPayoutRunner.class);
    /** The ledger's chain name for Qtum. */
    public static final String CHAIN = "qtum";
    /** The most outputs in one sendmany (PPM's limit). */
    private static final int MAX_OUTPUTS = 500;

    private final QtumWallet wallet;
    private final LedgerStore ledger;
    private final PayoutPlanner planner;
    private final Clock clock;
    private final Duration sendGrace;
    private final PayoutRunner.Checkpoints checkpoints;

    /**
     * A runner with the system clock and a send grace of ten minutes.
     *
     * @param wallet qtumd's wallet RPC
     * @param ledger the ledger with the delegates' balances
     * @param planner threshold, pool fee and batch size; a negative pool fee (bonus) is not supported here
     * @param passphrase the wallet passphrase (never logged)
     */
    public QtumPayoutRunner(JsonRpc wallet, LedgerStore ledger, PayoutPlanner planner, char[] passphrase) {
        this(wallet, ledger, planner, passphrase, Clock.systemUTC(), Duration.ofMinutes(10),
                new PayoutRunner.Checkpoints() { });
    }

    /**
     * @param wallet qtumd's wallet RPC
     * @param ledger the ledger with the delegates' balances
     * @param planner threshold, pool fee and batch size; a negative pool fee (bonus) is not supported here
     * @param passphrase the wallet passphrase (never logged)
     * @param clock the time reconciliation judges the send grace by
     * @param sendGrace how long after sending started a payout missing from the wallet counts as never made
     * @param checkpoints points between the steps of a payout (tests crash there)
     */
    public QtumPayoutRunner(JsonRpc wallet, LedgerStore ledger, PayoutPlanner planner, char[] passphrase, Clock clock,
            Duration sendGrace, PayoutRunner.Checkpoints checkpoints) {
        if (planner.poolFeePercent() < 0) {
            throw new IllegalArgumentException("a negative pool fee (a bonus) cannot be paid from delegates' balances;"
                    + " use a fee of 0..100");
        }
        this.wallet = new QtumWallet(wallet, passphrase);
        this.ledger = ledger;
        this.planner = planner;
        this.clock = clock;
        this.sendGrace = sendGrace;
        this.checkpoints = checkpoints;
    }

    /**
     * What a run did.
     *
     * @param plan the plan of this run's balances
     * @param payouts payouts sent in this run
     * @param reconciled payouts an earlier, interrupted run left unfinished, now found in the wallet and
     *        recorded as sent, or proven never made and failed (their amounts back in the balances)
     */
    public record RunResult(PayoutPlan plan, List<Payout> payouts, List<Payout> reconciled) {
        public RunResult {
            payouts = List.copyOf(payouts);
            reconciled = List.copyOf(reconciled);
        }
    }

    /**
     * Settles what an interrupted run left, then pays every confirmed balance at or above the
     * threshold, once per {@code runKey}.
     *
     * <p>Settling is pool-core's {@link PayoutRunner#reconcile}: a payout left sending is looked up in
     * the wallet by its label (the sendmany comment); found, it is recorded as sent and never sent
     * again; missing for longer than the send grace, it was never made and its amounts return to the
     * balances (paid by a later run key). A payout left planned was never sent and is sent now.
     *
     * @throws io.poolkit.core.payout.PayoutHaltedException when an unfinished payout's fate cannot be
     *         told yet; nothing was sent
     */
    public RunResult run(String runKey) {
        List<Payout> reconciled = new ArrayList<>();
        List<Payout> done = new ArrayList<>();
        boolean unlocked = false;
        try {
            PayoutRunner settler = new PayoutRunner(ledger, wallet,
                    new io.poolkit.core.payout.PayoutPlanner(planner.minimumSats(), FeePolicy.poolPays(), MAX_OUTPUTS),
                    CHAIN, clock, sendGrace, checkpoints);
            List<Payout> neverSent = settler.reconcile(reconciled, new ArrayList<>());
            for (Payout p : neverSent) {
                unlocked = true;
                done.add(send(p));
            }
            Map<String, Long> shares = new LinkedHashMap<>();
            for (Balance b : ledger.balances().all(CHAIN)) {
                shares.put(b.address(), b.confirmed());
            }
            long pool = shares.values().stream().mapToLong(Long::longValue).sum();
            PayoutPlan plan = planner.plan(shares, pool);
            int i = 0;
            for (Map<String, Long> batch : plan.batches()) {
                Optional<String> free = freeLabel("qtum-payout:" + runKey + ":" + (++i));
                if (free.isEmpty()) {
                    continue;
                }
                String label = free.get();
                List<PayoutOutput> outputs = new ArrayList<>();
                batch.forEach((address, net) -> outputs.add(new PayoutOutput(address, shares.get(address),
                        shares.get(address) - net)));
                Payout p = ledger.payouts().plan(new io.poolkit.core.ledger.PayoutPlan(CHAIN, runKey, label, outputs));
                checkpoints.planned(p);
                unlocked = true;
                done.add(send(p));
            }
            return new RunResult(plan, done, reconciled);
        } finally {
            if (unlocked) {
                try {
                    wallet.unlockForStakingOnly();
                } catch (RuntimeException e) {
                    LOG.error("could not unlock the wallet for staking again ({}): the super staker may not be staking",
                            e.getMessage());
                }
            }
        }
    }

    /**
     * The label for batch {@code base} of this run: {@code base} itself, or {@code base/2}, {@code base/3}...
     * after refused (failed) tries; empty when a try was sent or may have been (never pay a batch twice).
     */
    private Optional<String> freeLabel(String base) {
        for (int n = 1; ; n++) {
            String label = n == 1 ? base : base + "/" + n;
            Optional<Payout> p = ledger.payouts().findByLabel(label);
            if (p.isEmpty()) {
                return Optional.of(label);
            }
            if (p.get().state() != PayoutState.FAILED) {
                LOG.info("payout {} already recorded ({}); not paying it again", label, p.get().state());
                return Optional.empty();
            }
        }
    }

    /** Marks {@code planned} sending, sends it with its label as the comment and records the txid. */
    private Payout send(Payout planned) {
        Payout p = ledger.payouts().markSending(planned.id());
        SortedMap<String, Long> amounts = new TreeMap<>();
        p.outputs().forEach(o -> amounts.put(o.address(), o.net()));
        String txid;
        try {
            txid = wallet.send(p.label(), amounts);
        } catch (io.poolkit.core.payout.WalletRefusedException e) {
            // qtumd answered with an error (wrong passphrase, funds, fee): nothing was sent, the amounts go back
            ledger.payouts().markFailed(p.id(), e.getMessage());
            LOG.warn("payout {} refused by qtumd: {}; its amounts are back in the balances", p.label(), e.getMessage());
            throw e;
        }
        checkpoints.sent(p, txid);
        Payout sent = ledger.payouts().markSent(p.id(), txid, 0);
        LOG.info("payout {}: {} outputs, {} sats, txid {}", p.label(), amounts.size(),
                amounts.values().stream().mapToLong(Long::longValue).sum(), txid);
        return sent;
    }

    /** Payouts left {@code PLANNED} or {@code SENDING} by a crash, to reconcile with the wallet by label. */
    public List<Payout> unfinished() {
        return ledger.payouts().unfinished(CHAIN).stream()
                .filter(p -> p.state() == PayoutState.PLANNED || p.state() == PayoutState.SENDING).toList();
    }
}
