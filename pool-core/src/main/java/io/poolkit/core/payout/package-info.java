/**
 * The payout engine: exact reward splitting (a weight splitter and the PROP, PPLNS, SOLO and PPS
 * schemes with a pool fee and a finder bonus), block maturity against the node, the payout planner
 * with its minimum and carry-over, the sendmany batcher, and the crash-safe payout runner. Amounts
 * are {@code long} base units; every split sums exactly to what it splits.
 */
package io.poolkit.core.payout;
