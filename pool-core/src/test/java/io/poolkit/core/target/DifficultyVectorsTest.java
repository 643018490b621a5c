package io.poolkit.core.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.testing.TestVectors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ../shared/vectors/hash/difficulty.json: diff1 targets, compact cases and share-target tables. */
class DifficultyVectorsTest {

    private static final JsonNode VECTORS = TestVectors.json("hash/difficulty.json");

    static Stream<JsonNode> compact() {
        return list(VECTORS.get("compact"));
    }

    static Stream<JsonNode> shareTargets() {
        return list(VECTORS.get("share_targets"));
    }

    @Test
    void diff1Targets() {
        JsonNode d = VECTORS.get("diff1_targets");
        assertEquals(d.get("bitcoin_bdiff_sha256_x11").asText(), Target.of(DifficultyScale.BITCOIN.diff1()).toHex());
        assertEquals(d.get("scrypt_pool_diff1").asText(), Target.of(DifficultyScale.SCRYPT.diff1()).toHex());
        assertEquals(d.get("bitcoin_bdiff_sha256_x11").asText(), CompactBits.toTarget(0x1d00ffff).toHex());
    }

    @ParameterizedTest
    @MethodSource("compact")
    void compactBitsDecodeEncodeAndDifficulty(JsonNode v) {
        int bits = CompactBits.parseHex(v.get("bits").asText());
        Target target = CompactBits.toTarget(bits);
        assertEquals(v.get("target").asText(), target.toHex());
        assertEquals(v.get("reencoded").asText(), CompactBits.toHex(CompactBits.fromTarget(target)));
        double bdiff = DifficultyScale.BITCOIN.difficultyOf(target).doubleValue();
        assertEquals(v.get("bdiff").asDouble(), bdiff, Math.ulp(v.get("bdiff").asDouble()) * 2);
    }

    @ParameterizedTest
    @MethodSource("shareTargets")
    void shareTargetsExactAndCpuminer(JsonNode v) {
        // The decimal text of the difficulty, not its binary double: 0.1 means one tenth.
        BigDecimal d = new BigDecimal(v.get("share_difficulty").asText());
        assertEquals(v.get("sha256_family_target_exact_floor").asText(), DifficultyScale.BITCOIN.shareTarget(d).toHex());
        assertEquals(v.get("scrypt_family_target_exact_floor").asText(), DifficultyScale.SCRYPT.shareTarget(d).toHex());
        double asDouble = v.get("share_difficulty").asDouble();
        assertEquals(v.get("cpuminer_sha256d_target").asText(), CpuminerTargets.sha256d(asDouble).toHex());
        assertEquals(v.get("cpuminer_scrypt_target").asText(), CpuminerTargets.scrypt(asDouble).toHex());
    }

    @Test
    void invalidBitsAndDifficultiesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CompactBits.toTarget(0x04923456)); // negative
        assertThrows(IllegalArgumentException.class, () -> CompactBits.toTarget(0xff123456)); // overflow
        assertThrows(IllegalArgumentException.class, () -> DifficultyScale.BITCOIN.shareTarget(BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> DifficultyScale.BITCOIN.shareTarget("abc"));
        assertEquals(Target.MAX, DifficultyScale.SCRYPT.shareTarget("1e-30"));
    }

    @Test
    void hashMeetsTargetComparesLittleEndianInclusive() {
        Target t = Target.fromHex("00000000ffff0000000000000000000000000000000000000000000000000000");
        byte[] equal = new byte[32];
        equal[26] = (byte) 0xff;
        equal[27] = (byte) 0xff;
        assertTrue(t.isMetBy(equal));
        equal[0] = 1;
        assertTrue(!t.isMetBy(equal));
    }

    static Stream<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        assertTrue(!out.isEmpty());
        return out.stream();
    }
}
