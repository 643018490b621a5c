package io.poolkit.core.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored credit.
 *
 * @param id the row id
 * @param batchId the crediting it belongs to
 * @param chain the chain whose coins it is in
 * @param line address, kind and amount
 * @param state pending, confirmed or cancelled
 * @param createdAt when it was written
 * @param settledAt when it was confirmed or cancelled, if it was
 */
public record Credit(long id, long batchId, String chain, CreditLine line, CreditState state, Instant createdAt,
        Optional<Instant> settledAt) {

    public Credit {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(settledAt, "settledAt");
    }
}
