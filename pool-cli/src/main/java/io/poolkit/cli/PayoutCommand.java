package io.poolkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.ledger.CreditBatch;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.ledger.Payout;
import io.poolkit.core.ledger.PayoutOutput;
import io.poolkit.core.ledger.PayoutPlan;
import io.poolkit.core.payout.BlockCrediter;
import io.poolkit.core.payout.BlockMaturity;
import io.poolkit.core.payout.PayoutHaltedException;
import io.poolkit.core.payout.PayoutRunner;
import io.poolkit.core.payout.PpsCrediter;
import io.poolkit.core.payout.RpcPayoutWallet;
import io.poolkit.core.rpc.JsonRpcClient;
import io.poolkit.stratum.pool.PoolConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code poolkit payout}: one payout run, for cron. */
@Command(name = "payout",
        mixinStandardHelpOptions = true,
        header = "One payout run, fit for cron: credit, confirm mature blocks, pay with sendmany.",
        description = {"One payout run, fit for cron: reconcile unfinished payouts with the wallet, credit new blocks",
            "(payout.scheme PROP, PPLNS or SOLO; with PPS, every unpaid share accepted up to payout.ppsLagSeconds ago, each",
            "worth payout.ppsBlockReward x share difficulty / network difficulty less the fee, while the block",
            "rewards stay with the pool), confirm mature blocks and orphan blocks off the main chain (payout.maturity), then pay",
            "every confirmed balance of at least payout.minimum with sendmany, payout.batchSize outputs per transaction.",
            "If a payout's fate cannot be told from the wallet, nothing is sent and the command exits 1 saying which.",
            "--dry-run reads the node and the ledger, prints what would happen, and changes nothing."},
        footer = {"", "Example:",
            "  poolkit payout --config pool.yml --dry-run",
            "  block 101 3f1c... : confirm (100 confirmations)",
            "  would pay run-1767225600000-1: 2 outputs, 4950000000 base units",
            "", "  poolkit payout --config pool.yml",
            "  credited 1 block; confirmed 1, orphaned 0, pending 0",
            "  sent run-1767225600000-1 as 9b0f...: 2 outputs, 4950000000 base units",
            "", "Exit status: 0 done, 1 stopped (the message says what to check), 2 bad config."})
