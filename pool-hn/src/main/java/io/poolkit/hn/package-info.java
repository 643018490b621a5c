/**
 * Bismuth hypernode primitives: round clock, tickets, forger schedule, PoS addresses, signatures
 * and wire frames. This artifact is being built; see the README.
 */
package io.poolkit.hn;
