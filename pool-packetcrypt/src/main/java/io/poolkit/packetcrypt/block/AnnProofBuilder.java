package io.poolkit.packetcrypt.block;

import io.poolkit.core.bytes.ByteWriter;
import io.poolkit.packetcrypt.crypto.Blake2b;
import io.poolkit.packetcrypt.crypto.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The prover's side of the announcement proof tree, as a block miner builds it: announcement
 * hashes sorted by their first 8 bytes read as an unsigned little-endian key (keys 0 and
 * 2^64-1 dropped, duplicate keys kept once), an all-zero entry first, each entry
 * {@code hash || start || end} with {@code end} the next entry's start, layers padded with an
 * all-{@code ff} entry when odd, parents {@code b2_32(left48 || right48)}. {@link #prove} writes
 * the proof {@link BlockValidator} reads. Immutable.
 */
public final class AnnProofBuilder {

    private final List<byte[]> sorted;
    private final List<byte[][]> hashes = new ArrayList<>();
    private final List<long[]> starts = new ArrayList<>();
    private final List<long[]> ends = new ArrayList<>();
    private final byte[] pcpRoot;

    private AnnProofBuilder(List<byte[]> sorted) {
        this.sorted = sorted;
        int n = sorted.size() + 1;
        byte[][] h = new byte[n][];
        long[] s = new long[n];
        long[] e = new long[n];
        h[0] = new byte[32];
        for (int i = 1; i < n; i++) {
            h[i] = sorted.get(i - 1);
            s[i] = Words.getLong(h[i], 0);
        }
        for (int i = 0; i < n; i++) {
            e[i] = i + 1 < n ? s[i + 1] : -1L;
        }
        addLayer(h, s, e);
        byte[] entryPair = new byte[96];
        while (hashes.get(hashes.size() - 1).length > 1) {
            byte[][] ph = hashes.get(hashes.size() - 1);
            long[] ps = starts.get(starts.size() - 1);
            long[] pe = ends.get(ends.size() - 1);
            int m = ph.length / 2;
            byte[][] nh = new byte[m][];
            long[] ns = new long[m];
            long[] ne = new long[m];
            for (int i = 0; i < m; i++) {
                entry(ph[2 * i], ps[2 * i], pe[2 * i], entryPair, 0);
                entry(ph[2 * i + 1], ps[2 * i + 1], pe[2 * i + 1], entryPair, 48);
                nh[i] = Blake2b.hash32(entryPair);
                ns[i] = ps[2 * i];
                ne[i] = pe[2 * i + 1];
            }
            addLayer(nh, ns, ne);
        }
        byte[] root = new byte[48];
        entry(hashes.get(hashes.size() - 1)[0], 0, -1L, root, 0);
        pcpRoot = Blake2b.hash32(root);
    }

    /** Builds the tree over announcement hashes (32 bytes each). */
    public static AnnProofBuilder of(List<byte[]> annHashes) {
        List<byte[]> keep = new ArrayList<>();
        for (byte[] h : annHashes) {
            if (h.length != 32) {
                throw new IllegalArgumentException("announcement hashes are 32 bytes");
            }
            long key = Words.getLong(h, 0);
            if (key != 0 && key != -1L) {
                keep.add(h.clone());
            }
        }
        keep.sort(Comparator.<byte[]>comparingLong(h -> Words.getLong(h, 0) ^ Long.MIN_VALUE)
                .thenComparing(Arrays::compareUnsigned));
        List<byte[]> unique = new ArrayList<>();
        for (byte[] h : keep) {
            if (unique.isEmpty() || Words.getLong(unique.get(unique.size() - 1), 0) != Words.getLong(h, 0)) {
                unique.add(h);
            }
        }
        if (unique.isEmpty()) {
            throw new IllegalArgumentException("no usable announcement hash");
        }
        return new AnnProofBuilder(unique);
    }

    private void addLayer(byte[][] h, long[] s, long[] e) {
        if (h.length > 1 && (h.length & 1) == 1) {
            h = Arrays.copyOf(h, h.length + 1);
            s = Arrays.copyOf(s, s.length + 1);
            e = Arrays.copyOf(e, e.length + 1);
            h[h.length - 1] = ff32();
            s[s.length - 1] = -1L;
            e[e.length - 1] = -1L;
        }
        hashes.add(h);
        starts.add(s);
        ends.add(e);
    }

    private static byte[] ff32() {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) 0xff);
        return b;
    }

    private static void entry(byte[] hash, long start, long end, byte[] out, int off) {
        System.arraycopy(hash, 0, out, off, 32);
        Words.putLong(out, off + 32, start);
        Words.putLong(out, off + 40, end);
    }

    /** The number of announcements in the tree (after dropping unusable and duplicate keys). */
    public long annCount() {
        return sorted.size();
    }

    /** The announcement hashes in tree order. */
    public List<byte[]> sortedHashes() {
        return sorted.stream().map(byte[]::clone).toList();
    }

    /** The root entry's hash. */
    public byte[] rootHash() {
        return hashes.get(hashes.size() - 1)[0].clone();
    }

    /** The value committed in the coinbase: {@code b2_32(rootHash || le64(0) || le64(2^64-1))}. */
    public byte[] pcpRoot() {
        return pcpRoot.clone();
    }

    /** The announcement hash a block item number selects: position {@code itemNo % annCount + 1}. */
    public byte[] annHashFor(long itemNo) {
        return sorted.get((int) Long.remainderUnsigned(itemNo, sorted.size())).clone();
    }

    /** The announcement proof for the four announcements the block's item numbers select. */
    public byte[] prove(long[] itemNumbers) {
        long count = sorted.size();
        long[] positions = new long[itemNumbers.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = Long.remainderUnsigned(itemNumbers[i], count) + 1;
        }
        ProofTree tree;
        try {
            tree = new ProofTree(count + 1, positions);
        } catch (ProofTree.InvalidProofException e) {
            throw new IllegalStateException("cannot shape the proof tree: " + e.getMessage(), e);
        }
        ByteWriter w = new ByteWriter();
        for (int e = 0; e < tree.size(); e++) {
            int f = tree.flags(e);
            int d = tree.depth(e);
            int index = (int) (tree.bits(e) >>> d);
            if (ProofTree.hasExplicitRange(f)) {
                w.writeInt64Le(ends.get(d)[index] - starts.get(d)[index]);
            }
            if ((f & (ProofTree.COMPUTABLE | ProofTree.PAD_ENTRY)) == 0) {
                w.writeBytes(hashes.get(d)[index]);
            }
        }
        return w.toByteArray();
    }
}
