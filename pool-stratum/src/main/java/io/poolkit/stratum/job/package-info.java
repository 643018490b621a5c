/**
 * Stratum jobs: the coinbase split around the extranonce slot, the merkle branch and header fields a
 * miner works on, and how a submitted share's header is rebuilt from them.
 */
package io.poolkit.stratum.job;
