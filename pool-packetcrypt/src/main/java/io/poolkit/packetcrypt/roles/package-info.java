/**
 * Assembles each PacketCrypt pool role from the shared pool.yml: its HTTP server, its periodic
 * jobs (tip polling, pay log uploads, payout updates) and a clean stop.
 */
package io.poolkit.packetcrypt.roles;
