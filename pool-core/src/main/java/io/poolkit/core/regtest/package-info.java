/**
 * A real bcoin regtest node for tests and demos: installs bcoin from npm into a cache directory on
 * first use, starts it on free loopback ports with an in-memory chain, waits until its RPC answers,
 * offers typed calls for what tests need, and stops the process tree cleanly.
 */
package io.poolkit.core.regtest;
