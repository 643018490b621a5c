package io.poolkit.packetcrypt.ann;

import io.poolkit.packetcrypt.crypto.Blake2b;
import java.util.Arrays;

/**
 * The merkle proof of one item in an announcement's 8192-item table: BLAKE2b-512 leaves
 * ({@code b2_64(item)}) and nodes ({@code b2_64(left || right)}), 13 sibling hashes from the bottom
 * up, then the 64-byte root.
 */
final class AnnMerkle {

    private final byte[] buf = new byte[128];

    /**
     * True if {@code itemHash} at index {@code itemNo} (0-8191) with the branch at
     * {@code ann[off+88..off+920)} hashes to the root at {@code ann[off+920..off+984)}.
     */
    boolean isValid(Blake2b blake, byte[] ann, int off, byte[] itemHash, int itemNo) {
        int index = itemNo;
        System.arraycopy(itemHash, 0, buf, 64 * (index & 1), 64);
        for (int i = 0; i < Announcement.MERKLE_DEPTH; i++) {
            System.arraycopy(ann, off + Announcement.BRANCH_OFFSET + 64 * i, buf, 64 * (~index & 1), 64);
            index >>>= 1;
            blake.hash64(buf, 0, 128, buf, 64 * (index & 1));
        }
        int at = 64 * (index & 1);
        int root = off + Announcement.ROOT_OFFSET;
        return Arrays.equals(buf, at, at + 64, ann, root, root + 64);
    }
}
