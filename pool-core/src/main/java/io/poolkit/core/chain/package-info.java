/**
 * Chain structures shared by Bitcoin-derived coins: block header, transactions, merkle tree and the
 * stratum coinbase branch, block templates from getblocktemplate, the split coinbase stratum sends
 * (BIP34 height, extranonce slot, payout, witness commitment) and block assembly for submitblock.
 * Hashes are internal byte order unless a name says display.
 */
package io.poolkit.core.chain;
