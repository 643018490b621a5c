/**
 * qtumd JSON-RPC responses read into values: coinstake transactions (0.19/0.20-era shapes with
 * {@code addresses[]} and v23+ shapes with {@code address}), pool-block detection and the staker and
 * delegate rewards in exact satoshis.
 */
package io.poolkit.qtum.chain;
