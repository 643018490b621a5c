package io.poolkit.core.ledger;

/**
 * One output of a payout.
 *
 * @param address the receiving address
 * @param amount what the output debits from the address's confirmed balance, base units
 * @param fee the part of the transaction fee taken from this output (0 when the pool pays the fee);
 *     the address receives {@code amount - fee}
 */
public record PayoutOutput(String address, long amount, long fee) {

    public PayoutOutput {
        Checks.token("address", address, Checks.ADDRESS);
        Checks.positive("payout amount", amount);
        Checks.nonNegative("payout fee", fee);
        if (fee >= amount) {
            throw new IllegalArgumentException("the fee taken from the output to " + address + " (" + fee
                    + ") must be less than its amount (" + amount + ")");
        }
    }

    /** What reaches the address: {@code amount - fee}. */
    public long net() {
        return amount - fee;
    }
}
