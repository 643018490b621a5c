package io.poolkit.hn.registration;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A row of the PoW node's {@code transactions} table, the fields registration needs. Amounts are
 * in base units of 10^-8 BIS.
 *
 * @param blockHeight PoW block height
 * @param timestamp   transaction timestamp, unix seconds with the fraction the PoW chain stores
 * @param address     sender
 * @param recipient   recipient
 * @param amount      amount sent, base units
 * @param fee         fee paid by the sender, base units
 * @param reward      mining reward (positive only on a block's reward row), base units
 * @param operation   the operation field, e.g. {@code hypernode:register}
 * @param openfield   the openfield (the data of the operation)
 */
public record PowLedgerRow(long blockHeight, BigDecimal timestamp, String address, String recipient, long amount,
                           long fee, long reward, String operation, String openfield) {

    /** Base units in one BIS. */
    public static final long UNITS_PER_BIS = 100_000_000L;

    public PowLedgerRow {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(openfield, "openfield");
    }

    /** Converts a decimal BIS amount (at most 8 decimals) to base units. */
    public static long units(BigDecimal bis) {
        try {
            return bis.movePointRight(8).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("BIS amount " + bis.toPlainString()
                    + " has more than 8 decimals or is too large", e);
        }
    }
}
