package io.poolkit.core.ledger;

import java.util.Locale;

/** Where a found block stands: waiting for coinbase maturity, mature, or off the main chain. */
public enum BlockState {
    PENDING, CONFIRMED, ORPHANED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static BlockState ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
