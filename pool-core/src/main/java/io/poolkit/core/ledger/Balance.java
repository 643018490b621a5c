package io.poolkit.core.ledger;

import java.util.Objects;

/**
 * What the pool owes an address on one chain, in base units.
 *
 * @param chain the chain
 * @param address the address
 * @param pending credits of blocks that have not matured yet
 * @param confirmed confirmed credits not yet planned into a payout: what a payout may take
 * @param inFlight outputs of payouts that are planned or being sent
 * @param paid outputs of payouts that were sent (including any fee taken from them)
 */
public record Balance(String chain, String address, long pending, long confirmed, long inFlight, long paid) {

    public Balance {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(address, "address");
    }

    /** The balance of an address the ledger has never credited. */
    public static Balance zero(String chain, String address) {
        return new Balance(chain, address, 0, 0, 0, 0);
    }

    /** Everything ever credited and still owed or paid: confirmed + in flight + paid. */
    public long earned() {
        return Math.addExact(Math.addExact(confirmed, inFlight), paid);
    }
}
