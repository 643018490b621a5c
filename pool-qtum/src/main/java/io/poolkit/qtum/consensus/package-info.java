/**
 * Qtum consensus facts a pool needs: the block subsidy, coinbase maturity and target spacing by
 * height ({@link io.poolkit.qtum.consensus.QtumChain}) and the offline-staking reward split between
 * super staker and delegate ({@link io.poolkit.qtum.consensus.RewardSplit}). All amounts are satoshis.
 */
package io.poolkit.qtum.consensus;
