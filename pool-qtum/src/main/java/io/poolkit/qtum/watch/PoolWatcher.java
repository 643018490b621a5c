package io.poolkit.qtum.watch;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.address.Network;
import io.poolkit.core.ledger.CreditKind;
import io.poolkit.core.ledger.CreditLine;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.rpc.JsonRpc;
import io.poolkit.qtum.chain.CoinstakeRewards;
import io.poolkit.qtum.chain.RawTransaction;
import io.poolkit.qtum.chain.TxIn;
import io.poolkit.qtum.chain.TxOut;
import io.poolkit.qtum.ppm.PoolShareFile;
import io.poolkit.qtum.ppmu.Delegation;
import io.poolkit.qtum.ppmu.MatureWeight;
import io.poolkit.qtum.ppmu.Utxo;
import io.poolkit.qtum.ppmu.WeightSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows qtumd {@code orphanDelay} blocks behind the tip and processes each block exactly once.
 *
 * <p>State is PPM's own {@code currentpoolshare.csv}: its {@code block} field is the last processed
 * height, written atomically after every block together with the shares, so a restart resumes at the
 * next block and never credits a block twice. When a ledger is given, each pool block's credits go to
 * it first under the source {@code qtum:<height>:<hash>} (idempotent), then the file is written: a crash
 * between the two re-processes the block, which the ledger ignores and the file then records.
 *
 * <p>A block is our pool block when getblock shows {@code proofOfDelegation} and the coinstake's
 * staker (vin[0]'s owner) is our staker. Its staker reward is split over the current eligible
 * delegations by mature UTXO weight, with maturity taken at the block's own height, so the result
 * does not depend on how far behind the watcher runs (UTXOs spent since are, as in PPM, gone).
 */
public final class PoolWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(PoolWatcher.class);
    /** The ledger's chain name for Qtum. */
    public static final String LEDGER_CHAIN = "qtum";

    private final JsonRpc rpc;
    private final WatchConfig config;
    private final Optional<LedgerStore> ledger;
    private final Path currentFile;
    private PoolShareFile state;

    /** A watcher over {@code rpc}; loads the state from the data directory (or starts at startHeight). */
    public PoolWatcher(JsonRpc rpc, WatchConfig config, Optional<LedgerStore> ledger) {
        this.rpc = rpc;
        this.config = config;
        this.ledger = ledger;
        this.currentFile = config.dataDir().resolve(PoolShareFile.CURRENT);
        this.state = Files.exists(currentFile) ? PoolShareFile.read(currentFile)
                : new PoolShareFile(config.startHeight(), 0, 0, Map.of());
    }

    /** The current pool state (last processed height, balance, revenue, shares). */
    public PoolShareFile state() {
        return state;
    }

    /**
     * Asks for the tip and processes every block up to {@code tip - orphanDelay} not yet processed.
     *
     * @return what was processed, in height order
     * @throws io.poolkit.core.rpc.RpcCallException when qtumd cannot be reached or answers with an
     *         error; the blocks processed before the failure are kept
     */
    public List<BlockOutcome> pollOnce() {
        int tip = rpc.call("getblockcount", List.of()).asInt();
        int target = tip - config.orphanDelay();
        List<BlockOutcome> done = new ArrayList<>();
        while (state.block() < target) {
            done.add(process(state.block() + 1));
        }
        return done;
    }

    private Network network() {
        return config.chain().network();
    }

    private BlockOutcome process(int height) {
        String hash = rpc.call("getblockhash", List.of(height)).asText();
        JsonNode block = rpc.call("getblock", List.of(hash));
        BlockOutcome outcome = classify(height, hash, block);
        Map<String, Long> shares = new LinkedHashMap<>(state.sharesSats());
        long balance = state.poolBalanceSats();
        long revenue = state.poolRevenueSats();
        switch (outcome.kind()) {
            case POOL_BLOCK -> {
                if (ledger.isPresent() && !outcome.creditsSats().isEmpty()) {
                    List<CreditLine> lines = new ArrayList<>();
                    outcome.creditsSats().forEach((a, s) -> {
                        if (s > 0) {
                            lines.add(new CreditLine(a, CreditKind.WEIGHT, s));
                        }
                    });
                    ledger.get().credits().credit(LEDGER_CHAIN, "qtum:" + height + ":" + hash, "PPMU", lines);
                }
                outcome.creditsSats().forEach((a, s) -> shares.merge(a, s, Math::addExact));
                balance = Math.addExact(balance, outcome.stakerRewardSats());
                LOG.info("pool block {} {}: reward {} sats shared by {} delegates", height, hash,
                        outcome.stakerRewardSats(), outcome.creditsSats().size());
            }
            case SELF_STAKE, POOL_BLOCK_UNSHARED -> {
                revenue = Math.addExact(revenue, outcome.stakerRewardSats());
                balance = Math.addExact(balance, outcome.stakerRewardSats());
            }
            case OTHER -> {
            }
        }
        PoolShareFile next = new PoolShareFile(height, balance, revenue, shares);
        if (outcome.kind() == BlockOutcome.Kind.POOL_BLOCK) {
            next.write(config.dataDir().resolve("poolshare").resolve(PoolShareFile.archiveName(height)), "\n");
        }
        next.write(currentFile, "\n");
        state = next;
        return outcome;
    }

    private BlockOutcome classify(int height, String hash, JsonNode block) {
        JsonNode txs = block.path("tx");
        if (!block.has("prevoutStakeHash") || txs.size() < 2) {
            return new BlockOutcome(height, hash, BlockOutcome.Kind.OTHER, 0, Map.of());
        }
        boolean pod = block.has("proofOfDelegation") && !block.get("proofOfDelegation").asText().isEmpty();
        JsonNode second = txs.get(1);
        String coinstakeId = second.isTextual() ? second.asText() : second.path("txid").asText();
        RawTransaction coinstake = RawTransaction.parse(rpc.call("getrawtransaction", List.of(coinstakeId, true)),
                network());
        TxIn in = coinstake.vin().get(0);
        Optional<Long> inSats = in.prevSats();
        Optional<String> inAddress = in.address();
        if (inSats.isEmpty() || inAddress.isEmpty()) {
            TxOut prev = RawTransaction.parse(rpc.call("getrawtransaction", List.of(in.prevTxid(), true)), network())
                    .vout().get(in.prevVout());
            inSats = Optional.of(prev.sats());
            inAddress = inAddress.or(prev::address);
        }
        CoinstakeRewards rewards = CoinstakeRewards.of(coinstake, inSats, inAddress, Optional.empty(), pod);
        if (!rewards.stakerAddress().equals(config.myStaker())) {
            return new BlockOutcome(height, hash, BlockOutcome.Kind.OTHER, 0, Map.of());
        }
        if (!pod) {
            return new BlockOutcome(height, hash, BlockOutcome.Kind.SELF_STAKE, rewards.stakerRewardSats(), Map.of());
        }
        Map<String, Long> weights = weights(height);
        if (!WeightSplitter.hasWeight(weights)) {
            // nobody to share with (every delegation immature, too small or below the fee): the reward is the pool's
            LOG.warn("pool block {} {}: no eligible delegate weight; the reward of {} sats stays with the pool as revenue",
                    height, hash, rewards.stakerRewardSats());
            return new BlockOutcome(height, hash, BlockOutcome.Kind.POOL_BLOCK_UNSHARED, rewards.stakerRewardSats(),
                    Map.of());
        }
        Map<String, Long> credits = WeightSplitter.split(rewards.stakerRewardSats(), weights, config.rounding());
        return new BlockOutcome(height, hash, BlockOutcome.Kind.POOL_BLOCK, rewards.stakerRewardSats(), credits);
    }

    private Map<String, Long> weights(int height) {
        MatureWeight rule = new MatureWeight(config.chain().coinbaseMaturity(height), config.orphanDelay(),
                config.minUtxoSats(), config.requiredFeePercent());
        List<Delegation> delegations = new ArrayList<>();
        for (JsonNode d : rpc.call("getdelegationsforstaker", List.of(config.myStaker()))) {
            int fee = d.path("fee").asInt();
            String delegate = d.path("delegate").asText();
            if (fee < config.requiredFeePercent()) {
                continue;
            }
            JsonNode result = rpc.call("getaddressutxos",
                    List.of(Map.of("addresses", List.of(delegate), "chainInfo", true)));
            JsonNode list = result.has("utxos") ? result.get("utxos") : result;
            List<Utxo> utxos = new ArrayList<>();
            for (JsonNode u : list) {
                utxos.add(new Utxo(u.path("satoshis").asLong(), u.path("height").asInt()));
            }
            delegations.add(new Delegation(delegate, fee, utxos));
        }
        // tip = height + orphanDelay puts the limit at height - maturity: the consensus rule for this block.
        return rule.eligible(delegations, height + config.orphanDelay());
    }
}
