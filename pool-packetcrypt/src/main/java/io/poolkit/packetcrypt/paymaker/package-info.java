/**
 * The PayMaker role: receives the handlers' pay logs ({@code POST /events}), credits block shares
 * and announcements exactly as the node.js PayMaker does (its double arithmetic, one-minute ann
 * slots and dedup rules reproduced deliberately), computes the PPLNS split ({@code /whotopay}),
 * tells the node whom to pay, and keeps every accepted log in the ledger so a restart loses nothing.
 */
package io.poolkit.packetcrypt.paymaker;
