/**
 * PacketCrypt difficulty rules in exact integer arithmetic: work for a target, the effective block
 * target from block work, announcement work and announcement count, announcement aging, the
 * minimum announcement difficulty check and the soft-nonce limit of v1 announcements.
 */
package io.poolkit.packetcrypt.difficulty;
