/**
 * PacketCrypt announcements ("anns"): the 1024-byte layout, v1 item generation, the 8192-item
 * merkle proof and {@link io.poolkit.packetcrypt.ann.AnnValidator}, which checks an announcement
 * against its parent block hash and returns the work hash or the reference's result code.
 */
package io.poolkit.packetcrypt.ann;
