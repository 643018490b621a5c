package io.poolkit.core.ledger;

import java.util.Objects;

/**
 * A share with the key that makes its insert idempotent: a share whose server id and key are
 * already stored is not stored again, so a writer may retry a batch whose outcome it did not learn.
 *
 * @param key unique per server; {@link ShareRecorder} uses {@code SESSION:SEQUENCE}
 * @param share the share
 */
public record KeyedShare(String key, AcceptedShare share) {

    public KeyedShare {
        Checks.token("share key", key, Checks.SHARE_KEY);
        Objects.requireNonNull(share, "share");
    }
}
