package io.poolkit.packetcrypt.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.packetcrypt.Vectors;
import io.poolkit.packetcrypt.ann.Announcement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Single-bit changes of a share's proof, header, commitment and parent hashes are rejected. */
class BlockRejectionTest {

    static final BlockValidator VALIDATOR = BlockVectorsTest.VALIDATOR;
    static final JsonNode V = Vectors.pcp().get("vectors").get("share");
    static final SerializedBlock BLOCK = SerializedBlock.parse(Vectors.hex(V.get("serialized_block_hex")));
    static final CoinbaseCommit COMMIT = BLOCK.commit().orElseThrow();
    static final long HEIGHT = V.get("block_height").asLong();
    static final int SHARE = BlockVectorsTest.bits(V.get("share_target"));

    static BlockResult validate(byte[] header, PacketCryptProof pcp, CoinbaseCommit commit, List<byte[]> parents) {
        return VALIDATOR.validate(header, pcp, commit, HEIGHT, SHARE, parents);
    }

    static PacketCryptProof withProof(byte[] annProof) {
        PacketCryptProof p = BLOCK.pcp();
        return new PacketCryptProof(p.nonce(), p.announcements(), p.signatures(), p.contentProof(), annProof, p.version());
    }

    @Test
    void theUnchangedShareIsAccepted() {
        assertEquals("SHARE_OK", validate(BLOCK.header(), BLOCK.pcp(), COMMIT, BlockVectorsTest.parents(V)).label());
    }

    /** Every bit of the announcement proof: the tree either fails to verify or reaches another root. */
    @Test
    void everyAnnProofBitFlipIsRejected() throws Exception {
        byte[] proof = BLOCK.pcp().annProof();
        byte[][] annHashes = new byte[4][];
        for (int i = 0; i < 4; i++) {
            annHashes[i] = BLOCK.pcp().announcements().get(i).hash();
        }
        long[] items = new long[4];
        new BlockPow().compute(BLOCK.header(), BLOCK.pcp(), new byte[32], items);
        assertTrue(Arrays.equals(COMMIT.pcpRoot(), ProofTree.pcpHash(annHashes, COMMIT.annCount(), items, proof)));
        for (int bit = 0; bit < 8 * proof.length; bit++) {
            proof[bit >>> 3] ^= (byte) (1 << (bit & 7));
            byte[] root;
            try {
                root = ProofTree.pcpHash(annHashes, COMMIT.annCount(), items, proof);
            } catch (ProofTree.InvalidProofException e) {
                root = null;
            }
            proof[bit >>> 3] ^= (byte) (1 << (bit & 7));
            assertTrue(root == null || !Arrays.equals(COMMIT.pcpRoot(), root), "bit " + bit);
        }
        // And through the validator, with the codes: a hash changes the root, a range breaks the tree.
        Set<String> codes = new java.util.HashSet<>();
        for (int bit = 0; bit < 8 * proof.length; bit += 61) {
            proof[bit >>> 3] ^= (byte) (1 << (bit & 7));
            BlockResult r = validate(BLOCK.header(), withProof(proof), COMMIT, BlockVectorsTest.parents(V));
            proof[bit >>> 3] ^= (byte) (1 << (bit & 7));
            assertTrue(r.code() == BlockCode.PCP_INVAL || r.code() == BlockCode.PCP_MISMATCH, "bit " + bit + " " + r);
            codes.add(r.code().name());
        }
        assertEquals(Set.of("PCP_INVAL", "PCP_MISMATCH"), codes);
    }

    @Test
    void truncatedOrExtendedProofsAreInvalid() {
        byte[] proof = BLOCK.pcp().annProof();
        assertEquals(BlockCode.PCP_INVAL, validate(BLOCK.header(), withProof(Arrays.copyOf(proof, proof.length - 1)),
                COMMIT, BlockVectorsTest.parents(V)).code());
        assertEquals(BlockCode.PCP_INVAL, validate(BLOCK.header(), withProof(Arrays.copyOf(proof, proof.length + 8)),
                COMMIT, BlockVectorsTest.parents(V)).code());
        assertEquals(BlockCode.PCP_INVAL, validate(BLOCK.header(), withProof(new byte[0]),
                COMMIT, BlockVectorsTest.parents(V)).code());
    }

