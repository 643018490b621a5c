/**
 * The PoS side chain's transactions ("messages") and blocks: their exact signed bytes, BLAKE2b
 * block hashes, SHA-1 ECDSA signatures, the receive checks, and the genesis block.
 */
package io.poolkit.hn.chain;
