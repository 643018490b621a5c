/**
 * The daily payout as PPM does it, without its bugs: threshold with the pool fee, net amounts in
 * satoshis, carry-over of small shares, revenue counted once per payout, and sendmany batches of at
 * most 500 outputs.
 */
package io.poolkit.qtum.payout;
