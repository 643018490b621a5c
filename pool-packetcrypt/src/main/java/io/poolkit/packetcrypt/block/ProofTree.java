package io.poolkit.packetcrypt.block;

import io.poolkit.packetcrypt.crypto.Blake2b;
import io.poolkit.packetcrypt.crypto.Words;
import java.util.Arrays;

/**
 * Verifies the announcement proof of a PacketCrypt proof and computes the tree root it commits
 * to (pktd's {@code PcpHash}). The tree is a merkle tree of {@code hash(32) || start(u64) ||
 * end(u64)} entries over the sorted announcement hashes, with an all-zero entry first, so that a
 * proof also shows that no announcement appears twice. The verifier builds the part of the tree
 * above the four proven announcements, reads the ranges and hashes it cannot compute from the
 * proof, and propagates starts, ends, ranges and hashes until the root is known.
 */
final class ProofTree {

    static final int COMPUTABLE = 1;
    static final int PAD_ENTRY = 1 << 1;
    static final int LEAF = 1 << 2;
    static final int RIGHT = 1 << 3;
    static final int PAD_SIBLING = 1 << 4;
    static final int FIRST = 1 << 5;
    static final int HAS_HASH = 1 << 8;
    static final int HAS_RANGE = 1 << 9;
    static final int HAS_START = 1 << 10;
    static final int HAS_END = 1 << 11;
    private static final int ROOT_FLAGS = COMPUTABLE | FIRST | HAS_HASH | HAS_RANGE | HAS_START | HAS_END;

