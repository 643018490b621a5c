package io.poolkit.core.ledger;

import java.util.List;

/**
 * Where a {@link ShareRecorder} writes its batches. {@link LedgerStore#sink(String)} writes a batch
 * of shares and blocks in one transaction; an implementation must be idempotent for shares by key
 * and for blocks by chain and hash, because the recorder retries a batch whose write failed.
 */
@FunctionalInterface
public interface ShareSink {

    /**
     * Writes one batch, all of it or (throwing) none of it.
     *
     * @return how many shares and blocks were new
     */
    WriteResult write(List<KeyedShare> shares, List<FoundBlock> blocks);

    /**
     * The outcome of one batch.
     *
     * @param sharesInserted shares that were new
     * @param blocksInserted blocks that were new
     */
    record WriteResult(int sharesInserted, int blocksInserted) {
    }
}
