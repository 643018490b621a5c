/**
 * Bismuth hypernode (HN) primitives, a port of the reference hypernode (beta99 branch) that must
 * agree with it bit for bit. The subpackages split the work: {@code round} (time to round and
 * slot), {@code random} (CPython's {@code random}), {@code crypto} (PoS addresses, signatures),
 * {@code chain} (transactions and blocks), {@code registration} (the HN list from the PoW chain),
 * {@code schedule} (tickets, forgers, tests, connect_to), {@code consensus} and {@code wire}.
 */
package io.poolkit.hn;
