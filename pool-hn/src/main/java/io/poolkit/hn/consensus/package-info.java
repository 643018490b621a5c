/**
 * Agreeing on a chain: the chain status nodes exchange ({@link io.poolkit.hn.consensus.ChainHeight}),
 * the order that picks the best chain, the consensus percentage (rounded half to even, as Python
 * rounds) and the weekly reward score.
 */
package io.poolkit.hn.consensus;
