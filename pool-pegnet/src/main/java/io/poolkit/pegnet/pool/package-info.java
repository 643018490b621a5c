/**
 * The Prosper pool's arithmetic: share difficulty against the pool target (PDiff), the submitter's exponential
 * moving average of the network's minimum difficulty (exact integers, floor division), and the accountant's
 * fee, proportions and payouts with upstream's exact decimal rounding.
 */
package io.poolkit.pegnet.pool;
