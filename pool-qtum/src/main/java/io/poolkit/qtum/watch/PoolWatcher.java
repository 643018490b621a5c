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
import io.poolkit.qtum.ppm.BlockRow;
import io.poolkit.qtum.ppm.DailyLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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

    /** The file in the data directory with the height and hash of the last processed block. */
    public static final String LAST_BLOCK_FILE = "lastblock.txt";

    private final JsonRpc rpc;
    private final WatchConfig config;
    private final Optional<LedgerStore> ledger;
    private final Optional<DailyLog> log;
    private final Clock clock;
    private final CatchUpProgress progress;
    private final Path currentFile;
    private final Path lastBlockFile;
    private PoolShareFile state;
    private Optional<String> lastHash;
    private LocalDate logDay;
    private int blocksToday;

    /** A watcher over {@code rpc} without a daily log; loads the state from the data directory (or starts at startHeight). */
    public PoolWatcher(JsonRpc rpc, WatchConfig config, Optional<LedgerStore> ledger) {
        this(rpc, config, ledger, Optional.empty(), Clock.systemUTC(), CatchUpProgress.none());
    }

    /**
     * A watcher over {@code rpc}; loads the state from the data directory (or starts at startHeight).
     *
     * @param rpc qtumd
     * @param config what to watch
     * @param ledger where credits go, if anywhere
     * @param log PPM's daily CSV log, if kept: a 100 row per processed block, the 200 row at the end of
     *        each UTC day, 900 rows for node errors; its start rows are written now
     * @param clock picks the log's day
     * @param progress told about each poll's catch-up
     */
    public PoolWatcher(JsonRpc rpc, WatchConfig config, Optional<LedgerStore> ledger, Optional<DailyLog> log,
            Clock clock, CatchUpProgress progress) {
        this.rpc = rpc;
        this.config = config;
        this.ledger = ledger;
        this.log = log;
        this.clock = clock;
        this.progress = progress;
        this.currentFile = config.dataDir().resolve(PoolShareFile.CURRENT);
        this.lastBlockFile = config.dataDir().resolve(LAST_BLOCK_FILE);
        this.state = Files.exists(currentFile) ? PoolShareFile.read(currentFile)
                : new PoolShareFile(config.startHeight(), 0, 0, Map.of());
        this.lastHash = readLastHash();
        this.logDay = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        this.blocksToday = log.map(l -> l.blockRows(logDay)).orElse(0);
        log.ifPresent(DailyLog::start);
    }

    /** The hash recorded for the state's block; empty when unknown (first run, or a crash between the two writes). */
    private Optional<String> readLastHash() {
        if (!Files.exists(lastBlockFile)) {
            return Optional.empty();
        }
        try {
            String[] f = Files.readString(lastBlockFile, StandardCharsets.US_ASCII).trim().split(" ");
            if (f.length == 2 && Integer.parseInt(f[0]) == state.block()) {
                return Optional.of(f[1]);
            }
            LOG.warn("{} is for block {}, the state for {}: the reorg check resumes after the next block",
                    lastBlockFile, f[0], state.block());
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read " + lastBlockFile + ": " + e.getMessage()
                    + "; delete it to resume without the reorg check of the last block", e);
        }
    }

    private void writeLastHash(int height, String hash) {
        Path tmp = lastBlockFile.resolveSibling(LAST_BLOCK_FILE + ".tmp");
        try {
            Files.writeString(tmp, height + " " + hash + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, lastBlockFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + lastBlockFile + ": " + e.getMessage(), e);
        }
    }

    /** What qtumd says about itself now (tip, staking, weights, wallet, connections, delegations). */
    public NodeStatus nodeStatus() {
        return NodeStatus.fetch(rpc, config.myStaker());
    }

    /** Writes a {@code 900} row to the daily log, if one is kept. */
    public void logError(String message) {
        log.ifPresent(l -> {
            rollDay();
            l.error(message);
        });
    }

    /** At the first row of a new UTC day: the old day's {@code 200} row, then the new file's start rows. */
    private void rollDay() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (log.isPresent() && !today.equals(logDay)) {
            log.get().endOfDay(logDay, blocksToday);
            log.get().newDay();
            logDay = today;
            blocksToday = 0;
        }
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
        return pollOnce(Optional.empty());
    }

    /**
     * Like {@link #pollOnce()}, with the node's status already fetched for this poll (the daily log's
     * rows take their wallet and staking columns from it; without it one is fetched when a log is kept).
     *
     * <p>Before anything is processed, the hash of the last processed block is compared with the main
     * chain's: if it changed, the reorganisation went deeper than {@code orphanDelay} and nothing is
     * credited ({@link ReorgBeyondDelayException}), every poll, until an operator has checked the credits
     * and deleted {@value #LAST_BLOCK_FILE}.
     *
     * @param status the node's status now, if the caller has it
     * @return what was processed, in height order
     * @throws io.poolkit.core.rpc.RpcCallException when qtumd cannot be reached or answers with an
     *         error; the blocks processed before the failure are kept
     * @throws ReorgBeyondDelayException when the last processed block left the main chain
     */
    public List<BlockOutcome> pollOnce(Optional<NodeStatus> status) {
        int tip = tipHeight();
        if (lastHash.isPresent() && state.block() <= tip) {
            String now = blockHash(state.block());
            if (!now.equals(lastHash.get())) {
                throw new ReorgBeyondDelayException(state.block(), lastHash.get(), now);
            }
        }
        int target = tip - config.orphanDelay();
        List<BlockOutcome> done = new ArrayList<>();
        if (state.block() >= target) {
            rollDay();
            return done;
        }
        Optional<NodeStatus> s = status.isEmpty() && log.isPresent() ? Optional.of(nodeStatus()) : status;
        progress.started(state.block() + 1, target - state.block());
        try {
            while (state.block() < target) {
                done.add(process(state.block() + 1, s));
                progress.processed(state.block());
            }
        } finally {
            progress.finished();
        }
        return done;
    }

    private Network network() {
        return config.chain().network();
    }

    private BlockOutcome process(int height, Optional<NodeStatus> status) {
        String hash = blockHash(height);
        JsonNode block = rpc.call("getblock", List.of(hash));
        // a node that answers something else than this block must not make it look like someone else's block
        if (!block.isObject() || !hash.equals(block.path("hash").asText()) || block.path("height").asInt(-1) != height) {
            throw new IllegalArgumentException("getblock " + hash + " did not answer block " + height + " (got "
                    + abbreviate(block) + ")");
        }
        Classified c = classify(height, hash, block);
        BlockOutcome outcome = c.outcome();
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
        writeLastHash(height, hash);
        lastHash = Optional.of(hash);
        if (log.isPresent() && status.isPresent()) {
            rollDay();
            log.get().block(row(block, c, status.get(), next.poolBalanceSats()));
            blocksToday++;
        }
        return outcome;
    }

    private int tipHeight() {
        JsonNode n = rpc.call("getblockcount", List.of());
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0) {
            throw new IllegalArgumentException("getblockcount answered " + abbreviate(n) + ", not a height");
        }
        return n.intValue();
    }

    private String blockHash(int height) {
        JsonNode n = rpc.call("getblockhash", List.of(height));
        if (!n.isTextual() || !n.asText().matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("getblockhash " + height + " answered " + abbreviate(n)
                    + ", not a 64-digit hex hash");
        }
        return n.asText();
    }

    private static String abbreviate(JsonNode n) {
        String t = n.toString();
        return t.length() <= 80 ? t : t.substring(0, 80) + "...";
    }

    /** The 21-column log row of a processed block. */
    private static BlockRow row(JsonNode block, Classified c, NodeStatus s, long poolBalanceSats) {
        BlockOutcome o = c.outcome();
        Optional<CoinstakeRewards> r = c.rewards();
        Optional<String> delegate = r.flatMap(CoinstakeRewards::delegateAddress);
        OptionalInt percent = delegate.isPresent() && r.get().totalRewardSats() > 0
                ? OptionalInt.of(r.get().ppmPercentFee()) : OptionalInt.empty();
        boolean mine = o.kind() == BlockOutcome.Kind.POOL_BLOCK || o.kind() == BlockOutcome.Kind.POOL_BLOCK_UNSHARED;
        String debug = switch (o.kind()) {
            case POOL_BLOCK_UNSHARED -> "no eligible weight";
            case SELF_STAKE -> "self";
            default -> "";
        };
        return new BlockRow(block.path("time").asLong(), o.height(), s.balanceSats(), s.stakeSats(),
                s.stakerWeightSats(), s.netStakeWeightSats(), s.delegateWeightSats(), s.delegations(), s.connections(),
                s.staking(), s.expectedTimeSeconds(), r.map(CoinstakeRewards::stakerAddress).orElse("none"),
                r.map(CoinstakeRewards::stakerRewardSats).orElse(0L), delegate,
                r.map(CoinstakeRewards::delegateRewardSats).orElse(0L), percent, mine, poolBalanceSats, debug);
    }

    /** A block's outcome with its coinstake's rewards (none for a proof-of-work block). */
    private record Classified(BlockOutcome outcome, Optional<CoinstakeRewards> rewards) {
    }

    private Classified classify(int height, String hash, JsonNode block) {
        JsonNode txs = block.path("tx");
        if (!block.has("prevoutStakeHash") || txs.size() < 2) {
            return new Classified(new BlockOutcome(height, hash, BlockOutcome.Kind.OTHER, 0, Map.of()), Optional.empty());
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
        CoinstakeRewards rewards = CoinstakeRewards.of(coinstake, inSats, inAddress, pod ? kernelOwner(block) : Optional.empty(),
                pod);
        Optional<CoinstakeRewards> r = Optional.of(rewards);
        if (!rewards.stakerAddress().equals(config.myStaker())) {
            return new Classified(new BlockOutcome(height, hash, BlockOutcome.Kind.OTHER, 0, Map.of()), r);
        }
        if (!pod) {
            return new Classified(new BlockOutcome(height, hash, BlockOutcome.Kind.SELF_STAKE, rewards.stakerRewardSats(),
                    Map.of()), r);
        }
        Map<String, Long> weights = weights(height);
        if (!WeightSplitter.hasWeight(weights)) {
            // nobody to share with (every delegation immature, too small or below the fee): the reward is the pool's
            LOG.warn("pool block {} {}: no eligible delegate weight; the reward of {} sats stays with the pool as revenue",
                    height, hash, rewards.stakerRewardSats());
            return new Classified(new BlockOutcome(height, hash, BlockOutcome.Kind.POOL_BLOCK_UNSHARED,
                    rewards.stakerRewardSats(), Map.of()), r);
        }
        Map<String, Long> credits = WeightSplitter.split(rewards.stakerRewardSats(), weights, config.rounding());
        return new Classified(new BlockOutcome(height, hash, BlockOutcome.Kind.POOL_BLOCK, rewards.stakerRewardSats(),
                credits), r);
    }

    /**
     * The owner of a delegated block's kernel UTXO ({@code prevoutStakeHash}:{@code prevoutStakeVoutN}):
     * the delegate, which tells its reward output apart from a gas refund. Only the log's delegate
     * columns use it, so a node that cannot find the transaction (no {@code -txindex}) leaves them empty.
     */
    private Optional<String> kernelOwner(JsonNode block) {
        JsonNode n = block.get("prevoutStakeVoutN");
        if (n == null || !n.isIntegralNumber() || !block.path("prevoutStakeHash").isTextual()) {
            return Optional.empty();
        }
        try {
            RawTransaction kernel = RawTransaction.parse(rpc.call("getrawtransaction",
                    List.of(block.get("prevoutStakeHash").asText(), true)), network());
            int i = n.asInt();
            return i >= 0 && i < kernel.vout().size() ? kernel.vout().get(i).address() : Optional.empty();
        } catch (io.poolkit.core.rpc.RpcException e) {
            LOG.debug("kernel transaction of block {} not found: {}", block.path("height"), e.getMessage());
            return Optional.empty();
        }
    }

    private Map<String, Long> weights(int height) {
        MatureWeight rule = new MatureWeight(config.chain().coinbaseMaturity(height), config.orphanDelay(),
                config.minUtxoSats(), config.requiredFeePercent());
        List<Delegation> delegations = new ArrayList<>();
        // a broken answer must fail the block (retried), never shrink the eligible set and move credit to the pool
        JsonNode all = rpc.call("getdelegationsforstaker", List.of(config.myStaker()));
        if (!all.isArray()) {
            throw new IllegalArgumentException("getdelegationsforstaker answered " + abbreviate(all) + ", not a list");
        }
        for (JsonNode d : all) {
            if (!d.path("fee").isIntegralNumber() || !d.path("delegate").isTextual()) {
                throw new IllegalArgumentException("getdelegationsforstaker entry without a whole 'fee' and a 'delegate': "
                        + abbreviate(d));
            }
            int fee = d.get("fee").asInt();
            String delegate = d.get("delegate").asText();
            if (fee < config.requiredFeePercent()) {
                continue;
            }
            JsonNode result = rpc.call("getaddressutxos",
                    List.of(Map.of("addresses", List.of(delegate), "chainInfo", true)));
            JsonNode list = result.has("utxos") ? result.get("utxos") : result;
            if (!list.isArray()) {
                throw new IllegalArgumentException("getaddressutxos " + delegate + " answered " + abbreviate(result)
                        + ", not a list of UTXOs");
            }
            List<Utxo> utxos = new ArrayList<>();
            for (JsonNode u : list) {
                if (!u.path("satoshis").isIntegralNumber() || !u.path("height").isIntegralNumber()) {
                    throw new IllegalArgumentException("getaddressutxos " + delegate + ": UTXO without whole 'satoshis'"
                            + " and 'height': " + abbreviate(u));
                }
                utxos.add(new Utxo(u.get("satoshis").asLong(), u.get("height").asInt()));
            }
            delegations.add(new Delegation(delegate, fee, utxos));
        }
        // tip = height + orphanDelay puts the limit at height - maturity: the consensus rule for this block.
        return rule.eligible(delegations, height + config.orphanDelay());
    }
}
