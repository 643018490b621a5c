package io.poolkit.packetcrypt.ann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.bytes.LittleEndian;
import io.poolkit.packetcrypt.Vectors;
import io.poolkit.packetcrypt.crypto.Blake2b;
import io.poolkit.packetcrypt.crypto.CryptoCycle;
import io.poolkit.packetcrypt.crypto.Words;
import io.poolkit.packetcrypt.difficulty.PcDifficulty;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The real mainnet v1 announcement (parent 497731) and its intermediate values. */
class RealAnnTest {

    private static final AnnValidator VALIDATOR = new AnnValidator();

    @Test
    void theFileAndTheJsonHoldTheSameAnnouncement() {
        JsonNode v = Vectors.realAnn();
        assertEquals(v.get("ann_hex").asText(), Hex.encode(Vectors.realAnnBytes()));
        Announcement ann = Announcement.of(Vectors.realAnnBytes());
        JsonNode h = v.get("parsed_header");
        assertEquals(h.get("version").asInt(), ann.version());
        assertEquals(h.get("soft_nonce").asInt(), ann.softNonce());
        assertEquals(h.get("hard_nonce").asLong(), ann.hardNonce());
        assertEquals(h.get("work_bits").asText(), String.format("%08x", ann.workBits()));
        assertEquals(h.get("parent_block_height").asLong(), ann.parentHeight());
        assertEquals(h.get("content_type").asLong(), ann.contentType());
        assertEquals(h.get("content_length").asLong(), ann.contentLength());
        assertEquals(h.get("content_hash").asText(), Hex.encode(ann.contentHash()));
        assertEquals(h.get("signing_key").asText(), Hex.encode(ann.signingKey()));
        assertEquals(h.get("merkle_root_64").asText(), Hex.encode(ann.merkleRoot()));
        JsonNode e = v.get("expected");
        assertEquals(e.get("blake2b256_of_ann").asText(), Hex.encode(ann.hash()));
        assertEquals(e.get("dedup_hash_u64_le_first8").asText(), Long.toUnsignedString(LittleEndian.readInt64(ann.hash(), 0)));
        assertEquals(e.get("soft_nonce_max_for_work_bits").asText(), String.format("%06x", PcDifficulty.softNonceMax(ann.workBits())));
        assertEquals(Hex.encode(Vectors.realParentHash()),
                Hex.encode(io.poolkit.core.bytes.Bytes.reversed(Hex.decode(v.get("parent_block_hash_display").asText()))));
    }

    @Test
    void validatesWithTheReferenceWorkHash() {
        AnnResult r = VALIDATOR.check(Vectors.realAnnBytes(), Vectors.realParentHash());
        assertEquals(AnnCode.OK, r.code());
        assertEquals(Vectors.realAnn().get("expected").get("final_state_hash_work_hash").asText(), r.workHashHex().orElseThrow());
    }

