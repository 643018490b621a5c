package io.poolkit.stratum.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.address.Address;
import io.poolkit.core.chain.BlockAssembler;
import io.poolkit.core.chain.BlockTemplate;
import io.poolkit.core.chain.Coinbase;
import io.poolkit.core.chain.CoinbaseBuilder;
import io.poolkit.core.chain.CoinbaseSplit;
import io.poolkit.core.rpc.JsonRpc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the node's block templates into stratum jobs. It polls the best block hash (default every
 * 200 ms) and fetches a new template ({@code getblocktemplate} with the segwit rule) when the tip
 * changes (a clean job: miners drop older work), when the refresh interval has passed (new
 * transactions; not clean), or when {@link #refreshNow()} is called (push-block notifications, our
 * own found blocks). The coinbase pays the pool address, carries the BIP34 height, the pool tag,
 * the extranonce slot and the witness commitment. All node work runs on one scheduler thread.
 */
public final class JobManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobManager.class);

    /**
     * @param payoutAddress   where the coinbase pays
     * @param poolTag         text in the coinbase script (may be empty)
     * @param extranonce1Size bytes of extranonce1 (the server gives 4)
     * @param extranonce2Size bytes of extranonce2 miners roll
     * @param pollInterval    how often the tip is checked
     * @param refreshInterval how often a template is refetched at the same tip
     * @param maxNtimeAhead   how far past the template time a share's ntime may be
     */
    public record Settings(Address payoutAddress, String poolTag, int extranonce1Size, int extranonce2Size,
                           Duration pollInterval, Duration refreshInterval, Duration maxNtimeAhead) {
        public Settings {
            Objects.requireNonNull(payoutAddress);
            Objects.requireNonNull(poolTag);
        }
    }

    private final JsonRpc node;
    private final Settings settings;
    private final JobBoard board;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong jobCounter = new AtomicLong();
    private final LongAdder templates = new LongAdder();
    private final LongAdder errors = new LongAdder();

    private volatile String lastTipHex = "";
    private volatile Instant lastTemplateAt = Instant.EPOCH;
    private volatile BlockTemplate lastTemplate;
    private volatile String lastError = "";

    public JobManager(JsonRpc node, Settings settings, JobBoard board, Clock clock, ScheduledExecutorService scheduler) {
        this.node = node;
        this.settings = settings;
        this.board = board;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** Fetches the first template now (failing loudly if the node cannot give one), then polls. */
    public JobManager start() {
        update(true);
        long period = settings.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, period, period, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Asks for a new template soon, on the scheduler thread. */
    public void refreshNow() {
        scheduler.execute(() -> {
            try {
                update(true);
            } catch (RuntimeException e) {
                failed(e);
            }
        });
    }

    private void poll() {
        try {
            JsonNode best = node.call("getbestblockhash", List.of());
            boolean tipChanged = !best.asText().equals(lastTipHex);
            boolean refreshDue = Duration.between(lastTemplateAt, clock.instant()).compareTo(settings.refreshInterval()) >= 0;
            if (tipChanged || refreshDue) {
                update(false);
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(RuntimeException e) {
        errors.increment();
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (!message.equals(lastError)) {
            LOG.warn("job manager: {}", message);
        }
        lastError = message;
    }

    /** Fetches a template and publishes a job; clean when the previous block changed. */
    private synchronized void update(boolean forced) {
        BlockTemplate template = BlockTemplate.parse(node.call("getblocktemplate", BlockTemplate.REQUEST_PARAMS));
        templates.increment();
        lastTemplateAt = clock.instant();
        lastError = "";
        BlockTemplate previous = lastTemplate;
        boolean clean = previous == null
                || !Arrays.equals(previous.previousHashInternal(), template.previousHashInternal());
        if (!clean && !forced && previous.equals(template)) {
            return;
        }
        lastTemplate = template;
        lastTipHex = template.previousHashDisplayHex();
        board.publish(jobFrom(template), clean);
        if (clean) {
            LOG.info("new block template at height {} ({} transactions)", template.height(), template.transactions().size());
        }
    }

    private StratumJob jobFrom(BlockTemplate template) {
        CoinbaseSplit split = CoinbaseBuilder.forTemplate(template).payoutAddress(settings.payoutAddress())
                .poolTag(settings.poolTag()).extranonce1Size(settings.extranonce1Size())
                .extranonce2Size(settings.extranonce2Size()).build();
        long maxTime = template.curTime() + settings.maxNtimeAhead().toSeconds();
        if (template.maxTime().isPresent()) {
            maxTime = Math.min(maxTime, template.maxTime().getAsLong());
        }
        StratumJob.BlockBuilder blocks = (header, coinbase) ->
                BlockAssembler.assemble(template, Coinbase.of(coinbase, split.witnessForm()), header);
        return new StratumJob(Long.toHexString(jobCounter.incrementAndGet()), template.height(), template.coinbaseValue(),
                template.previousHashInternal(), split.coinb1(), split.coinb2(), template.merkleBranch(), template.version(),
                template.bits(), template.curTime(), template.minTime(), maxTime, clock.instant(), blocks);
    }

    /** What the monitor shows of the job manager. */
    public record Status(long height, String previousHash, int transactions, long coinbaseValue, Instant lastTemplateAt,
                         long templates, long errors, String lastError) {
    }

    public Status status() {
        BlockTemplate t = lastTemplate;
        return new Status(t == null ? 0 : t.height(), t == null ? "" : t.previousHashDisplayHex(),
                t == null ? 0 : t.transactions().size(), t == null ? 0 : t.coinbaseValue(), lastTemplateAt, templates.sum(),
                errors.sum(), lastError);
    }

    public Optional<BlockTemplate> lastTemplate() {
        return Optional.ofNullable(lastTemplate);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
