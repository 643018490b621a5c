package io.poolkit.packetcrypt.block;

import io.poolkit.packetcrypt.ann.Announcement;
import io.poolkit.packetcrypt.crypto.Blake2b;
import io.poolkit.packetcrypt.crypto.CryptoCycle;

/**
 * The block work hash: {@code S = init(b2_32(header), nonce)}, then for each of the four
 * announcements record {@code le64(S[16:24])} as its item number and {@code update(S, ann)}, then
 * {@code smul} and {@code final}; the work hash is {@code S[0:32]}. Not thread safe.
 */
final class BlockPow {

    private final CryptoCycle cycle = new CryptoCycle();
    private final byte[] state = new byte[CryptoCycle.STATE_SIZE];
    private final byte[] ann = new byte[Announcement.SIZE];

    /** Computes the work hash into {@code workHashOut} and the item numbers into {@code itemNumbersOut}. */
    void compute(byte[] header80, PacketCryptProof pcp, byte[] workHashOut, long[] itemNumbersOut) {
        byte[] headerHash = Blake2b.hash32(header80);
        cycle.init(state, headerHash, 0, pcp.nonce() & 0xffffffffL);
        for (int j = 0; j < PacketCryptProof.NUM_ANNS; j++) {
            itemNumbersOut[j] = CryptoCycle.itemNo(state);
            pcp.announcements().get(j).copyTo(ann, 0);
            cycle.update(state, ann, 0);
        }
        cycle.smul(state);
        cycle.finish(state);
        System.arraycopy(state, 0, workHashOut, 0, 32);
    }
}
