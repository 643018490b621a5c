package io.poolkit.core.ledger;

import java.util.Objects;
import java.util.Optional;

/**
 * What a migration did.
 *
 * @param fromVersion the schema version before, or empty for a new database
 * @param toVersion the schema version after
 * @param applied how many migrations ran (0: the schema was up to date)
 */
public record MigrationResult(Optional<String> fromVersion, String toVersion, int applied) {

    public MigrationResult {
        Objects.requireNonNull(fromVersion, "fromVersion");
        Objects.requireNonNull(toVersion, "toVersion");
    }
}
