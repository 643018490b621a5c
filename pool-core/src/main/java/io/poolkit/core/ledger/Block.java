package io.poolkit.core.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A found block as stored.
 *
 * @param id the row id
 * @param serverId the stratum server that recorded it
 * @param found what was found
 * @param state pending, confirmed or orphaned
 * @param confirmedAt when it was confirmed, if it was
 * @param orphanedAt when it was orphaned, if it was
 * @param creditedAt when its reward was split into credits, if it was
 */
public record Block(long id, String serverId, FoundBlock found, BlockState state, Optional<Instant> confirmedAt,
        Optional<Instant> orphanedAt, Optional<Instant> creditedAt) {

    public Block {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        Objects.requireNonNull(orphanedAt, "orphanedAt");
        Objects.requireNonNull(creditedAt, "creditedAt");
    }

    /** True once the block's reward has been split into credits. */
    public boolean credited() {
        return creditedAt.isPresent();
    }
}
