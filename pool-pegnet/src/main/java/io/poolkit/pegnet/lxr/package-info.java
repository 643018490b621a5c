/**
 * LXRHash, PegNet's memory-hard proof-of-work hash, with PegNet's parameters (seed
 * {@code 0xFAFAECECFAFAECEC}, 5 shuffle passes, 32-byte output) at any byte-map size from 8 to 30 bits.
 * {@link io.poolkit.pegnet.lxr.ByteMap} generates the shuffled table, {@link io.poolkit.pegnet.lxr.ByteMapCache}
 * keeps it on disk and verifies its SHA-256 before use, and {@link io.poolkit.pegnet.lxr.LxrHash} hashes.
 */
package io.poolkit.pegnet.lxr;
