/**
 * The hypernode list, read from the PoW chain as the reference's node plugin reads it:
 * {@code hypernode:register} and {@code hypernode:unregister} transactions processed in block
 * order with the plugin's validity rules, weights from the collateral balance at the registration
 * block, and an insertion-ordered result (the order of tickets, tests and connect_to).
 */
package io.poolkit.hn.registration;
