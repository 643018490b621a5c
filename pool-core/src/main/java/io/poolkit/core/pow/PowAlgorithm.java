package io.poolkit.core.pow;

import io.poolkit.core.target.DifficultyScale;

/**
 * A proof-of-work algorithm as a pool sees it: its name, its difficulty scale (diff1 and hashes per
 * difficulty-1 share), and the PoW hash of an 80-byte block header. Implementations are thread
 * safe (they keep per-thread scratch).
 */
public interface PowAlgorithm {

    /** Registry name: {@code sha256d}, {@code scrypt}, {@code scryptn}, {@code x11}. */
    String name();

    /** diff1 and hashes per share of this algorithm's share difficulties. */
    DifficultyScale difficultyScale();

    /**
     * The PoW hash of {@code header80}, 32 bytes as the function produces them (a little-endian
     * number to compare with a target). The header must be exactly 80 bytes.
     */
    default byte[] hashHeader(byte[] header80) {
        byte[] out = new byte[32];
        hashHeader(header80, out);
        return out;
    }

    /** Writes the PoW hash of {@code header80} into {@code out32}. */
    void hashHeader(byte[] header80, byte[] out32);

    /**
     * True if the PoW hash is also the block hash (X11 coins); otherwise the block hash is
     * SHA256d of the header.
     */
    boolean powHashIsBlockHash();

    /** Fails unless {@code header} is 80 bytes. */
    static void requireHeader(byte[] header) {
        if (header.length != 80) {
            throw new IllegalArgumentException("a block header is 80 bytes, got " + header.length);
        }
    }
}
