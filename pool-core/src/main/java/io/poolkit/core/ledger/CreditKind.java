package io.poolkit.core.ledger;

import java.util.Locale;

/** Why an address is credited. */
public enum CreditKind {
    /** Its part of a block reward for its shares (PROP, PPLNS, SOLO). */
    SHARE,
    /** The pool's fee. */
    POOL_FEE,
    /** The bonus for the share that was the block. */
    FINDER_BONUS,
    /** Pay-per-share value of its shares, paid from the pool's funds. */
    PPS,
    /** Its part of a split by weights defined outside (Qtum PPMU, PegNet's accountant). */
    WEIGHT,
    /** A correction entered by an operator. */
    ADJUSTMENT;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CreditKind ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
