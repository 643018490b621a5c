package io.poolkit.hn.registration;

/**
 * The weight of a collateral address at a PoW height: {@code min(3, floor(balance / 10000 BIS))},
 * or -1 when the balance is unknown (SQL NULL). {@link PowLedger} answers it from ledger rows.
 */
@FunctionalInterface
public interface WeightLookup {

    int weightAt(String powAddress, long blockHeight);
}
