package io.poolkit.qtum.ppmu;

/**
 * One delegate UTXO as {@code getaddressutxos} reports it.
 *
 * @param satoshis value
 * @param height height of the block that created it
 */
public record Utxo(long satoshis, int height) {
    public Utxo {
        if (satoshis < 0) {
            throw new IllegalArgumentException("UTXO value must be >= 0 satoshis, got " + satoshis);
        }
    }
}