    /** A proof that does not verify. */
    static final class InvalidProofException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidProofException(String message) {
            super(message);
        }
    }

    private final long count;
    private final long[] positions;
    private final int height;
    private final int[] flags;
    private final long[] start;
    private final long[] end;
    private final long[] range;
    private final byte[][] hash;
    private final int[] parent;
    private final int[] left;
    private final int[] right;
    private final long[] bits;
    private final int[] depth;
    private int size;
    private final Blake2b blake = new Blake2b();
    private final byte[] pair = new byte[96];

    /** Builds the pruned tree for leaf {@code positions} (already shifted past the zero entry) of {@code count} leaves. */
    ProofTree(long count, long[] positions) throws InvalidProofException {
        this.count = count;
        this.positions = positions;
        this.height = 64 - Long.numberOfLeadingZeros(count - 1);
        int capacity = 8 * (height + 1) + 1;
        flags = new int[capacity];
        start = new long[capacity];
        end = new long[capacity];
        range = new long[capacity];
        hash = new byte[capacity][];
        parent = new int[capacity];
        left = new int[capacity];
        right = new int[capacity];
        bits = new long[capacity];
        depth = new int[capacity];
        for (long p : positions) {
            if (Long.compareUnsigned(p, count) >= 0) {
                throw new InvalidProofException("announcement position beyond the tree");
            }
        }
        makeEntries(0, height, -1);
    }

    /**
     * The root hash {@code b2_32(root || le64(0) || le64(2^64-1))} for the four announcement
     * hashes at the block's item numbers {@code indexes} in a set of {@code annCount} announcements.
     */
    static byte[] pcpHash(byte[][] annHashes, long annCount, long[] indexes, byte[] proof) throws InvalidProofException {
        if (annCount == 0 || annCount == -1L) {
            throw new InvalidProofException("announcement count " + Long.toUnsignedString(annCount) + " cannot be proven");
        }
        long[] positions = new long[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            positions[i] = Long.remainderUnsigned(indexes[i], annCount) + 1;
        }
        ProofTree tree = new ProofTree(annCount + 1, positions);
        return tree.verify(annHashes, proof);
    }

    private byte[] verify(byte[][] annHashes, byte[] proof) throws InvalidProofException {
        // A leaf whose right neighbour is the pad ends where the pad starts (2^64-1). The reference
        // C verifier knows this; pktd's Go verifier never propagates it and so cannot complete a
        // tree in which the last announcement is proven while the leaf count is odd. Follow C.
        for (int e = 0; e < size; e++) {
            if (has(e, LEAF | PAD_SIBLING) && !setEnd(e, -1L)) {
                throw new InvalidProofException("announcement next to the pad entry conflicts");
            }
        }
        for (int i = 0; i < positions.length; i++) {
            if (!setHash(annEntry(positions[i]), annHashes[i])) {
                throw new InvalidProofException("announcement hashes conflict (duplicate data)");
            }
        }
        int at = 0;
        for (int e = 0; e < size; e++) {
            if (hasExplicitRange(flags[e])) {
                if (proof.length - at < 8) {
                    throw new InvalidProofException("announcement proof is too short");
                }
                long r = Words.getLong(proof, at);
                at += 8;
                if (!setRange(e, r)) {
                    throw new InvalidProofException("a range in the announcement proof conflicts (duplicate data)");
                }
            }
            if ((flags[e] & (HAS_HASH | COMPUTABLE)) == 0) {
                if (proof.length - at < 32) {
                    throw new InvalidProofException("announcement proof is too short");
                }
                byte[] h = Arrays.copyOfRange(proof, at, at + 32);
                at += 32;
                if (!setHash(e, h)) {
                    throw new InvalidProofException("a hash in the announcement proof conflicts (duplicate data)");
                }
            }
        }
        if (at != proof.length) {
            throw new InvalidProofException("announcement proof has " + (proof.length - at) + " extra bytes");
        }
        if (flags[0] != ROOT_FLAGS) {
            throw new InvalidProofException("the proof does not determine the tree root");
        }
        if (start[0] != 0 || end[0] != -1L || range[0] != -1L) {
            throw new InvalidProofException("the tree root does not span the whole key range");
        }
        byte[] rootEntry = new byte[48];
        System.arraycopy(hash[0], 0, rootEntry, 0, 32);
        Arrays.fill(rootEntry, 40, 48, (byte) 0xff);
        return Blake2b.hash32(rootEntry);
    }

    /** Number of nodes in the pruned tree, in pre-order. */
    int size() {
        return size;
    }

    int flags(int e) {
        return flags[e];
    }

    /** The first leaf position a node covers, and its depth above the leaves. */
    long bits(int e) {
        return bits[e];
    }

    int depth(int e) {
        return depth[e];
    }

    static boolean hasExplicitRange(int flags) {
        if ((flags & (LEAF | RIGHT | PAD_ENTRY)) == (LEAF | RIGHT)) {
            return true;
        }
        return (flags & (LEAF | COMPUTABLE | PAD_ENTRY | PAD_SIBLING)) == 0;
    }

    private static long mask(int d) {
        return d >= 64 ? 0 : -1L << d;
    }

    private void makeEntries(long nodeBits, int d, int parentNode) throws InvalidProofException {
        int e = size++;
        parent[e] = parentNode;
        bits[e] = nodeBits;
        depth[e] = d;
        left[e] = -1;
        right[e] = -1;
        long m = mask(d);
        int f = 0;
        if (d < 64 && ((nodeBits >>> d) & 1) == 1) {
            f |= RIGHT;
        }
        if (d == 0) {
            f |= LEAF;
        }
        if ((nodeBits & m) == 0) {
            f |= FIRST | HAS_START;
        }
        for (long p : positions) {
            if (((p ^ nodeBits) & m) != 0) {
                continue;
            }
            flags[e] = f | COMPUTABLE;
            if ((f & LEAF) != 0) {
                return;
            }
            left[e] = size;
            makeEntries(nodeBits, d - 1, e);
            right[e] = size;
            makeEntries(nodeBits | (1L << (d - 1)), d - 1, e);
            if ((flags[right[e]] & PAD_ENTRY) != 0) {
                if ((flags[left[e]] & COMPUTABLE) == 0) {
                    throw new InvalidProofException("pad sibling which is not computable");
                }
                flags[left[e]] |= PAD_SIBLING;
            }
            return;
        }
        if (Long.compareUnsigned(nodeBits, count) >= 0) {
            // A pad: past the last entry. (pktd's "right-side pad entry" check reads the node's
            // flags before they are set, so it never fires; right-hand pads are normal.)
            flags[e] = f | PAD_ENTRY | HAS_HASH | HAS_RANGE | HAS_START | HAS_END;
            hash[e] = new byte[32];
            Arrays.fill(hash[e], (byte) 0xff);
            start[e] = -1L;
            end[e] = -1L;
            return;
        }
        flags[e] = f;
    }

    private int annEntry(long position) throws InvalidProofException {
        int e = 0;
        for (int d = height; d > 0; d--) {
            e = ((position >>> (d - 1)) & 1) == 1 ? right[e] : left[e];
            if (e < 0) {
                throw new InvalidProofException("announcement is not in the tree");
            }
        }
        if ((flags[e] & (LEAF | COMPUTABLE)) != (LEAF | COMPUTABLE)) {
            throw new InvalidProofException("announcement entry is not a computable leaf");
        }
        return e;
    }

    private int sibling(int e) {
        int p = parent[e];
        if (p < 0) {
            return -1;
        }
        return (flags[e] & RIGHT) != 0 ? left[p] : right[p];
    }

    private boolean has(int e, int wanted) {
        return (flags[e] & wanted) == wanted;
    }

    private boolean setHash(int e, byte[] h) {
        if (has(e, HAS_HASH)) {
            return Arrays.equals(hash[e], h);
        }
        hash[e] = h.clone();
        flags[e] |= HAS_HASH;
        if (has(e, LEAF)) {
            return setStart(e, Words.getLong(h, 0));
        }
        return recompute(e);
    }

    private boolean setStart(int e, long s) {
        if (has(e, HAS_START)) {
            return s == start[e];
        }
        start[e] = s;
        flags[e] |= HAS_START;
        if (has(e, RIGHT) && !setEnd(sibling(e), s)) {
            return false;
        }
        return recompute(e);
    }

    private boolean setEnd(int e, long s) {
        if (has(e, HAS_END)) {
            return s == end[e];
        }
        end[e] = s;
        flags[e] |= HAS_END;
        if (!has(e, RIGHT)) {
            int sib = sibling(e);
            if (sib >= 0 && !setStart(sib, s)) {
                return false;
            }
        }
        return recompute(e);
    }

    private boolean setRange(int e, long r) {
        if (has(e, HAS_RANGE)) {
            return r == range[e];
        }
        range[e] = r;
        flags[e] |= HAS_RANGE;
        return recompute(e);
    }

    private boolean recompute(int e) {
        if (has(e, HAS_START | HAS_END | HAS_RANGE)) {
            if (!has(e, HAS_HASH)) {
                return true;
            }
            int sib = sibling(e);
            if (sib < 0 || !has(sib, HAS_START | HAS_END | HAS_RANGE | HAS_HASH)) {
                return true;
            }
            int a = has(e, RIGHT) ? sib : e;
            int b = has(e, RIGHT) ? e : sib;
            System.arraycopy(hash[a], 0, pair, 0, 32);
            Words.putLong(pair, 32, start[a]);
            Words.putLong(pair, 40, end[a]);
            System.arraycopy(hash[b], 0, pair, 48, 32);
            Words.putLong(pair, 80, start[b]);
            Words.putLong(pair, 88, end[b]);
            byte[] parentHash = new byte[32];
            blake.hash32(pair, 0, 96, parentHash, 0);
            int p = parent[e];
            return setHash(p, parentHash) && setStart(p, start[a]) && setEnd(p, end[b]);
        } else if (has(e, HAS_START | HAS_END)) {
            return setRange(e, end[e] - start[e]);
        } else if (has(e, HAS_END | HAS_RANGE)) {
            return setStart(e, end[e] - range[e]);
        } else if (has(e, HAS_START | HAS_RANGE)) {
            return setEnd(e, range[e] + start[e]);
        }
        return true;
    }
}
