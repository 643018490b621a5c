package io.poolkit.core.ledger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batching writer between a stratum server's network threads and the ledger: network threads
 * hand it accepted shares and found blocks and return at once; one writer thread writes them in
 * batches of up to {@code batchSize} shares, or whatever arrived within {@code maxDelay} of the
 * first share of a batch.
 *
 * <p><b>When the queue is full.</b> At most {@code capacity} shares wait to be written. A
 * {@link #record} call that finds no room waits up to {@code fullWait} for some, then throws
 * {@link RecorderFullException} and the share is not accepted for recording: the caller must answer
 * the miner with an error instead of counting the share. A share {@link #record} returned for is
 * never dropped. Found blocks are never refused for lack of room (they are rare and each is worth a
 * reward): {@link #recordBlock} always queues.
 *
 * <p><b>When a write fails.</b> The batch is retried with a growing pause (up to
 * {@code retryBackoffMax}); every share carries a key ({@code SESSION:SEQUENCE}) and every block
 * its hash, so a retry whose first attempt did commit stores nothing twice.
 *
 * <p><b>Stopping.</b> {@link #close()} refuses new work, writes everything accepted before it, and
 * only then returns. If the store still fails when {@code closeTimeout} has passed on the clock, it
 * stops retrying and throws, naming how much is unwritten; {@link #unwrittenShares()} and
 * {@link #unwrittenBlocks()} then hold it, so the caller can save it elsewhere.
 */
public final class ShareRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShareRecorder.class);
    private static final Object CLOSE = new Object();

    private final ShareSink sink;
    private final int capacity;
    private final int batchSize;
    private final long maxDelayMillis;
    private final Duration fullWait;
    private final Duration retryBackoff;
    private final Duration retryBackoffMax;
    private final Duration closeTimeout;
    private final Clock clock;
    private final String sessionId;

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Semaphore room;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final Thread writer;

    private boolean closed; // guarded by gate
    private volatile long closeDeadlineMillis = Long.MAX_VALUE;
    private volatile boolean closing;

    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong highWater = new AtomicLong();
    private final AtomicLong refusedFull = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong blocksAccepted = new AtomicLong();
    private final AtomicLong blocksWritten = new AtomicLong();

    private final Object progress = new Object();
    private long entriesQueued; // guarded by progress: shares and blocks handed to the queue
    private long entriesDone; // guarded by progress: shares and blocks written or given up

    private final List<KeyedShare> unwrittenShares = new ArrayList<>(); // guarded by progress
    private final List<FoundBlock> unwrittenBlocks = new ArrayList<>(); // guarded by progress

    private ShareRecorder(Builder b) {
        this.sink = b.sink;
        this.capacity = b.capacity;
        this.batchSize = b.batchSize;
        this.maxDelayMillis = Math.max(1, b.maxDelay.toMillis());
        this.fullWait = b.fullWait;
        this.retryBackoff = b.retryBackoff;
        this.retryBackoffMax = b.retryBackoffMax;
        this.closeTimeout = b.closeTimeout;
        this.clock = b.clock;
        this.sessionId = b.sessionId != null ? b.sessionId : UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        this.room = new Semaphore(capacity);
        this.writer = new Thread(this::runWriter, b.threadName);
        this.writer.setDaemon(true);
    }

    /** A builder for a recorder that writes to {@code sink} (usually {@link LedgerStore#sink(String)}). */
    public static Builder builder(ShareSink sink) {
        return new Builder(sink);
    }

    /**
     * Accepts a share for recording, without waiting for the database.
     *
     * @throws RecorderFullException if the queue stayed full for {@code fullWait}; the share was not accepted
     * @throws IllegalStateException if the recorder is closed
     */
    public void record(AcceptedShare share) {
        Objects.requireNonNull(share, "share");
        if (!room.tryAcquire()) {
            boolean got = false;
            if (!fullWait.isZero()) {
                try {
                    got = room.tryAcquire(fullWait.toNanos(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!got) {
                refusedFull.incrementAndGet();
                throw new RecorderFullException("the share recorder's queue is full (" + capacity
                        + " shares waiting for the ledger); share of " + share.address() + " not recorded");
            }
        }
        gate.readLock().lock();
        try {
            if (closed) {
                room.release();
                throw new IllegalStateException("the share recorder is closed");
            }
            queue.add(new KeyedShare(sessionId + ":" + sequence.incrementAndGet(), share));
            long queuedNow = accepted.incrementAndGet() - written.get();
            highWater.accumulateAndGet(queuedNow, Math::max);
            queuedOne();
        } finally {
            gate.readLock().unlock();
        }
    }

    /**
     * Accepts a found block for recording. Never refused for lack of room.
     *
     * @throws IllegalStateException if the recorder is closed
     */
    public void recordBlock(FoundBlock block) {
        Objects.requireNonNull(block, "block");
        gate.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the share recorder is closed; block " + block.hash() + " not recorded");
            }
            queue.add(block);
            blocksAccepted.incrementAndGet();
            queuedOne();
        } finally {
            gate.readLock().unlock();
        }
    }

    private void queuedOne() {
        synchronized (progress) {
            entriesQueued++;
        }
    }

    /**
     * Waits until everything accepted before this call is written (or given up at close).
     *
     * @return false if that did not happen within {@code timeout}
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            long target = entriesQueued;
            while (entriesDone < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            return true;
        }
    }

    public RecorderMetrics metrics() {
        long acc = accepted.get();
        long wr = written.get();
        return new RecorderMetrics(acc, wr, acc - wr, highWater.get(), refusedFull.get(), failedWrites.get(),
                duplicates.get(), blocksAccepted.get(), blocksWritten.get());
    }

    /** The session part of this recorder's share keys. */
    public String sessionId() {
        return sessionId;
    }

    /** Shares that could not be written before the close timeout (empty unless {@link #close()} threw). */
    public List<KeyedShare> unwrittenShares() {
        synchronized (progress) {
            return List.copyOf(unwrittenShares);
        }
    }

    /** Blocks that could not be written before the close timeout (empty unless {@link #close()} threw). */
    public List<FoundBlock> unwrittenBlocks() {
        synchronized (progress) {
            return List.copyOf(unwrittenBlocks);
        }
    }

    /**
     * Refuses new work, writes everything accepted so far, then returns. Calling it again waits the
     * same way and returns.
     *
     * @throws LedgerException if the store kept failing until {@code closeTimeout} passed; what was
     *     not written is in {@link #unwrittenShares()} and {@link #unwrittenBlocks()}
     */
    @Override
    public void close() {
        gate.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                closeDeadlineMillis = clock.millis() + closeTimeout.toMillis();
                closing = true;
                queue.add(CLOSE);
            }
        } finally {
            gate.writeLock().unlock();
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (progress) {
            if (!unwrittenShares.isEmpty() || !unwrittenBlocks.isEmpty()) {
                throw new LedgerException("the share recorder closed with " + unwrittenShares.size() + " shares and "
                        + unwrittenBlocks.size() + " blocks not written: the ledger kept failing for "
                        + closeTimeout.toSeconds() + " s (see the log); they are in unwrittenShares()/unwrittenBlocks()");
            }
        }
    }

    private void start() {
        writer.start();
    }

    private void runWriter() {
        List<KeyedShare> shares = new ArrayList<>();
        List<FoundBlock> blocks = new ArrayList<>();
        boolean sawClose = false;
        try {
            while (true) {
                Object first = sawClose ? queue.poll() : queue.poll(maxDelayMillis, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (sawClose) {
                        return;
                    }
                    continue;
                }
                sawClose |= take(first, shares, blocks);
                long deadline = clock.millis() + maxDelayMillis;
                while (shares.size() < batchSize) {
                    Object next;
                    if (sawClose) {
                        next = queue.poll();
                    } else {
                        long remaining = deadline - clock.millis();
                        if (remaining <= 0) {
                            break;
                        }
                        next = queue.poll(remaining, TimeUnit.MILLISECONDS);
                    }
                    if (next == null) {
                        break;
                    }
                    sawClose |= take(next, shares, blocks);
                }
                if (!shares.isEmpty() || !blocks.isEmpty()) {
                    if (!writeWithRetry(shares, blocks)) {
                        giveUp(shares, blocks);
                        return;
                    }
                    shares.clear();
                    blocks.clear();
                }
            }
        } catch (InterruptedException e) {
            LOG.error("share recorder writer interrupted; {} shares and {} blocks not written", shares.size(),
                    blocks.size());
            giveUp(shares, blocks);
        } catch (RuntimeException | Error e) {
            LOG.error("share recorder writer failed; what was not written is kept for the caller", e);
            giveUp(shares, blocks);
        }
    }

    private static boolean take(Object entry, List<KeyedShare> shares, List<FoundBlock> blocks) {
        if (entry == CLOSE) {
            return true;
        }
        if (entry instanceof KeyedShare s) {
            shares.add(s);
        } else {
            blocks.add((FoundBlock) entry);
        }
        return false;
    }

    /** Writes one batch, retrying; false if the close deadline passed while the store kept failing. */
    private boolean writeWithRetry(List<KeyedShare> shares, List<FoundBlock> blocks) throws InterruptedException {
        long pauseMillis = Math.max(1, retryBackoff.toMillis());
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                ShareSink.WriteResult r = sink.write(List.copyOf(shares), List.copyOf(blocks));
                written.addAndGet(shares.size());
                duplicates.addAndGet(shares.size() - r.sharesInserted());
                blocksWritten.addAndGet(blocks.size());
                room.release(shares.size());
                done(shares.size() + blocks.size());
                return true;
            } catch (RuntimeException e) {
                failedWrites.incrementAndGet();
                if (closing && clock.millis() >= closeDeadlineMillis) {
                    LOG.error("writing {} shares and {} blocks to the ledger failed (attempt {}) and the close"
                            + " timeout has passed; giving up: {}", shares.size(), blocks.size(), attempt, e.getMessage());
                    return false;
                }
                LOG.warn("writing {} shares and {} blocks to the ledger failed (attempt {}); retrying in {} ms: {}",
                        shares.size(), blocks.size(), attempt, pauseMillis, e.getMessage());
                Thread.sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, Math.max(1, retryBackoffMax.toMillis()));
            }
        }
    }

    private void giveUp(List<KeyedShare> shares, List<FoundBlock> blocks) {
        List<KeyedShare> lostShares = new ArrayList<>(shares);
        List<FoundBlock> lostBlocks = new ArrayList<>(blocks);
        for (Object o; (o = queue.poll()) != null; ) {
            take(o, lostShares, lostBlocks);
        }
        synchronized (progress) {
            unwrittenShares.addAll(lostShares);
            unwrittenBlocks.addAll(lostBlocks);
        }
        done(lostShares.size() + lostBlocks.size());
    }

    private void done(long entries) {
        synchronized (progress) {
            entriesDone += entries;
            progress.notifyAll();
        }
    }

    /** Options of a {@link ShareRecorder}; {@link #start()} builds and starts it. */
    public static final class Builder {
        private final ShareSink sink;
        private int capacity = 100_000;
        private int batchSize = 1_000;
        private Duration maxDelay = Duration.ofMillis(200);
        private Duration fullWait = Duration.ofMillis(100);
        private Duration retryBackoff = Duration.ofMillis(100);
        private Duration retryBackoffMax = Duration.ofSeconds(5);
        private Duration closeTimeout = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private String sessionId;
        private String threadName = "poolkit-share-recorder";

        private Builder(ShareSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        /** Most shares waiting to be written (default 100,000). */
        public Builder capacity(int shares) {
            if (shares < 1) {
                throw new IllegalArgumentException("capacity must be at least 1, got " + shares);
            }
            this.capacity = shares;
            return this;
        }

        /** Most shares per write (default 1,000). */
        public Builder batchSize(int shares) {
            if (shares < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, got " + shares);
            }
            this.batchSize = shares;
            return this;
        }

        /** Longest a share waits for its batch to fill before the batch is written (default 200 ms). */
        public Builder maxDelay(Duration delay) {
            this.maxDelay = positive("max delay", delay);
            return this;
        }

        /** How long {@link #record} waits for room before refusing (default 100 ms; zero refuses at once). */
        public Builder fullWait(Duration wait) {
            this.fullWait = notNegative("full wait", wait);
            return this;
        }

        /** The first pause after a failed write and the longest pause (defaults 100 ms and 5 s). */
        public Builder retryBackoff(Duration first, Duration max) {
            this.retryBackoff = notNegative("retry backoff", first);
            this.retryBackoffMax = notNegative("max retry backoff", max);
            return this;
        }

        /** How long, on the clock, {@link ShareRecorder#close()} keeps retrying a failing store (default 60 s). */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = notNegative("close timeout", timeout);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The session part of share keys (default: 16 random hex digits); unique per server and run. */
        public Builder sessionId(String id) {
            this.sessionId = Checks.token("session id", id, 40);
            return this;
        }

        public Builder threadName(String name) {
            this.threadName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Builds the recorder and starts its writer thread. */
        public ShareRecorder start() {
            ShareRecorder r = new ShareRecorder(this);
            r.start();
            return r;
        }

        private static Duration positive(String what, Duration d) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }

        private static Duration notNegative(String what, Duration d) {
            Objects.requireNonNull(d, what);
            if (d.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative, got " + d);
            }
            return d;
        }
    }
}
