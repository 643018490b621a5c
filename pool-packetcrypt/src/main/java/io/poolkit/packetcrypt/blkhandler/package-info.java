/**
 * The BlkHandler role: {@code POST /submit} of block shares, checked against the current work and
 * the PacketCrypt proof rules, signed for the pool's announcements, passed to the node with
 * {@code checkpcshare} (and {@code submitblock} when a share is a block), with share and block
 * events for the PayMaker.
 */
package io.poolkit.packetcrypt.blkhandler;
