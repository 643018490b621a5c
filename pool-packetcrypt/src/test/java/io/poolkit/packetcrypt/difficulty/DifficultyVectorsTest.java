package io.poolkit.packetcrypt.difficulty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.packetcrypt.Vectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DifficultyVectorsTest {

    static JsonNode d() {
        return Vectors.primitives().get("difficulty");
    }

    static int bits(JsonNode n) {
        return (int) Long.parseLong(n.asText(), 16);
    }

    static String hex(int bits) {
        return String.format("%08x", bits);
    }

    static Stream<JsonNode> effective() {
        return Vectors.list(d().get("effective_target")).stream();
    }

    static Stream<JsonNode> aged() {
        return Vectors.list(d().get("aged_ann_target")).stream();
    }

    static Stream<JsonNode> minOk() {
        return Vectors.list(d().get("is_min_ann_diff_ok")).stream();
    }

    static Stream<JsonNode> softNonce() {
        return Vectors.list(d().get("v1_ann_soft_nonce_max")).stream();
    }

    static Stream<JsonNode> work() {
        return Vectors.list(d().get("work_for_target")).stream();
    }

    @ParameterizedTest
    @MethodSource("effective")
    void effectiveTarget(JsonNode v) {
        int block = bits(v.get("block_target"));
        int ann = bits(v.get("ann_min_target"));
        long count = v.get("ann_count").asLong();
        assertEquals(v.get("effective_target_v2").asText(), hex(PcDifficulty.effectiveTarget(block, ann, count, 2)));
        assertEquals(v.get("effective_target_v0_v1").asText(), hex(PcDifficulty.effectiveTarget(block, ann, count, 1)));
    }

    @ParameterizedTest
    @MethodSource("aged")
    void agedAnnTarget(JsonNode v) {
        int ann = bits(v.get("ann_target"));
        long age = v.get("age_blocks").asLong();
        assertEquals(v.get("aged_target_v2").asText(), hex(PcDifficulty.agedAnnTarget(ann, age, 2)));
        assertEquals(v.get("aged_target_v0_v1").asText(), hex(PcDifficulty.agedAnnTarget(ann, age, 1)));
    }

    @ParameterizedTest
    @MethodSource("minOk")
    void isMinAnnDiffOk(JsonNode v) {
        assertEquals(v.get("is_min_ann_diff_ok_v2").asBoolean(), PcDifficulty.isMinAnnDiffOk(bits(v.get("target")), 2));
    }

    @ParameterizedTest
    @MethodSource("softNonce")
    void softNonceMax(JsonNode v) {
        assertEquals(v.get("soft_nonce_max").asText(), String.format("%06x", PcDifficulty.softNonceMax(bits(v.get("ann_target")))));
    }

    @ParameterizedTest
    @MethodSource("work")
    void workForTarget(JsonNode v) {
        assertEquals(v.get("work_floor").asText(), PcDifficulty.workForBits(bits(v.get("target"))).toString());
    }

    @Test
    void edgeCasesAreDefined() {
        // An age that wraps (parent above the block) or is huge is unusable, never a crash.
        assertEquals(PcDifficulty.UNUSABLE, PcDifficulty.agedAnnTarget(0x20020000, -1L, 2));
        assertEquals(PcDifficulty.UNUSABLE, PcDifficulty.agedAnnTarget(0x20020000, 0xffffffffL, 2));
        assertEquals(PcDifficulty.UNUSABLE, PcDifficulty.agedAnnTarget(0x1d80ffff, 5, 2));
        assertEquals(0x207fffff, PcDifficulty.effectiveTarget(0x207fffff, 0x1d00ffff, 1, 2));
        assertEquals(0, PcDifficulty.effectiveTarget(0x1d80ffff, 0x20020000, 10, 2));
        assertEquals(0xffffff, PcDifficulty.softNonceMax(0x20000000));
        assertEquals(0, PcDifficulty.softNonceMax(0xff7fffff));
        assertFalse(PcDifficulty.meets(new byte[32], 0x20800000));
        assertFalse(PcDifficulty.meets(new byte[32], 0x21010000));
        assertTrue(PcDifficulty.meets(new byte[32], 0x207fffff));
        assertFalse(PcDifficulty.isMinAnnDiffOk(0x1d80ffff, 2));
    }

    @Test
    void meetsIsAnExactComparison() {
        byte[] hash = new byte[32];
        hash[29] = 0x7f;
        hash[28] = (byte) 0xff;
        hash[27] = (byte) 0xff; // 0x7fffff << 216, exactly target 0x1e7fffff
        assertTrue(PcDifficulty.meets(hash, 0x1e7fffff));
        hash[0] = 1; // one above: the reference C's 3-byte comparison would still accept it
        assertFalse(PcDifficulty.meets(hash, 0x1e7fffff));
    }
}
