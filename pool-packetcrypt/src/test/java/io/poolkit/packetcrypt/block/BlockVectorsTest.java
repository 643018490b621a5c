package io.poolkit.packetcrypt.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.chain.BlockHeader;
import io.poolkit.core.pow.Sha256d;
import io.poolkit.packetcrypt.Vectors;
import io.poolkit.packetcrypt.ann.AnnCode;
import io.poolkit.packetcrypt.ann.AnnValidator;
import io.poolkit.packetcrypt.ann.Announcement;
import io.poolkit.packetcrypt.crypto.Blake2b;
import io.poolkit.packetcrypt.difficulty.PcDifficulty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The synthetic PacketCrypt v2 block/share vectors built on real announcements. */
class BlockVectorsTest {

    static final BlockValidator VALIDATOR = new BlockValidator();

    static Stream<Map.Entry<String, JsonNode>> vectors() {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        Vectors.pcp().get("vectors").fields().forEachRemaining(out::add);
        return out.stream();
    }

    static List<byte[]> parents(JsonNode v) {
        List<byte[]> out = new ArrayList<>();
        v.get("ann_parent_hashes_internal_hex").forEach(h -> out.add(Hex.decode(h.asText())));
        return out;
    }

    static int bits(JsonNode n) {
        return (int) Long.parseLong(n.asText(), 16);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void theSerializedBlockParsesToItsParts(Map.Entry<String, JsonNode> entry) {
        JsonNode v = entry.getValue();
        SerializedBlock block = SerializedBlock.parse(Vectors.hex(v.get("serialized_block_hex")));
        assertEquals(v.get("header_hex").asText(), Hex.encode(block.header()));
        assertEquals(v.get("coinbase_tx_hex").asText(), Hex.encode(block.coinbaseTx()));
        assertEquals(v.get("coinbase_commit_hex").asText(), Hex.encode(block.commit().orElseThrow().encode()));
        assertEquals(v.get("pcp_nonce").asLong(), block.pcp().nonce() & 0xffffffffL);
        assertEquals(2, block.pcp().version());
        assertEquals(1, block.txCount());
        assertArrayEquals(block.pcpEntities(), PcpCodec.encode(block.pcp()));
        assertEquals(v.get("block_hash_display").asText(), BlockHeader.parse(block.header()).hashDisplayHex());
        // One transaction: the merkle root is the coinbase txid.
        assertArrayEquals(BlockHeader.parse(block.header()).merkleRootInternal(), Sha256d.hash(block.coinbaseTx()));
        JsonNode e = v.get("expected");
        assertEquals(e.get("header_blake2b256").asText(), Hex.encode(Blake2b.hash32(block.header())));
        for (int i = 0; i < 4; i++) {
            assertEquals(e.get("ann_hashes_blake2b256").get(i).asText(),
                    Hex.encode(block.pcp().announcements().get(i).hash()));
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void workHashItemNumbersTargetsAndProofRoot(Map.Entry<String, JsonNode> entry) throws Exception {
        JsonNode v = entry.getValue();
        JsonNode e = v.get("expected");
        SerializedBlock block = SerializedBlock.parse(Vectors.hex(v.get("serialized_block_hex")));
        CoinbaseCommit commit = block.commit().orElseThrow();
        byte[] work = new byte[32];
        long[] items = new long[4];
        new BlockPow().compute(block.header(), block.pcp(), work, items);
        assertEquals(e.get("work_hash_hex").asText(), Hex.encode(work));
        assertEquals(e.get("work_hash_as_number_display").asText(), Hex.encode(Bytes.reversed(work)));
        for (int i = 0; i < 4; i++) {
            assertEquals(e.get("ann_item_numbers_u64").get(i).asText(), Long.toUnsignedString(items[i]));
            assertEquals(e.get("ann_positions_in_tree").get(i).asLong(),
                    Long.remainderUnsigned(items[i], commit.annCount()) + 1);
        }
        int blockBits = BlockHeader.parse(block.header()).bits();
        assertEquals(e.get("effective_block_target").asText(), String.format("%08x",
                PcDifficulty.effectiveTarget(blockBits, commit.annLeastWorkTarget(), commit.annCount(), 2)));
        assertEquals(e.get("effective_share_target").asText(), String.format("%08x",
                PcDifficulty.effectiveTarget(bits(v.get("share_target")), commit.annLeastWorkTarget(), commit.annCount(), 2)));
        byte[][] annHashes = new byte[4][];
        for (int i = 0; i < 4; i++) {
            annHashes[i] = block.pcp().announcements().get(i).hash();
        }
        byte[] pcpHash = ProofTree.pcpHash(annHashes, commit.annCount(), items, block.pcp().annProof());
        assertEquals(e.get("pcp_hash").asText(), Hex.encode(pcpHash));
        assertArrayEquals(commit.pcpRoot(), pcpHash);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void theValidatorGivesTheReferenceResults(Map.Entry<String, JsonNode> entry) {
        JsonNode v = entry.getValue();
        JsonNode e = v.get("expected");
        SerializedBlock block = SerializedBlock.parse(Vectors.hex(v.get("serialized_block_hex")));
        CoinbaseCommit commit = CoinbaseCommit.parseHex(v.get("coinbase_commit_hex").asText());
        long height = v.get("block_height").asLong();
        BlockResult withShare = VALIDATOR.validate(block.header(), block.pcp(), commit, height,
                bits(v.get("share_target")), parents(v));
        assertEquals(reference(e.get("c_reference_result_with_share_target")), withShare.label(), withShare.toString());
        assertEquals(e.get("work_hash_hex").asText(), withShare.powHashHex().orElseThrow());
        BlockResult noShare = VALIDATOR.validate(block.header(), block.pcp(), commit, height, 0, parents(v));
        assertEquals(reference(e.get("c_reference_result_without_share_target")), noShare.label());
        assertEquals(e.get("pktd_ValidatePcProof_returns_blockOk").asBoolean(), noShare.code() == BlockCode.OK);

        // The same share as a miner posts it to a BlkHandler: header, PCP and version, no signatures.
        byte[] hap = Vectors.hex(v.get("blkhandler_submit_body").get("header_and_proof"));
        byte[] entities = Bytes.concat(java.util.Arrays.copyOfRange(hap, 80, hap.length), new byte[2]);
        assertArrayEquals(block.header(), java.util.Arrays.copyOf(hap, 80));
        BlockResult posted = VALIDATOR.validateEncoded(block.header(), entities,
                CoinbaseCommit.parseHex(v.get("blkhandler_submit_body").get("coinbase_commit").asText()), height,
                bits(v.get("share_target")), parents(v));
        assertEquals(withShare.label(), posted.label());
    }

    private static String reference(JsonNode name) {
        String s = name.asText().replace("Validate_checkBlock_", "");
        return s.isEmpty() ? "OK" : s;
    }

    @Test
    void theProverRebuildsTheTreeAndTheProofByteForByte() {
        JsonNode common = Vectors.pcp().get("common");
        List<byte[]> hashes = new ArrayList<>();
        common.get("announcements_hex").forEach(a -> hashes.add(Announcement.fromHex(a.asText()).hash()));
        AnnProofBuilder tree = AnnProofBuilder.of(hashes);
        assertEquals(common.get("ann_count").asLong(), tree.annCount());
        List<String> sorted = tree.sortedHashes().stream().map(Hex::encode).toList();
        List<String> expected = new ArrayList<>();
        common.get("tree_sorted_ann_hashes").forEach(h -> expected.add(h.asText()));
        assertEquals(expected, sorted);
        assertEquals(common.get("tree_root_entry").get("hash").asText(), Hex.encode(tree.rootHash()));
        vectors().forEach(entry -> {
            JsonNode v = entry.getValue();
            SerializedBlock block = SerializedBlock.parse(Vectors.hex(v.get("serialized_block_hex")));
            assertArrayEquals(block.commit().orElseThrow().pcpRoot(), tree.pcpRoot());
            long[] items = new long[4];
            new BlockPow().compute(block.header(), block.pcp(), new byte[32], items);
            assertArrayEquals(block.pcp().annProof(), tree.prove(items));
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(block.pcp().announcements().get(i).hash(), tree.annHashFor(items[i]));
            }
        });
    }

    @Test
    void allSixteenAnnouncementsAreValidAndTheSignedOnesVerify() {
        JsonNode common = Vectors.pcp().get("common");
        byte[] parent = Bytes.reversed(Hex.decode(common.get("parent_block_hash_display").asText()));
        AnnValidator anns = new AnnValidator();
        byte[] poolKey = Hex.decode(common.get("pool_signing_pubkey_hex").asText());
        int signed = 0;
        for (JsonNode a : common.get("announcements_hex")) {
            Announcement ann = Announcement.fromHex(a.asText());
            assertEquals(common.get("parent_block_height").asLong(), ann.parentHeight());
            assertEquals(AnnCode.OK, anns.check(ann, parent).code());
            JsonNode sig = common.get("announcement_signatures_hex").get(Hex.encode(ann.hash()));
            assertEquals(sig != null, ann.hasSigningKey());
            if (sig != null) {
                signed++;
                assertArrayEquals(poolKey, ann.signingKey());
                byte[] bytes = ann.bytes();
                assertTrue(Ed25519.verify(Hex.decode(sig.asText()), 0, poolKey, 0, bytes, 0, bytes.length));
            }
        }
        assertEquals(6, signed);
    }

    @Test
    void theCommitmentGoesIntoTheTemplateCoinbase() {
        JsonNode common = Vectors.pcp().get("common");
        byte[] template = Hex.decode(common.get("work_template").get("coinbase_no_witness_hex").asText());
        vectors().forEach(entry -> {
            JsonNode v = entry.getValue();
            CoinbaseCommit commit = CoinbaseCommit.parseHex(v.get("coinbase_commit_hex").asText());
            assertEquals(v.get("coinbase_tx_hex").asText(), Hex.encode(CoinbaseCommitments.insert(template, commit)));
            assertEquals(commit, CoinbaseCommitments.extract(Hex.decode(v.get("coinbase_tx_hex").asText())).orElseThrow());
            assertEquals(v.get("coinbase_commit_hex").asText(), Hex.encode(commit.encode()));
            assertTrue(commit.hasMagic());
        });
        CoinbaseCommit placeholder = CoinbaseCommitments.extract(template).orElseThrow();
        assertEquals(CoinbaseCommit.MAGIC, placeholder.magic());
        assertEquals(0xfcfcfcfc, placeholder.annLeastWorkTarget());
    }

    @Test
    void theGenesisBlockParses() {
        String text = io.poolkit.core.testing.TestVectors.text("packetcrypt/pkt_mainnet_genesis_block.hex").strip();
        byte[] file = Hex.decode(text);
        assertEquals("f9beb4d9", Hex.encode(file, 0, 4));
        int length = io.poolkit.core.bytes.LittleEndian.readInt32(file, 4);
        assertEquals(file.length - 8, length);
        SerializedBlock block = SerializedBlock.parse(java.util.Arrays.copyOfRange(file, 8, file.length));
        BlockHeader header = BlockHeader.parse(block.header());
        assertEquals(0x1f0fffff, header.bits());
        assertEquals(0, header.time());
        // README.txt calls this hash "display"; it is the internal byte order, as the next block's
        // previous-hash field (blake2b.dsha256_header_hex in primitive_vectors.json) shows.
        String genesis = "852d43936f4c9606a4a063cf356c454f2d9c43b07a41cf52e59461a41217dc0b";
        assertEquals(genesis, Hex.encode(header.hashInternal()));
        BlockHeader next = BlockHeader.parseHex(Vectors.primitives().get("blake2b").get("dsha256_header_hex").asText());
        assertEquals(genesis, Hex.encode(next.previousHashInternal()));
        assertEquals(Vectors.primitives().get("blake2b").get("dsha256_header_hash_display").asText(), next.hashDisplayHex());
        assertEquals(0, block.pcp().nonce());
        assertEquals(1536, block.pcp().annProof().length);
        assertEquals(5636, block.pcp().pcpEntityLength());
        assertEquals(0, block.pcp().version());
        assertFalse(block.pcp().hasSignatures());
        CoinbaseCommit commit = block.commit().orElseThrow();
        assertTrue(commit.hasMagic());
        assertEquals(0x200fffff, commit.annLeastWorkTarget());
        // The genesis proof is a placeholder; its PCP version 0 is outside the supported rules.
        BlockResult r = VALIDATOR.validate(block.header(), block.pcp(), commit, 0, 0,
                List.of(new byte[32], new byte[32], new byte[32], new byte[32]));
        assertFalse(r.ok());
        assertEquals(BlockCode.PCP_INVAL, r.code());
    }
}
