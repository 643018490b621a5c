package io.poolkit.packetcrypt.pool;

import io.poolkit.core.bytes.LittleEndian;
import io.poolkit.packetcrypt.crypto.Blake2b;
import java.util.Arrays;

/**
 * Share ids of the node.js pool: the first 16 bytes of BLAKE2b-256 of the block header, with the
 * first little-endian word XORed with the first word of the proof (the PCP nonce). Block miners
 * pick a BlkHandler by this id, and share events carry it as their event id.
 */
public final class ShareIds {

    private ShareIds() {
    }

    /** The 16-byte share id of a header and the proof bytes that follow it. */
    public static byte[] shareId(byte[] header, byte[] proof) {
        if (proof.length < 4) {
            throw new IllegalArgumentException("the proof must have at least 4 bytes");
        }
        byte[] h = Blake2b.hash32(header);
        LittleEndian.writeInt32(h, 0, LittleEndian.readInt32(h, 0) ^ LittleEndian.readInt32(proof, 0));
        return Arrays.copyOf(h, 16);
    }
}