    /** Every header bit changes the work hash and the item numbers; the proof no longer fits. */
    @Test
    void headerBitFlipsAreRejected() {
        byte[] header = BLOCK.header();
        for (int bit = 0; bit < 640; bit += 7) {
            header[bit >>> 3] ^= (byte) (1 << (bit & 7));
            BlockResult r = validate(header, BLOCK.pcp(), COMMIT, BlockVectorsTest.parents(V));
            header[bit >>> 3] ^= (byte) (1 << (bit & 7));
            assertFalse(r.ok(), "bit " + bit + " " + r);
            assertTrue(Set.of(BlockCode.PCP_INVAL, BlockCode.PCP_MISMATCH, BlockCode.INSUF_POW).contains(r.code()),
                    "bit " + bit + " " + r);
        }
    }

    @Test
    void nonceBitFlipsAreRejected() {
        PacketCryptProof p = BLOCK.pcp();
        for (int bit = 0; bit < 32; bit++) {
            PacketCryptProof q = new PacketCryptProof(p.nonce() ^ (1 << bit), p.announcements(), p.signatures(),
                    p.contentProof(), p.annProof(), p.version());
            BlockResult r = validate(BLOCK.header(), q, COMMIT, BlockVectorsTest.parents(V));
            assertTrue(Set.of(BlockCode.PCP_INVAL, BlockCode.PCP_MISMATCH, BlockCode.INSUF_POW).contains(r.code()),
                    "bit " + bit + " " + r);
        }
    }

    /** A changed announcement is invalid, in whichever position it sits. */
    @Test
    void announcementBitFlipsAreRejectedWithTheirIndex() {
        PacketCryptProof p = BLOCK.pcp();
        java.util.Random random = new java.util.Random(9);
        for (int i = 0; i < 4; i++) {
            for (int n = 0; n < 6; n++) {
                int bit = random.nextInt(8 * Announcement.SIZE);
                byte[] ann = p.announcements().get(i).bytes();
                ann[bit >>> 3] ^= (byte) (1 << (bit & 7));
                List<Announcement> anns = new ArrayList<>(p.announcements());
                anns.set(i, Announcement.of(ann));
                PacketCryptProof q = new PacketCryptProof(p.nonce(), anns, p.signatures(), p.contentProof(),
                        p.annProof(), p.version());
                BlockResult r = validate(BLOCK.header(), q, COMMIT, BlockVectorsTest.parents(V));
                assertEquals("ANN_INVALID(" + i + ")", r.label(), "ann " + i + " bit " + bit + " " + r);
            }
        }
    }

    @Test
    void parentHashBitFlipsAreRejectedWithTheirIndex() {
        for (int i = 0; i < 4; i++) {
            for (int bit = i; bit < 256; bit += 37) {
                List<byte[]> parents = new ArrayList<>(BlockVectorsTest.parents(V));
                byte[] h = parents.get(i).clone();
                h[bit >>> 3] ^= (byte) (1 << (bit & 7));
                parents.set(i, h);
                assertEquals("ANN_INVALID(" + i + ")", validate(BLOCK.header(), BLOCK.pcp(), COMMIT, parents).label());
            }
        }
    }

