package io.poolkit.core.ledger;

import java.util.Objects;

/**
 * The outcome of an exactly-once write: the stored value, and whether this call created it
 * ({@code false}: it was already there, and this call changed nothing).
 *
 * @param <T> the stored value's type
 * @param value the stored value
 * @param created whether this call stored it
 */
public record Recorded<T>(T value, boolean created) {

    public Recorded {
        Objects.requireNonNull(value, "value");
    }
}
