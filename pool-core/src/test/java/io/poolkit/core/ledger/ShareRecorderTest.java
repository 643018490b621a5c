package io.poolkit.core.ledger;

import io.poolkit.core.testing.SteppableClock;
import static io.poolkit.core.ledger.Fixtures.ALICE;
import static io.poolkit.core.ledger.Fixtures.T0;
import static io.poolkit.core.ledger.Fixtures.block;
import static io.poolkit.core.ledger.Fixtures.share;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The share recorder's batching, back-pressure, retry and close rules, with sinks written for the test. */
class ShareRecorderTest {

    /** A sink that keeps every batch it was given and can be held shut. */
    private static final class CollectingSink implements ShareSink {
        final BlockingQueue<List<KeyedShare>> batches = new LinkedBlockingQueue<>();
        final List<FoundBlock> blocks = new ArrayList<>();
        final CountDownLatch open;

        CollectingSink(boolean startOpen) {
            open = new CountDownLatch(startOpen ? 0 : 1);
        }

        @Override
        public WriteResult write(List<KeyedShare> shares, List<FoundBlock> found) {
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerException("interrupted");
            }
            synchronized (blocks) {
                blocks.addAll(found);
            }
            batches.add(shares);
            return new WriteResult(shares.size(), found.size());
        }

