package io.poolkit.core.payout;

import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.ledger.Payout;
import io.poolkit.core.ledger.PayoutOutput;
import io.poolkit.core.ledger.PayoutPlan;
import io.poolkit.core.ledger.PayoutState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays the ledger's payable balances through a wallet, at most once, surviving a crash at any step.
 *
 * <p>The protocol, per transaction: (1) the payout is {@linkplain io.poolkit.core.ledger.PayoutRepository#plan
 * planned} in the ledger, which moves the amounts from the balances to in flight; (2) it is marked
 * sending, committed, and only then (3) the wallet is asked to {@code sendmany} with the payout's label
 * as comment; (4) the txid is recorded ({@code sent}). A payout still planned was therefore never
 * sent. A payout still sending may or may not have been: before anything else, {@link #reconcile}
 * looks for it in the wallet, by its label where the wallet keeps comments, else by its exact outputs
 * (addresses and amounts) among sends not yet claimed by another payout and made after it was planned.
 * Found: it is recorded as sent. Not found and older than the send grace (longer than any wallet call
 * can take): it was never made, so it is failed and its amounts return to the balances, to be planned
 * again. Not found within the grace, found twice, or the wallet cannot be read: the runner stops with
 * a {@link PayoutHaltedException} that says which payout to check, and sends nothing.
 */
public final class PayoutRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PayoutRunner.class);
    /** How far before a payout was planned a wallet transaction may be dated and still match it (clock skew). */
    private static final Duration SKEW = Duration.ofMinutes(10);

    /**
     * An observer of a payout's progress, called on the runner's thread between the steps of each
     * payout, after the ledger has committed the step before (for progress output; a crash test kills
     * the process in one). Every method does nothing by default.
     */
    public interface Checkpoints {
        /** After the payout is planned and committed, before it is marked sending. */
        default void planned(Payout payout) {
        }

        /** After the payout is marked sending and committed, just before the wallet is asked to send it. */
        default void sending(Payout payout) {
        }

        /** After the wallet returned the txid, before it is recorded. */
        default void sent(Payout payout, String txid) {
        }

        /** After the txid is recorded: the payout is done. */
        default void recorded(Payout payout) {
        }
    }

    /**
     * What a run did.
     *
     * @param reconciled payouts found in the wallet and recorded as sent, or failed, at the start
     * @param sent payouts sent in this run
     * @param failed payouts the wallet refused in this run (their amounts are back in the balances)
     * @param confirmed sent payouts now seen in a block
     */
    public record Summary(List<Payout> reconciled, List<Payout> sent, List<Payout> failed, List<Payout> confirmed) {
        public Summary {
            reconciled = List.copyOf(reconciled);
            sent = List.copyOf(sent);
            failed = List.copyOf(failed);
            confirmed = List.copyOf(confirmed);
        }

        /** What the outputs sent in this run carried to the addresses, base units. */
        public long paidNet() {
            return sent.stream().flatMap(p -> p.outputs().stream()).mapToLong(PayoutOutput::net).sum();
        }
    }

    private final LedgerStore store;
    private final PayoutWallet wallet;
    private final PayoutPlanner planner;
    private final String chain;
    private final Clock clock;
    private final Duration sendGrace;
    private final Checkpoints checkpoints;

    /**
     * @param sendGrace how long after a payout was marked sending its absence from the wallet proves it
     *     was never made; longer than the wallet call's timeout
     */
    public PayoutRunner(LedgerStore store, PayoutWallet wallet, PayoutPlanner planner, String chain, Clock clock,
            Duration sendGrace, Checkpoints checkpoints) {
        this.store = Objects.requireNonNull(store, "store");
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sendGrace = Objects.requireNonNull(sendGrace, "sendGrace");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    }

    /** A runner without checkpoints and a send grace of ten minutes. */
    public PayoutRunner(LedgerStore store, PayoutWallet wallet, PayoutPlanner planner, String chain, Clock clock) {
        this(store, wallet, planner, chain, clock, Duration.ofMinutes(10), new Checkpoints() { });
    }

    /** The payouts a run would plan now, without reconciling, writing or sending anything. */
    public List<PayoutPlan> preview() {
        return planner.plan(chain, runKey(), store.balances().all(chain));
    }

    /**
     * One run: reconcile, then plan and send.
     *
     * @throws PayoutHaltedException if a payout's fate cannot be told; nothing new was sent
     */
    public Summary run() {
        List<Payout> reconciled = new ArrayList<>();
        List<Payout> confirmed = new ArrayList<>();
        List<Payout> planned = reconcile(reconciled, confirmed);
        List<Payout> sent = new ArrayList<>();
        List<Payout> failed = new ArrayList<>();
        for (Payout p : planned) {
            send(p, sent, failed);
        }
        for (PayoutPlan plan : planner.plan(chain, runKey(), store.balances().all(chain))) {
            Payout p = store.payouts().plan(plan);
            LOG.info("planned payout {}: {} outputs, {} base units", p.label(), p.outputs().size(), p.total());
            checkpoints.planned(p);
            send(p, sent, failed);
        }
        return new Summary(reconciled, sent, failed, confirmed);
    }

    /**
     * Settles every unfinished payout with the wallet: sending ones found there are recorded sent, ones
     * proven never made are failed; sent ones in a block are confirmed.
     *
     * @return the payouts still planned (never sent), oldest first, for the caller to send
     * @throws PayoutHaltedException if a sending payout's fate cannot be told
     */
    public List<Payout> reconcile(List<Payout> reconciled, List<Payout> confirmed) {
        List<Payout> planned = new ArrayList<>();
        Optional<List<WalletTx>> sends = Optional.empty();
        for (Payout p : store.payouts().unfinished(chain)) {
            if (p.state() == PayoutState.PLANNED) {
                planned.add(p);
            } else if (p.state() == PayoutState.SENDING) {
                if (sends.isEmpty()) {
                    sends = Optional.of(readSends(p, earliest(store.payouts().unfinished(chain))));
                }
                Optional<WalletTx> tx = match(p, sends.get());
                if (tx.isPresent()) {
                    LOG.warn("payout {} was sent before a restart as {}; recording it", p.label(), tx.get().txid());
                    reconciled.add(store.payouts().markSent(p.id(), tx.get().txid(), tx.get().fee()));
                } else if (!clock.instant().isBefore(p.updatedAt().plus(sendGrace))) {
                    LOG.warn("payout {} is not in the wallet {} after sending started: it was never made; its amounts"
                            + " return to the balances", p.label(), sendGrace);
                    reconciled.add(store.payouts().markFailed(p.id(), "not in the wallet " + sendGrace
                            + " after sending started"));
                } else {
                    throw new PayoutHaltedException("payout " + p.label() + " started sending at " + p.updatedAt()
                            + " and is not in the wallet yet; cannot tell whether it was sent. Nothing was sent. Run"
                            + " again after " + p.updatedAt().plus(sendGrace) + ", or check the wallet for it first");
                }
            } else if (p.state() == PayoutState.SENT) {
                Optional<WalletTx> tx = p.txid().flatMap(wallet::transaction);
                if (tx.isPresent() && tx.get().confirmations() > 0) {
                    confirmed.add(store.payouts().markConfirmed(p.id()));
                }
            }
        }
        return planned;
    }

    private void send(Payout planned, List<Payout> sent, List<Payout> failed) {
        Payout p = store.payouts().markSending(planned.id());
        SortedMap<String, Long> amounts = new TreeMap<>();
        for (PayoutOutput o : p.outputs()) {
            amounts.put(o.address(), o.net());
        }
        checkpoints.sending(p);
        String txid;
        try {
            txid = wallet.send(p.label(), amounts);
        } catch (WalletRefusedException e) {
            Optional<WalletTx> tx = match(p, readSends(p, p.createdAt().minus(SKEW)));
            if (tx.isPresent()) {
                sent.add(store.payouts().markSent(p.id(), tx.get().txid(), tx.get().fee()));
                return;
            }
            LOG.warn("payout {} refused by the wallet: {}", p.label(), e.getMessage());
            failed.add(store.payouts().markFailed(p.id(), e.getMessage()));
            return;
        } catch (RuntimeException e) {
            Optional<WalletTx> tx;
            try {
                tx = match(p, wallet.sends(p.createdAt().minus(SKEW)));
            } catch (RuntimeException again) {
                tx = Optional.empty();
            }
            if (tx.isPresent()) {
                sent.add(store.payouts().markSent(p.id(), tx.get().txid(), tx.get().fee()));
                return;
            }
            throw new PayoutHaltedException("sending payout " + p.label() + " failed (" + e.getMessage() + ") and it is"
                    + " not in the wallet; cannot tell whether it was sent. It stays 'sending'; the next run looks for"
                    + " it again and gives it up only " + sendGrace + " after sending started", e);
        }
        checkpoints.sent(p, txid);
        long fee = wallet.transaction(txid).map(WalletTx::fee).orElse(0L);
        Payout done = store.payouts().markSent(p.id(), txid, fee);
        LOG.info("sent payout {} as {}", p.label(), txid);
        checkpoints.recorded(done);
        sent.add(done);
    }

    private static Instant earliest(List<Payout> payouts) {
        return payouts.stream().map(Payout::createdAt).min(Instant::compareTo).orElse(Instant.EPOCH).minus(SKEW);
    }

    private List<WalletTx> readSends(Payout p, Instant since) {
        try {
            return wallet.sends(since);
        } catch (RuntimeException e) {
            throw new PayoutHaltedException("cannot read the wallet's transactions to reconcile payout " + p.label()
                    + " (" + e.getMessage() + "); nothing was sent", e);
        }
    }

    /** The wallet transaction of a payout: by label, else by exact outputs among unclaimed sends made after it was planned. */
    private Optional<WalletTx> match(Payout p, List<WalletTx> sends) {
        Set<String> claimed = new HashSet<>();
        for (Payout other : store.payouts().recent(chain, Integer.MAX_VALUE - 1)) {
            if (other.id() != p.id()) {
                other.txid().ifPresent(claimed::add);
            }
        }
        SortedMap<String, Long> expected = new TreeMap<>();
        p.outputs().forEach(o -> expected.put(o.address(), o.net()));
        Instant earliest = p.createdAt().minus(SKEW);
        List<WalletTx> byLabel = sends.stream().filter(t -> t.comment().equals(Optional.of(p.label()))).toList();
        if (byLabel.size() == 1) {
            return Optional.of(byLabel.get(0));
        }
        List<WalletTx> byOutputs = sends.stream()
                .filter(t -> t.comment().isEmpty() || t.comment().get().isEmpty())
                .filter(t -> !claimed.contains(t.txid()))
                .filter(t -> !t.time().isBefore(earliest))
                .filter(t -> t.outputs().equals(expected))
                .toList();
        if (byLabel.size() > 1 || byOutputs.size() > 1) {
            throw new PayoutHaltedException("payout " + p.label() + " matches several wallet transactions ("
                    + (byLabel.size() > 1 ? byLabel : byOutputs).stream().map(WalletTx::txid).toList()
                    + "); it may have been paid more than once. Nothing was sent; check the wallet");
        }
        return byOutputs.stream().findFirst();
    }

    /** {@code run-MILLIS}, with a suffix if a run of the same millisecond already used it. */
    private String runKey() {
        String base = "run-" + clock.millis();
        String key = base;
        for (int n = 2; store.payouts().findByLabel(key + "-1").isPresent(); n++) {
            key = base + "." + n;
        }
        return key;
    }
}
