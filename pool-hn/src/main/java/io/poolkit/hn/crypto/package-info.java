/**
 * HN cryptography: BLAKE2b hashes, PoS addresses (Base58 of a network byte, the BLAKE2b-160 of
 * the 64-byte public key, and a 4-byte BLAKE2b checksum) and ECDSA secp256k1 signatures over
 * SHA-1, as the reference signs and verifies them (raw r and s, high s accepted).
 */
package io.poolkit.hn.crypto;
