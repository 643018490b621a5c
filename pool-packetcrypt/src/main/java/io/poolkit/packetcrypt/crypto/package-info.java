/**
 * PacketCrypt's cryptographic building blocks: ChaCha20 keystreams ({@link
 * io.poolkit.packetcrypt.crypto.ChaCha20}, {@link io.poolkit.packetcrypt.crypto.HashExpand}),
 * BLAKE2b hashing and the 2048-byte CryptoCycle state machine. The primitives come from Bouncy
 * Castle; classes here hold reusable scratch state and are not thread safe: keep one per thread.
 */
package io.poolkit.packetcrypt.crypto;
