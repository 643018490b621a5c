package io.poolkit.core.payout;

import io.poolkit.core.ledger.CreditBatch;
import io.poolkit.core.ledger.LedgerStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Credits pay-per-share: every share accepted up to {@code until} that PPS has not paid yet is valued
 * by {@link Pps} and credited, confirmed at once (the pool pays them from its funds). Each share is
 * marked with the batch that paid it, so none is paid twice and a share that reached the ledger late
 * (a recorder that waited out a database outage) is paid by the next run instead of being skipped.
 *
 * @param pps the share valuation
 * @param sharesPerBatch the most shares one credit batch (one transaction) pays; a run writes as many
 *     batches as it needs. Each batch rounds each address's credit down once, so the value is fixed
 *     by the ledger's share order, not by when runs happen to start.
 */
public record PpsCrediter(Pps pps, int sharesPerBatch) {

    /** The scheme name stored with PPS credits. */
    public static final String SCHEME = "PPS";
    /** Shares per batch when not chosen: bounds a run's memory to a few megabytes. */
    public static final int DEFAULT_SHARES_PER_BATCH = 10_000;

    public PpsCrediter {
        Objects.requireNonNull(pps, "pps");
        if (sharesPerBatch < 1) {
            throw new IllegalArgumentException("sharesPerBatch must be positive, got " + sharesPerBatch);
        }
    }

    /** A crediter with {@link #DEFAULT_SHARES_PER_BATCH}. */
    public PpsCrediter(Pps pps) {
        this(pps, DEFAULT_SHARES_PER_BATCH);
    }

    /** Credits {@code chain}'s unpaid shares accepted up to {@code until}; the batches written, oldest first. */
    public List<CreditBatch> creditUntil(LedgerStore store, String chain, Instant until) {
        List<CreditBatch> written = new ArrayList<>();
        while (true) {
            var batch = store.credits().creditPpsShares(chain, SCHEME, until, sharesPerBatch, pps::credits);
            if (batch.isEmpty()) {
                return written;
            }
            written.add(batch.get());
        }
    }
}
