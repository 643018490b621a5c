package io.poolkit.packetcrypt.ann;

import io.poolkit.core.bytes.LittleEndian;
import io.poolkit.packetcrypt.crypto.Blake2b;
import io.poolkit.packetcrypt.crypto.CryptoCycle;
import io.poolkit.packetcrypt.difficulty.PcDifficulty;

/**
 * The buffers and primitives of one announcement check, reused from call to call. Follows pktd's
 * {@code CheckAnn} and the reference C {@code Validate_checkAnn} for v1 announcements under
 * PacketCrypt version 2 rules. Not thread safe: {@link AnnValidator} keeps one per thread.
 */
final class AnnWorkspace {

    /** The first parent height at which v1 announcements are allowed. */
    static final long FIRST_V1_PARENT_HEIGHT = 103869;
    private static final int HASH_LOOP_ITEMS = 4;
    private static final int DECRYPTED_BRANCH = Announcement.ROOT_OFFSET - Announcement.BRANCH_OFFSET;

    private final CryptoCycle cycle = new CryptoCycle();
    private final Blake2b blake = new Blake2b();
    private final ItemMaker items = new ItemMaker(cycle);
    private final AnnMerkle merkle = new AnnMerkle();

    private final byte[] header = new byte[Announcement.HEADER_SIZE + 64];
    private final byte[] annHash0 = new byte[64];
    private final byte[] annHash1 = new byte[64];
    private final byte[] seedInput = new byte[128];
    private final byte[] v1Seed = new byte[64];
    private final byte[] state = new byte[CryptoCycle.STATE_SIZE];
    private final byte[] item = new byte[CryptoCycle.ITEM_SIZE];
    private final byte[] itemHash = new byte[64];
    private final byte[] decrypted = new byte[Announcement.SIZE];
    private final byte[] workHash = new byte[32];

    /**
     * Checks the announcement at {@code ann[off..off+1024)} against the parent block hash (32
     * bytes, internal order, at {@code parent[parentOff..]}). When the hash loop completes (OK or
     * INSUF_POW) the work hash is copied into {@code workHashOut} if it is not null.
     */
    AnnCode check(byte[] ann, int off, byte[] parent, int parentOff, byte[] workHashOut) {
        int version = ann[off] & 0xff;
        long parentHeight = LittleEndian.readUint32(ann, off + 12);
        if (version > 0 && parentHeight < FIRST_V1_PARENT_HEIGHT) {
            return AnnCode.ANN_VERSION_NOT_ALLOWED;
        }
        if (version == 0) {
            return AnnCode.ANN_VERSION_MISMATCH;
        }
        int workBits = LittleEndian.readInt32(ann, off + 8);
        int softNonce = (ann[off + 1] & 0xff) | (ann[off + 2] & 0xff) << 8 | (ann[off + 3] & 0xff) << 16;
        if (softNonce > PcDifficulty.softNonceMax(workBits)) {
            return AnnCode.SOFT_NONCE_HIGH;
        }

        // annHash0 = b2_64(header with the soft nonce zeroed || parent hash || 32 zeros)
        System.arraycopy(ann, off, header, 0, Announcement.HEADER_SIZE);
        header[1] = 0;
        header[2] = 0;
        header[3] = 0;
        System.arraycopy(parent, parentOff, header, Announcement.HEADER_SIZE, 32);
        java.util.Arrays.fill(header, Announcement.HEADER_SIZE + 32, header.length, (byte) 0);
        blake.hash64(header, 0, header.length, annHash0, 0);
        // annHash1: the same with the merkle root in place of parent hash and zeros
        System.arraycopy(ann, off + Announcement.ROOT_OFFSET, header, Announcement.HEADER_SIZE, 64);
        blake.hash64(header, 0, header.length, annHash1, 0);

        // v1 seed = b2_64(root || annHash0): program from its first half, item seed its second
        System.arraycopy(ann, off + Announcement.ROOT_OFFSET, seedInput, 0, 64);
        System.arraycopy(annHash0, 0, seedInput, 64, 64);
        blake.hash64(seedInput, 0, seedInput.length, v1Seed, 0);
        if (!items.loadProgram(v1Seed, 0)) {
            return AnnCode.INVAL;
        }

        cycle.init(state, annHash1, 0, softNonce);
        int itemNo = 0;
        for (int i = 0; i < HASH_LOOP_ITEMS; i++) {
            itemNo = (int) (CryptoCycle.itemNo(state) & (ItemMaker.TABLE_SIZE - 1));
            if (!items.makeItem(itemNo, v1Seed, 32, item, 0)) {
                return AnnCode.INVAL;
            }
            cycle.update(state, item, 0);
        }
        cycle.finish(state);

        // Decrypt the branch and the last-item prefix with the final state.
        System.arraycopy(ann, off, decrypted, 0, Announcement.SIZE);
        for (int i = 0; i < DECRYPTED_BRANCH; i++) {
            decrypted[Announcement.BRANCH_OFFSET + i] ^= state[i];
        }
        for (int i = 0; i < Announcement.ITEM4_PREFIX_SIZE; i++) {
            decrypted[Announcement.ITEM4_PREFIX_OFFSET + i] ^= state[DECRYPTED_BRANCH + i];
        }
        for (int i = 0; i < Announcement.ITEM4_PREFIX_SIZE; i++) {
            if (decrypted[Announcement.ITEM4_PREFIX_OFFSET + i] != 0) {
                return AnnCode.INVAL_ITEM4;
            }
        }

        // The branch proves the item as the miner made it: from the annHash0 seeds.
        if (!items.loadProgram(annHash0, 0) || !items.makeItem(itemNo, annHash0, 32, item, 0)) {
            return AnnCode.INVAL;
        }
        blake.hash64(item, 0, item.length, itemHash, 0);
        if (!merkle.isValid(blake, decrypted, 0, itemHash, itemNo)) {
            return AnnCode.INVAL;
        }

        System.arraycopy(state, 0, workHash, 0, 32);
        if (workHashOut != null) {
            System.arraycopy(workHash, 0, workHashOut, 0, 32);
        }
        return PcDifficulty.meets(workHash, workBits) ? AnnCode.OK : AnnCode.INSUF_POW;
    }

    /** The 64-byte annHash0 of the last check (for diagnostics and tests). */
    byte[] annHash0() {
        return annHash0.clone();
    }

    byte[] annHash1() {
        return annHash1.clone();
    }

    byte[] v1Seed() {
        return v1Seed.clone();
    }

    ItemMaker items() {
        return items;
    }
}
