package io.poolkit.qtum.ppmu;

import java.util.List;

/**
 * A delegation to our super staker with the delegate's UTXOs.
 *
 * @param delegate the delegate's address text
 * @param feePercent the delegation fee, 0..100
 * @param utxos the delegate address's UTXOs
 */
public record Delegation(String delegate, int feePercent, List<Utxo> utxos) {
    public Delegation {
        utxos = List.copyOf(utxos);
        if (feePercent < 0 || feePercent > 100) {
            throw new IllegalArgumentException("delegation fee must be 0..100, got " + feePercent + " for " + delegate);
        }
    }
}
