/**
 * Files and timing compatible with Jackson Belove's PoolPayoutManager (PPM), so an operator can switch:
 * the pool share snapshots, the daily CSV log (row codes and the 21-column 100 row), log names,
 * payout and hourly trigger windows, the do-not-disturb table, and the PPMConfig.txt reader.
 */
package io.poolkit.qtum.ppm;
