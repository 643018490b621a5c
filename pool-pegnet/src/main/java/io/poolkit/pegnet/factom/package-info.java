/**
 * Talking to factomd: its v2 JSON-RPC API (heights, current minute, chain heads, entry blocks, entries, commit and
 * reveal), entry-credit keys and signed entry commits, and the minute keeper that closes submissions around the
 * block boundary.
 */
package io.poolkit.pegnet.factom;