final class PayoutCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The pool config (pool.yml) with its payout section.")
    Path config;

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print one JSON object instead of sentences.")
    boolean json;

    @Override
    public Integer call() {
        try {
            return payout();
        } catch (PayoutHaltedException e) {
            // The runner stopped because a payout's fate is unknown: nothing was sent; the operator checks it.
            spec.commandLine().getErr().println("poolkit payout: stopped: " + e.getMessage());
            return 1;
        }
    }

    private int payout() {
        PoolConfig c = PoolConfig.load(config);
        String chain = c.chain();
        PrintWriter out = spec.commandLine().getOut();
        JsonRpcClient node = JsonRpcClient.create(PoolConfig.endpoint(c.primaryNode()));
        RpcPayoutWallet wallet = wallet(c);
        boolean pps = c.isPps();
        Clock clock = Clock.systemUTC();
        Function<LedgerStore, List<CreditBatch>> credit = crediting(c, clock);
        BlockMaturity maturity = new BlockMaturity(node, c.payout.maturity);
        ObjectNode o = Json.object();
        o.put("chain", chain);
        o.put("dryRun", dryRun);
        o.put("scheme", pps ? "PPS" : c.payout.scheme.strip().toUpperCase(java.util.Locale.ROOT));
        try (LedgerStore store = LedgerStore.open(c.ledgerConfig())) {
            PayoutRunner runner = new PayoutRunner(store, wallet, c.planner(), chain, clock,
                    Duration.ofSeconds(c.payout.sendGraceSeconds), new PayoutRunner.Checkpoints() { });
            if (dryRun) {
                ArrayNode blocks = o.putArray("blocks");
                for (BlockMaturity.Assessment a : maturity.assess(store.blocks(), chain)) {
                    blocks.addObject().put("height", a.block().found().height()).put("hash", a.block().found().hash())
                            .put("confirmations", a.confirmations()).put("verdict", a.verdict().name().toLowerCase());
                    if (!json) {
                        out.printf("block %d %s: %s (%d confirmations)%n", a.block().found().height(),
                                a.block().found().hash(), a.verdict().name().toLowerCase(), a.confirmations());
                    }
                }
                int uncredited = pps ? 0 : store.blocks().uncredited(chain).size();
                o.put("uncredited", uncredited);
                ArrayNode plans = o.putArray("plans");
                List<PayoutPlan> preview = runner.preview();
                for (PayoutPlan p : preview) {
                    plans.add(plan(p.label(), "", p.outputs()));
                    if (!json) {
                        out.printf("would pay %s: %d outputs, %d base units%n", p.label(), p.outputs().size(), p.total());
                    }
                }
                o.put("unfinished", store.payouts().unfinished(chain).size());
                if (json) {
                    out.println(Json.line(o));
                } else {
                    out.printf("%d uncredited blocks; %d unfinished payouts to reconcile first; payable balances as of"
                            + " now (blocks confirmed in a real run add to them)%n", uncredited,
                            store.payouts().unfinished(chain).size());
                }
                return 0;
            }
            // Reconcile first: nothing else happens while a payout's fate is unknown.
            List<Payout> reconciledFirst = new java.util.ArrayList<>();
            runner.reconcile(reconciledFirst, new java.util.ArrayList<>());
            List<CreditBatch> credited = credit.apply(store);
            BlockMaturity.Result settled = maturity.settle(store.blocks(), chain);
            PayoutRunner.Summary summary = runner.run();
            o.put("credited", credited.size());
            o.put("confirmed", settled.confirmed().size());
            o.put("orphaned", settled.orphaned().size());
            o.put("pending", settled.stillPending().size());
            ArrayNode sent = o.putArray("sent");
            summary.sent().forEach(p -> sent.add(plan(p.label(), p.txid().orElse(""), p.outputs())));
            ArrayNode failed = o.putArray("failed");
            summary.failed().forEach(p -> failed.add(plan(p.label(), p.note(), p.outputs())));
            o.put("reconciled", reconciledFirst.size() + summary.reconciled().size());
            if (json) {
                out.println(Json.line(o));
            } else {
                out.printf("credited %d %s%s; confirmed %d, orphaned %d, pending %d%n", credited.size(),
                        pps ? "PPS period" : "block", credited.size() == 1 ? "" : "s", settled.confirmed().size(),
                        settled.orphaned().size(), settled.stillPending().size());
                for (Payout p : reconciledFirst) {
                    out.printf("reconciled %s: %s%n", p.label(), p.state().name().toLowerCase());
                }
                for (Payout p : summary.sent()) {
                    out.printf("sent %s as %s: %d outputs, %d base units%n", p.label(), p.txid().orElse("?"),
                            p.outputs().size(), p.total());
                }
                for (Payout p : summary.failed()) {
                    out.printf("failed %s (amounts returned to the balances): %s%n", p.label(), p.note());
                }
                if (summary.sent().isEmpty() && summary.failed().isEmpty()) {
                    out.println("nothing to pay");
                }
            }
            return summary.failed().isEmpty() ? 0 : 1;
        }
    }

    /**
     * How a run credits the ledger: PPS credits every unpaid share accepted up to ppsLag ago (the pool
     * keeps the block rewards); the other schemes credit each new block. Built (and so checked) before
     * anything runs, so a bad scheme section changes nothing.
     */
    private static Function<LedgerStore, List<CreditBatch>> crediting(PoolConfig c, Clock clock) {
        String chain = c.chain();
        if (c.isPps()) {
            PpsCrediter pps = c.ppsCrediter();
            Duration lag = c.ppsLag();
            return store -> pps.creditUntil(store, chain, clock.instant().minus(lag));
        }
        BlockCrediter blocks = c.crediter();
        return store -> blocks.creditAll(store, chain);
    }

    /** The pool wallet of the payout section: its RPC endpoint, account and passphrase. */
    static RpcPayoutWallet wallet(PoolConfig c) {
        return new RpcPayoutWallet(JsonRpcClient.create(c.walletEndpoint()), c.payout.walletAccount, 1,
                c.walletPassphrase(), Duration.ofSeconds(c.payout.unlockSeconds), 100_000);
    }

    private static ObjectNode plan(String label, String txid, List<PayoutOutput> outputs) {
        ObjectNode p = Json.object();
        p.put("label", label);
        p.put("txid", txid);
        ArrayNode a = p.putArray("outputs");
        for (PayoutOutput out : outputs) {
            a.addObject().put("address", out.address()).put("amount", out.amount()).put("fee", out.fee())
                    .put("net", out.net());
        }
        return p;
    }
}
