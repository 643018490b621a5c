package io.poolkit.core.ledger;

import java.util.Locale;

/** A credit is pending while its block matures, then confirmed; an orphaned block's credits are cancelled. */
public enum CreditState {
    PENDING, CONFIRMED, CANCELLED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CreditState ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