        int sharesWritten() {
            return batches.stream().mapToInt(List::size).sum();
        }
    }

    @Test
    void fullBatchesGoOutAtOnceAndTheRestOnClose() throws Exception {
        CollectingSink sink = new CollectingSink(true);
        ShareRecorder recorder = ShareRecorder.builder(sink).batchSize(10).maxDelay(Duration.ofHours(1))
                .sessionId("s1").start();
        for (int i = 0; i < 35; i++) {
            recorder.record(share(ALICE, "1", T0.plusMillis(i)));
        }
        for (int i = 0; i < 3; i++) {
            List<KeyedShare> batch = sink.batches.poll(30, TimeUnit.SECONDS);
            assertNotNull(batch, "a full batch is written without waiting for the delay");
            assertEquals(10, batch.size());
        }
        assertTrue(sink.batches.isEmpty(), "the last 5 wait for the delay or the close");
        recorder.close();
        assertEquals(5, sink.batches.poll().size());
        assertEquals(35, recorder.metrics().written());
    }

    @Test
    void aPartialBatchIsWrittenAfterTheMaximumDelay() throws Exception {
        CollectingSink sink = new CollectingSink(true);
        ShareRecorder recorder = ShareRecorder.builder(sink).batchSize(1_000).maxDelay(Duration.ofMillis(20)).start();
        recorder.record(share(ALICE, "1", T0));
        recorder.record(share(ALICE, "1", T0));
        List<KeyedShare> batch = sink.batches.poll(30, TimeUnit.SECONDS);
        assertNotNull(batch);
        assertTrue(recorder.flush(Duration.ofSeconds(30)));
        assertEquals(2, batch.size() + sink.sharesWritten(), "written without a close");
        recorder.close();
    }

    @Test
    void keysAreUniqueAndCarryTheSession() throws Exception {
        CollectingSink sink = new CollectingSink(true);
        ShareRecorder recorder = ShareRecorder.builder(sink).sessionId("run42").start();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    recorder.record(share(ALICE, "1", T0));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        recorder.close();
        Set<String> keys = new HashSet<>();
        sink.batches.forEach(b -> b.forEach(s -> keys.add(s.key())));
        assertEquals(2_000, keys.size());
        assertTrue(keys.stream().allMatch(k -> k.startsWith("run42:")));
        assertEquals("run42", recorder.sessionId());
    }

    @Test
    void aFullQueueRefusesLoudlyButNeverRefusesABlock() {
        CollectingSink sink = new CollectingSink(false);
        ShareRecorder recorder = ShareRecorder.builder(sink).capacity(5).batchSize(1).fullWait(Duration.ZERO).start();
        for (int i = 0; i < 5; i++) {
            recorder.record(share(ALICE, "1", T0));
        }
        RecorderFullException e = assertThrows(RecorderFullException.class,
                () -> recorder.record(share(ALICE, "1", T0)));
        assertTrue(e.getMessage().contains("queue is full (5 shares"), e.getMessage());
        recorder.recordBlock(block(1, ALICE, 50, T0));
        RecorderMetrics m = recorder.metrics();
        assertEquals(5, m.accepted());
        assertEquals(5, m.queued());
        assertEquals(5, m.highWaterMark());
        assertEquals(1, m.refusedFull());
        assertEquals(1, m.blocksAccepted());

        sink.open.countDown();
        recorder.close();
        assertEquals(5, sink.sharesWritten());
        assertEquals(1, sink.blocks.size());
        assertEquals(0, recorder.metrics().queued());
        assertEquals(5, recorder.metrics().highWaterMark());
    }

    @Test
    void aFullQueueWaitsBrieflyForRoomBeforeRefusing() throws Exception {
        CollectingSink sink = new CollectingSink(false);
        ShareRecorder recorder = ShareRecorder.builder(sink).capacity(2).batchSize(1).fullWait(Duration.ofSeconds(30))
                .start();
        recorder.record(share(ALICE, "1", T0));
        recorder.record(share(ALICE, "1", T0));
        CountDownLatch waiting = new CountDownLatch(1);
        Thread third = new Thread(() -> {
            waiting.countDown();
            recorder.record(share(ALICE, "1", T0)); // blocks until the sink lets a batch through
        });
        third.start();
        waiting.await();
        sink.open.countDown();
        third.join();
        recorder.close();
        assertEquals(3, sink.sharesWritten());
        assertEquals(0, recorder.metrics().refusedFull());
    }

    @Test
    void closeReturnsOnlyAfterEverythingAcceptedIsWritten() throws Exception {
        CollectingSink sink = new CollectingSink(false);
        ShareRecorder recorder = ShareRecorder.builder(sink).batchSize(7).maxDelay(Duration.ofHours(1)).start();
        for (int i = 0; i < 50; i++) {
            recorder.record(share(ALICE, "1", T0.plusMillis(i)));
        }
        recorder.recordBlock(block(1, ALICE, 50, T0));
        Thread closer = new Thread(recorder::close);
        closer.start();
        closer.join(200);
        assertTrue(closer.isAlive(), "close waits while the store is not writing");
        assertThrows(IllegalStateException.class, () -> recorder.record(share(ALICE, "1", T0)),
                "a closing recorder refuses new shares");
        assertThrows(IllegalStateException.class, () -> recorder.recordBlock(block(2, ALICE, 50, T0)));
        sink.open.countDown();
        closer.join();
        assertEquals(50, sink.sharesWritten());
        assertEquals(1, sink.blocks.size());
        recorder.close(); // again: nothing to do
    }

    @Test
    void failedWritesAreRetriedUntilTheyGoThrough() {
        CollectingSink sink = new CollectingSink(true);
        AtomicInteger failures = new AtomicInteger(3);
        ShareSink flaky = (shares, blocks) -> {
            if (failures.getAndDecrement() > 0) {
                throw new LedgerException("database is locked");
            }
            return sink.write(shares, blocks);
        };
        ShareRecorder recorder = ShareRecorder.builder(flaky).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(2))
                .maxDelay(Duration.ofHours(1)).start();
        for (int i = 0; i < 20; i++) {
            recorder.record(share(ALICE, "1", T0));
        }
        recorder.close();
        assertEquals(20, sink.sharesWritten());
        assertEquals(3, recorder.metrics().failedWrites());
        assertEquals(List.of(), recorder.unwrittenShares());
    }

    @Test
    void aStoreThatKeepsFailingPastTheCloseTimeoutLeavesTheSharesWithTheCaller() {
        SteppableClock clock = new SteppableClock(T0);
        ShareSink broken = (shares, blocks) -> {
            clock.advance(Duration.ofSeconds(10));
            throw new LedgerException("connection refused");
        };
        ShareRecorder recorder = ShareRecorder.builder(broken).clock(clock).closeTimeout(Duration.ofSeconds(30))
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(1)).maxDelay(Duration.ofHours(1)).start();
        for (int i = 0; i < 12; i++) {
            recorder.record(share(ALICE, "1", T0.plusMillis(i)));
        }
        recorder.recordBlock(block(1, ALICE, 50, T0));
        LedgerException e = assertThrows(LedgerException.class, recorder::close);
        assertTrue(e.getMessage().contains("12 shares and 1 blocks not written"), e.getMessage());
        assertEquals(12, recorder.unwrittenShares().size());
        assertEquals(1, recorder.unwrittenBlocks().size());
        assertFalse(recorder.metrics().failedWrites() < 3);
    }

    @Test
    void optionsAreChecked() {
        CollectingSink sink = new CollectingSink(true);
        assertThrows(IllegalArgumentException.class, () -> ShareRecorder.builder(sink).capacity(0));
        assertThrows(IllegalArgumentException.class, () -> ShareRecorder.builder(sink).batchSize(0));
        assertThrows(IllegalArgumentException.class, () -> ShareRecorder.builder(sink).maxDelay(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ShareRecorder.builder(sink).sessionId("has space"));
    }
}
