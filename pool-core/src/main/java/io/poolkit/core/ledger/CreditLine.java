package io.poolkit.core.ledger;

import java.util.Objects;

/**
 * One line of a split: an amount for an address. A split holds at most one line per address and kind.
 *
 * @param address who is credited
 * @param kind why
 * @param amount base units, not negative
 */
public record CreditLine(String address, CreditKind kind, long amount) {

    public CreditLine {
        Checks.token("address", address, Checks.ADDRESS);
        Objects.requireNonNull(kind, "kind");
        Checks.nonNegative("credit amount", amount);
    }
}
