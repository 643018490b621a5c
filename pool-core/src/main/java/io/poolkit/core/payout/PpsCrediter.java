package io.poolkit.core.payout;

import io.poolkit.core.ledger.AcceptedShare;
import io.poolkit.core.ledger.CreditBatch;
import io.poolkit.core.ledger.CreditLine;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.ledger.Recorded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Credits pay-per-share periods into the ledger: the shares accepted after the end of the previous
 * PPS period up to {@code until} are valued by {@link Pps} and credited, confirmed at once (the pool
 * pays them from its funds), under the source {@code pps:CHAIN:END_MILLIS}. The next period starts
 * where the latest one ended, so no share is credited twice and none is skipped; crediting a period
 * again changes nothing.
 *
 * @param pps the share valuation
 */
public record PpsCrediter(Pps pps) {

    /** The scheme name stored with PPS credits. */
    public static final String SCHEME = "PPS";

    public PpsCrediter {
        Objects.requireNonNull(pps, "pps");
    }

    /** Credits the shares of {@code chain}'s next period, up to {@code until}; empty if it had no share of value. */
    public Optional<CreditBatch> creditUntil(LedgerStore store, String chain, Instant until) {
        Instant from = store.credits().latestBatch(chain, SCHEME).map(b -> periodEnd(b.source())).orElse(Instant.EPOCH);
        if (!until.isAfter(from)) {
            return Optional.empty();
        }
        List<AcceptedShare> shares = new ArrayList<>();
        store.shares().forEachBetween(from, until, s -> shares.add(s.share()));
        List<CreditLine> lines = pps.credits(shares);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Recorded<CreditBatch> r = store.credits().credit(chain, "pps:" + chain + ":" + until.toEpochMilli(), SCHEME, lines);
        return Optional.of(r.value());
    }

    private static Instant periodEnd(String source) {
        return Instant.ofEpochMilli(Long.parseLong(source.substring(source.lastIndexOf(':') + 1)));
    }
}
