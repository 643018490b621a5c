/**
 * Chain structures shared by Bitcoin-derived coins: the 80-byte block header, the transaction merkle
 * tree and the stratum coinbase branch. Hashes are internal byte order unless a name says display.
 */
package io.poolkit.core.chain;
