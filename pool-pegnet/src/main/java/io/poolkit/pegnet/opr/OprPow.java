package io.poolkit.pegnet.opr;

/**
 * The proof of work of an OPR: {@code first8(LXRHash(oprhash || nonce))} as an unsigned big-endian 64-bit value
 * ({@link io.poolkit.pegnet.lxr.LxrHash#difficulty} over the 30-bit table on mainnet).
 */
@FunctionalInterface
public interface OprPow {

    /** The difficulty of {@code nonce} for the record whose SHA-256 is {@code oprHash}. */
    long difficulty(byte[] oprHash, byte[] nonce);
}
