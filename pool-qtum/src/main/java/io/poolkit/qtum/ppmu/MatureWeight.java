package io.poolkit.qtum.ppmu;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PPMU weight rules. A UTXO counts when {@code height <= tip - maturity - orphanDelay} (it was mature
 * when the delayed block was staked; this equals the consensus rule {@code H - h >= maturity}) and
 * {@code satoshis >= minUtxoSats}. A delegation counts only when its fee is at least the required
 * fee. Delegations of weight 0 are left out of the eligible set.
 *
 * @param maturity coinbase maturity for the rewarded block (500 or 2000, see
 *        {@link io.poolkit.qtum.consensus.QtumChain#coinbaseMaturity(int)})
 * @param orphanDelay blocks the watcher stays behind the tip
 * @param minUtxoSats minimum UTXO value (qtumd {@code -stakingminutxovalue})
 * @param requiredFeePercent minimum delegation fee (100 for a pool)
 */
public record MatureWeight(int maturity, int orphanDelay, long minUtxoSats, int requiredFeePercent) {

    /** The highest UTXO height that counts at {@code tipHeight}. */
    public int matureHeightLimit(int tipHeight) {
        return tipHeight - maturity - orphanDelay;
    }

    /** The weight of a set of UTXOs at {@code tipHeight}. */
    public long weight(Collection<Utxo> utxos, int tipHeight) {
        int limit = matureHeightLimit(tipHeight);
        long sum = 0;
        for (Utxo u : utxos) {
            if (u.height() <= limit && u.satoshis() >= minUtxoSats) {
                sum = Math.addExact(sum, u.satoshis());
            }
        }
        return sum;
    }

    /** The weight of one delegation: 0 when its fee is below the required fee. */
    public long weight(Delegation delegation, int tipHeight) {
        return delegation.feePercent() < requiredFeePercent ? 0 : weight(delegation.utxos(), tipHeight);
    }

    /** The eligible set (weight above 0), in the order given. */
    public Map<String, Long> eligible(Collection<Delegation> delegations, int tipHeight) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Delegation d : delegations) {
            long w = weight(d, tipHeight);
            if (w > 0) {
                out.merge(d.delegate(), w, Math::addExact);
            }
        }
        return out;
    }
}
