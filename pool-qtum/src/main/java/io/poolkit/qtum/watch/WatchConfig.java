package io.poolkit.qtum.watch;

import io.poolkit.qtum.consensus.QtumChain;
import io.poolkit.qtum.ppmu.Rounding;
import java.nio.file.Path;

/**
 * What the watcher needs to know.
 *
 * @param chain main or testnet (address versions, maturity by height)
 * @param myStaker the super staker's address (PPM {@code myMinerAddress})
 * @param orphanDelay blocks to stay behind the tip (PPM: 5)
 * @param requiredFeePercent minimum delegation fee (100 for a pool)
 * @param minUtxoSats minimum UTXO counted in a delegate's weight (qtumd {@code -stakingminutxovalue})
 * @param rounding how each block's reward is split
 * @param dataDir where {@code currentpoolshare.csv} and {@code poolshare/} live
 * @param startHeight height to start from when there is no state yet (the first block processed is
 *        {@code startHeight + 1})
 */
public record WatchConfig(QtumChain chain, String myStaker, int orphanDelay, int requiredFeePercent, long minUtxoSats,
        Rounding rounding, Path dataDir, int startHeight) {

    public WatchConfig {
        if (orphanDelay < 0) {
            throw new IllegalArgumentException("orphanDelay must be >= 0, got " + orphanDelay);
        }
        io.poolkit.core.address.Addresses.parse(myStaker, chain.network());
    }
}
