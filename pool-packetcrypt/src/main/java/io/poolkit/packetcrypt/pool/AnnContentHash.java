package io.poolkit.packetcrypt.pool;

import io.poolkit.packetcrypt.crypto.Blake2b;
import java.util.Arrays;

/**
 * The content hash an announcement commits to: content shorter than 32 bytes is the hash itself
 * (zero padded); up to 64 bytes it is BLAKE2b-256 of the content zero padded to 64; longer content
 * is split at the largest power of two below its length and the two halves' content hashes are
 * hashed together.
 */
public final class AnnContentHash {

    private AnnContentHash() {
    }

    public static byte[] of(byte[] content) {
        if (content.length < 32) {
            return Arrays.copyOf(content, 32);
        }
        byte[] block;
        if (content.length <= 64) {
            block = Arrays.copyOf(content, 64);
        } else {
            int half = Integer.highestOneBit(content.length - 1);
            block = new byte[64];
            System.arraycopy(of(Arrays.copyOfRange(content, 0, half)), 0, block, 0, 32);
            System.arraycopy(of(Arrays.copyOfRange(content, half, content.length)), 0, block, 32, 32);
        }
        return Blake2b.hash32(block);
    }
}
