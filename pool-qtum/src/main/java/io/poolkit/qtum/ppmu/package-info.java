/**
 * PPMU ("Pay Per Mature UTXO"): the weight of each eligible delegation (its mature UTXOs at or above
 * the minimum size) and the split of a pool block's reward by weight, either exactly (every satoshi
 * allocated) or with PPM's per-delegate half-even rounding.
 */
package io.poolkit.qtum.ppmu;
