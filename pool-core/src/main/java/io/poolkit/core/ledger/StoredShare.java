package io.poolkit.core.ledger;

import java.util.Objects;

/**
 * A share as stored.
 *
 * @param id the row id; increases with insertion order within one store
 * @param serverId the stratum server that wrote it
 * @param share the share
 */
public record StoredShare(long id, String serverId, AcceptedShare share) {

    public StoredShare {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(share, "share");
    }
}
