package io.poolkit.core.payout;

/**
 * Who pays a payout transaction's network fee. Either the pool pays it from its own funds (each
 * address receives exactly what it is owed), or a fixed amount is taken from each output (the
 * address receives {@code amount - fee}, the ledger records the fee per output, and the pool's wallet
 * pays the real network fee). A fixed, recorded fee keeps the ledger exact to the base unit whatever
 * fee the wallet picks.
 */
public sealed interface FeePolicy permits FeePolicy.PoolPays, FeePolicy.PerOutput {

    /** The fee taken from an output of {@code amount}. */
    long feeFor(long amount);

    /** The pool pays the transaction fee. */
    static FeePolicy poolPays() {
        return new PoolPays();
    }

    /** A fixed fee of {@code baseUnits} taken from each output. */
    static FeePolicy perOutput(long baseUnits) {
        return new PerOutput(baseUnits);
    }

    /** The pool pays the transaction fee; outputs are paid in full. */
    record PoolPays() implements FeePolicy {
        @Override
        public long feeFor(long amount) {
            return 0;
        }
    }

    /**
     * A fixed fee taken from each output.
     *
     * @param baseUnits the fee per output, positive
     */
    record PerOutput(long baseUnits) implements FeePolicy {
        public PerOutput {
            if (baseUnits <= 0) {
                throw new IllegalArgumentException("a per-output fee must be positive, got " + baseUnits);
            }
        }

        @Override
        public long feeFor(long amount) {
            return baseUnits;
        }
    }
}
