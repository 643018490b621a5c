/**
 * PacketCrypt block proofs: the coinbase commitment, the PacketCrypt proof (PCP) entities that
 * follow a block header, the announcement proof tree, the block work hash and {@link
 * io.poolkit.packetcrypt.block.BlockValidator}, which gives the reference's result codes for
 * blocks and shares.
 */
package io.poolkit.packetcrypt.block;
