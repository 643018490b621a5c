package io.poolkit.qtum.payout;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.ledger.Balance;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.ledger.Payout;
import io.poolkit.core.ledger.PayoutOutput;
import io.poolkit.core.ledger.PayoutState;
import io.poolkit.core.rpc.JsonRpc;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays the delegates' confirmed ledger balances with {@code sendmany}, through pool-core's crash-safe
 * payout records: each batch (at most 500 outputs) is recorded (balances debited to in flight), marked
 * sending, sent with its label as the sendmany comment, and marked sent with the txid. The wallet is
 * unlocked for 20 s before each send and re-locked for staking only after the run, also when a send
 * fails. A run key (e.g. the UTC date) makes a run happen once: a second run with the same key pays
 * nothing. The pool fee is withheld from each output (recorded as the output's fee); revenue is
 * counted once per run, not per batch.
 */
public final class QtumPayoutRunner {

    private static final Logger LOG = LoggerFactory.getLogger(QtumPayoutRunner.class);
    /** The ledger's chain name for Qtum. */
    public static final String CHAIN = "qtum";

    private final JsonRpc wallet;
    private final LedgerStore ledger;
    private final PayoutPlanner planner;
    private final char[] passphrase;

    /**
     * @param wallet qtumd's wallet RPC
     * @param ledger the ledger with the delegates' balances
     * @param planner threshold, pool fee and batch size; a negative pool fee (bonus) is not supported here
     * @param passphrase the wallet passphrase (never logged)
     */
    public QtumPayoutRunner(JsonRpc wallet, LedgerStore ledger, PayoutPlanner planner, char[] passphrase) {
        if (planner.poolFeePercent() < 0) {
            throw new IllegalArgumentException("a negative pool fee (a bonus) cannot be paid from delegates' balances;"
                    + " use a fee of 0..100");
        }
        this.wallet = wallet;
        this.ledger = ledger;
        this.planner = planner;
        this.passphrase = passphrase.clone();
    }

    /** What a run did. */
    public record RunResult(PayoutPlan plan, List<Payout> payouts) {
    }

    /** Pays every confirmed balance at or above the threshold, once per {@code runKey}. */
    public RunResult run(String runKey) {
        Map<String, Long> shares = new LinkedHashMap<>();
        for (Balance b : ledger.balances().all(CHAIN)) {
            shares.put(b.address(), b.confirmed());
        }
        long pool = shares.values().stream().mapToLong(Long::longValue).sum();
        PayoutPlan plan = planner.plan(shares, pool);
        List<Payout> done = new ArrayList<>();
        if (plan.batches().isEmpty()) {
            return new RunResult(plan, done);
        }
        try {
            int i = 0;
            for (Map<String, Long> batch : plan.batches()) {
                String label = "qtum-payout:" + runKey + ":" + (++i);
                if (ledger.payouts().findByLabel(label).isPresent()) {
                    LOG.info("payout {} already recorded; not paying it again", label);
                    continue;
                }
                List<PayoutOutput> outputs = new ArrayList<>();
                batch.forEach((address, net) -> outputs.add(new PayoutOutput(address, shares.get(address),
                        shares.get(address) - net)));
                Payout p = ledger.payouts().plan(new io.poolkit.core.ledger.PayoutPlan(CHAIN, runKey, label, outputs));
                p = ledger.payouts().markSending(p.id());
                wallet.call("walletpassphrase", List.of(new String(passphrase), 20));
                Map<String, String> amounts = new LinkedHashMap<>();
                batch.forEach((address, net) -> amounts.put(address, BigDecimal.valueOf(net, 8).toPlainString()));
                JsonNode txid = wallet.call("sendmany", List.of("", amounts, 1, label));
                done.add(ledger.payouts().markSent(p.id(), txid.asText(), 0));
                LOG.info("payout {}: {} outputs, {} sats, txid {}", label, batch.size(),
                        batch.values().stream().mapToLong(Long::longValue).sum(), txid.asText());
            }
        } finally {
            wallet.call("walletpassphrase", List.of(new String(passphrase), 99_999_999, true));
        }
        return new RunResult(plan, done);
    }

    /** Payouts left {@code PLANNED} or {@code SENDING} by a crash, to reconcile with the wallet by label. */
    public List<Payout> unfinished() {
        return ledger.payouts().unfinished(CHAIN).stream()
                .filter(p -> p.state() == PayoutState.PLANNED || p.state() == PayoutState.SENDING).toList();
    }
}