    @Test
    void commitmentChangesAreRejected() {
        byte[] c = COMMIT.encode();
        for (int bit = 0; bit < 32; bit++) {
            byte[] m = c.clone();
            m[bit >>> 3] ^= (byte) (1 << (bit & 7));
            assertEquals(BlockCode.BAD_COINBASE, validate(BLOCK.header(), BLOCK.pcp(), CoinbaseCommit.parse(m),
                    BlockVectorsTest.parents(V)).code(), "magic bit " + bit);
        }
        for (int bit = 64; bit < 320; bit += 5) {
            byte[] m = c.clone();
            m[bit >>> 3] ^= (byte) (1 << (bit & 7));
            assertEquals(BlockCode.PCP_MISMATCH, validate(BLOCK.header(), BLOCK.pcp(), CoinbaseCommit.parse(m),
                    BlockVectorsTest.parents(V)).code(), "root bit " + bit);
        }
        for (int bit = 320; bit < 384; bit += 3) {
            byte[] m = c.clone();
            m[bit >>> 3] ^= (byte) (1 << (bit & 7));
            BlockResult r = validate(BLOCK.header(), BLOCK.pcp(), CoinbaseCommit.parse(m), BlockVectorsTest.parents(V));
            assertTrue(Set.of(BlockCode.PCP_INVAL, BlockCode.PCP_MISMATCH, BlockCode.INSUF_POW).contains(r.code()),
                    "count bit " + bit + " " + r);
        }
        // A committed least-work target below an announcement's aged target.
        CoinbaseCommit tight = new CoinbaseCommit(COMMIT.magic(), 0x20100000, COMMIT.pcpRoot(), COMMIT.annCount());
        BlockResult r = validate(BLOCK.header(), BLOCK.pcp(), tight, BlockVectorsTest.parents(V));
        assertEquals(BlockCode.ANN_INSUF_POW, r.code(), r.toString());
        assertEquals(BlockCode.BAD_COINBASE, validate(BLOCK.header(), BLOCK.pcp(),
                new CoinbaseCommit(COMMIT.magic(), 0, COMMIT.pcpRoot(), COMMIT.annCount()), BlockVectorsTest.parents(V)).code());
    }

    @Test
    void badSignaturesAreRejectedWhenTheProofCarriesThem() {
        PacketCryptProof p = BLOCK.pcp();
        assertTrue(p.hasSignatures());
        int signed = -1;
        for (int i = 0; i < 4; i++) {
            if (p.announcements().get(i).hasSigningKey()) {
                signed = i;
            }
        }
        assertTrue(signed >= 0);
        List<Optional<byte[]>> sigs = new ArrayList<>(p.signatures());
        byte[] bad = sigs.get(signed).orElseThrow();
        bad[5] ^= 1;
        sigs.set(signed, Optional.of(bad));
        PacketCryptProof q = new PacketCryptProof(p.nonce(), p.announcements(), sigs, p.contentProof(), p.annProof(),
                p.version());
        assertEquals("ANN_SIG_INVALID(" + signed + ")", validate(BLOCK.header(), q, COMMIT, BlockVectorsTest.parents(V)).label());
    }

    @Test
    void versionGatesAndNonCanonicalEncodingsAreInvalid() {
        PacketCryptProof p = BLOCK.pcp();
        PacketCryptProof v1 = new PacketCryptProof(p.nonce(), p.announcements(), p.signatures(), p.contentProof(),
                p.annProof(), 1);
        assertEquals(BlockCode.PCP_INVAL, validate(BLOCK.header(), v1, COMMIT, BlockVectorsTest.parents(V)).code());
        assertEquals(BlockCode.PCP_INVAL, VALIDATOR.validate(BLOCK.header(), p, COMMIT, 113948, SHARE,
                BlockVectorsTest.parents(V)).code());

        byte[] entities = BLOCK.pcpEntities();
        // A second end entity, an unknown entity, a non-minimal varint, a trailing byte.
        byte[] twoEnds = io.poolkit.core.bytes.Bytes.concat(entities, new byte[] {0, 0});
        assertThrows(PcpFormatException.class, () -> PcpCodec.parse(twoEnds));
        byte[] unknown = io.poolkit.core.bytes.Bytes.concat(Arrays.copyOf(entities, entities.length - 2),
                new byte[] {9, 1, 0, 0, 0});
        assertThrows(PcpFormatException.class, () -> PcpCodec.parse(unknown));
        byte[] noEnd = Arrays.copyOf(entities, entities.length - 2);
        assertThrows(PcpFormatException.class, () -> PcpCodec.parse(noEnd));
        String hex = Hex.encode(entities);
        assertTrue(hex.startsWith("01fd6c11"));
        byte[] longVarint = Hex.decode("01fe6c110000" + hex.substring(8));
        BlockResult r = VALIDATOR.validateEncoded(BLOCK.header(), longVarint, COMMIT, HEIGHT, SHARE,
                BlockVectorsTest.parents(V));
        assertEquals(BlockCode.PCP_INVAL, r.code(), r.toString());
        assertEquals("SHARE_OK", VALIDATOR.validateEncoded(BLOCK.header(), entities, COMMIT, HEIGHT, SHARE,
                BlockVectorsTest.parents(V)).label());
    }
}