    @Test
    void intermediateValuesMatch() {
        JsonNode e = Vectors.realAnn().get("expected");
        AnnWorkspace w = new AnnWorkspace();
        assertEquals(AnnCode.OK, w.check(Vectors.realAnnBytes(), 0, Vectors.realParentHash(), 0, null));
        assertEquals(e.get("annHash0_blake2b512").asText(), Hex.encode(w.annHash0()));
        assertEquals(e.get("annHash1_blake2b512").asText(), Hex.encode(w.annHash1()));
        assertEquals(e.get("v1_seed_blake2b512").asText(), Hex.encode(w.v1Seed()));

        // The program of the v1 seed, and the item numbers the hash loop draws.
        ItemMaker items = new ItemMaker(new CryptoCycle());
        byte[] seed = w.v1Seed();
        assertTrue(items.loadProgram(seed, 0));
        assertEquals(e.get("v1_program_insn_count").asInt(), items.programLength());
        int[] prog = new int[items.programLength()];
        items.copyProgram(prog);
        byte[] le = new byte[4 * prog.length];
        Words.toBytes(prog, 0, le, 0, prog.length);
        assertEquals(e.get("v1_program_blake2b256_le_words").asText(), Hex.encode(Blake2b.hash32(le)));

        CryptoCycle cycle = new CryptoCycle();
        byte[] state = new byte[CryptoCycle.STATE_SIZE];
        byte[] item = new byte[CryptoCycle.ITEM_SIZE];
        cycle.init(state, w.annHash1(), 0, Announcement.of(Vectors.realAnnBytes()).softNonce());
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int itemNo = (int) (CryptoCycle.itemNo(state) & 8191);
            numbers.add(itemNo);
            assertTrue(items.makeItem(itemNo, seed, 32, item, 0));
            cycle.update(state, item, 0);
        }
        List<Integer> expected = new ArrayList<>();
        e.get("item_numbers_mod_8192").forEach(n -> expected.add(n.asInt()));
        assertEquals(expected, numbers);
        cycle.finish(state);
        assertEquals(e.get("final_state_hash_work_hash").asText(), Hex.encode(state, 0, 32));
        assertEquals(e.get("work_hash_as_number_display").asText(),
                Hex.encode(io.poolkit.core.bytes.Bytes.reversed(java.util.Arrays.copyOf(state, 32))));
    }

    static Stream<JsonNode> negativeCases() {
        return Vectors.list(Vectors.realAnn().get("negative_cases")).stream();
    }

    /** Applies the mutation a negative case describes and expects the reference C code. */
    @ParameterizedTest
    @MethodSource("negativeCases")
    void negativeCasesGiveTheReferenceCode(JsonNode c) {
        byte[] ann = Vectors.realAnnBytes();
        byte[] parent = Vectors.realParentHash();
        String what = c.get("case").asText();
        if (what.startsWith("byte ")) {
            int at = Integer.parseInt(what.split(" ")[1]);
            ann[at] ^= 1;
        } else if (what.startsWith("soft nonce byte 3")) {
            ann[3] = (byte) 0xff;
        } else if (what.contains("wrong parent hash (all zero)")) {
            parent = new byte[32];
        } else {
            throw new AssertionError("unknown negative case: " + what);
        }
        assertEquals(c.get("c_reference_result").asText(), VALIDATOR.check(ann, parent).code().name(), what);
    }

    /** Every single-bit change of the announcement is rejected. */
    @Test
    void everySingleBitFlipOfTheAnnIsRejected() {
        byte[] ann = Vectors.realAnnBytes();
        byte[] parent = Vectors.realParentHash();
        byte[] work = new byte[32];
        int[] counts = new int[AnnCode.values().length];
        for (int bit = 0; bit < 8 * Announcement.SIZE; bit++) {
            ann[bit >>> 3] ^= (byte) (1 << (bit & 7));
            AnnCode code = VALIDATOR.validate(ann, 0, parent, work);
            ann[bit >>> 3] ^= (byte) (1 << (bit & 7));
            assertNotEquals(AnnCode.OK, code, "bit " + bit);
            assertEquals(expectedForFlip(bit), code, "bit " + bit);
            counts[code.ordinal()]++;
        }
        assertTrue(counts[AnnCode.INVAL.ordinal()] > 0 && counts[AnnCode.INVAL_ITEM4.ordinal()] > 0);
    }

    /**
     * The code a flip of one bit must give. Header bits (other than the soft nonce and version),
     * the root and the encrypted last-item prefix change what decrypts to the prefix, so the prefix
     * is no longer zero; a flip in the encrypted branch leaves the prefix alone and breaks the
     * merkle check; the version byte and high soft nonce bits hit the gates first.
     */
    private static AnnCode expectedForFlip(int bit) {
        int at = bit >>> 3;
        if (at == 0) {
            return (bit & 7) == 0 ? AnnCode.ANN_VERSION_MISMATCH : AnnCode.INVAL_ITEM4;
        }
        if (at >= Announcement.BRANCH_OFFSET && at < Announcement.ROOT_OFFSET) {
            return AnnCode.INVAL;
        }
        if (at >= 1 && at <= 3) {
            int softNonce = Announcement.of(Vectors.realAnnBytes()).softNonce() ^ (1 << (bit - 8));
            return softNonce > 0x7fff ? AnnCode.SOFT_NONCE_HIGH : AnnCode.INVAL_ITEM4;
        }
        if (at >= 8 && at < 12) {
            // work bits: a flip can also change the soft nonce limit
            int bits = Announcement.of(Vectors.realAnnBytes()).workBits() ^ (1 << (bit - 64));
            if (1741 > PcDifficulty.softNonceMax(bits)) {
                return AnnCode.SOFT_NONCE_HIGH;
            }
        }
        if (at >= 12 && at < 16) {
            long height = Announcement.of(Vectors.realAnnBytes()).parentHeight() ^ (1L << (bit - 96));
            if (height < AnnWorkspace.FIRST_V1_PARENT_HEIGHT) {
                return AnnCode.ANN_VERSION_NOT_ALLOWED;
            }
        }
        return AnnCode.INVAL_ITEM4;
    }

    @Test
    void everySingleBitFlipOfTheParentHashIsRejected() {
        byte[] ann = Vectors.realAnnBytes();
        byte[] parent = Vectors.realParentHash();
        for (int bit = 0; bit < 256; bit++) {
            parent[bit >>> 3] ^= (byte) (1 << (bit & 7));
            assertEquals(AnnCode.INVAL_ITEM4, VALIDATOR.validate(ann, 0, parent, null), "bit " + bit);
            parent[bit >>> 3] ^= (byte) (1 << (bit & 7));
        }
    }

    @Test
    void theValidatorLeavesItsInputsAlone() {
        byte[] ann = Vectors.realAnnBytes();
        byte[] parent = Vectors.realParentHash();
        VALIDATOR.validate(ann, 0, parent, new byte[32]);
        assertArrayEquals(Vectors.realAnnBytes(), ann);
        assertArrayEquals(Vectors.realParentHash(), parent);
    }
}
