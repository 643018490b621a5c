/**
 * The accounting store shared by the stratum pool and the payout engine: accepted shares, found
 * blocks and their maturity, credits, balances, and payouts with their outputs, on JDBC (a SQLite
 * file by default, PostgreSQL for stores that several stratum servers share) with Flyway migrations.
 * {@link io.poolkit.core.ledger.LedgerStore} opens a store and hands out typed repositories; no SQL
 * lives outside this package. {@link io.poolkit.core.ledger.ShareRecorder} is the batching writer
 * that network threads give accepted shares and found blocks to. Amounts are {@code long} base units.
 */
package io.poolkit.core.ledger;
