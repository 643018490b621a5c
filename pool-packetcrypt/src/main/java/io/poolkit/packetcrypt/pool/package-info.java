/**
 * Helpers of the node.js PacketCrypt pool (Master, AnnHandler, BlkHandler, PayMaker) that pool
 * roles need to interoperate: its IEEE-double work arithmetic (reproduced deliberately, never used
 * to accept work), share ids, announcement content hashes, the pool's per-height signing keys and
 * the {@code work_<height>.bin} file.
 */
package io.poolkit.packetcrypt.pool;
