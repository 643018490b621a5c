package io.poolkit.packetcrypt.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Whatever the set and the four item numbers, the verifier accepts exactly the prover's proof. */
class AnnProofProperties {

    @Property(tries = 150)
    void proofsVerifyToTheRoot(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int count) throws Exception {
        Random r = new Random(seed);
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] h = new byte[32];
            r.nextBytes(h);
            hashes.add(h);
        }
        AnnProofBuilder tree = AnnProofBuilder.of(hashes);
        long[] items = {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()};
        if (r.nextInt(4) == 0) {
            items[3] = items[0]; // the same announcement twice
        }
        byte[][] annHashes = new byte[4][];
        for (int i = 0; i < 4; i++) {
            annHashes[i] = tree.annHashFor(items[i]);
        }
        byte[] proof = tree.prove(items);
        assertArrayEquals(tree.pcpRoot(), ProofTree.pcpHash(annHashes, tree.annCount(), items, proof));

        if (proof.length > 0) {
            int bit = r.nextInt(8 * proof.length);
            proof[bit >>> 3] ^= (byte) (1 << (bit & 7));
            byte[] root;
            try {
                root = ProofTree.pcpHash(annHashes, tree.annCount(), items, proof);
            } catch (ProofTree.InvalidProofException e) {
                root = null;
            }
            assertTrue(root == null || !Arrays.equals(root, tree.pcpRoot()));
        }
    }

    /** Claiming a different count, or a hash from outside the set, does not give the root. */
    @Property(tries = 60)
    void wrongCountsAndHashesFail(@ForAll long seed, @ForAll @IntRange(min = 2, max = 100) int count) {
        Random r = new Random(seed);
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] h = new byte[32];
            r.nextBytes(h);
            hashes.add(h);
        }
        AnnProofBuilder tree = AnnProofBuilder.of(hashes);
        long[] items = {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()};
        byte[][] annHashes = new byte[4][];
        for (int i = 0; i < 4; i++) {
            annHashes[i] = tree.annHashFor(items[i]);
        }
        byte[] proof = tree.prove(items);
        assertTrue(fails(annHashes, tree.annCount() + 1, items, proof, tree.pcpRoot()));
        byte[][] other = annHashes.clone();
        other[1] = annHashes[1].clone();
        other[1][31] ^= 1;
        assertTrue(fails(other, tree.annCount(), items, proof, tree.pcpRoot()));
    }

    private static boolean fails(byte[][] hashes, long count, long[] items, byte[] proof, byte[] root) {
        try {
            return !Arrays.equals(root, ProofTree.pcpHash(hashes, count, items, proof));
        } catch (ProofTree.InvalidProofException e) {
            return true;
        }
    }
}
