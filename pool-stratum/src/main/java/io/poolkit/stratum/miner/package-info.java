/**
 * A CPU stratum miner that behaves like cpuminer, for demos and tests.
 */
package io.poolkit.stratum.miner;
