package io.poolkit.pegnet.opr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.testing.TestVectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OprCodecTest {

    private static final JsonNode FIELDS = TestVectors.json("pegnet/opr_vectors/expected_fields.json");

    @Test
    void v1ContentDecodes() throws Exception {
        JsonNode v1 = FIELDS.get("v1");
        byte[] content = TestVectors.text("pegnet/opr_vectors/v1_content.json").strip()
                .getBytes(StandardCharsets.UTF_8);
        Opr opr = OprCodec.decode(1, content);
        assertEquals(v1.get("coinbase").asText(), opr.coinbase());
        assertEquals(v1.get("dbht").asInt(), opr.height());
        assertEquals(v1.get("minerid").asText(), opr.minerId());
        List<String> winners = new ArrayList<>();
        v1.get("winners").forEach(w -> winners.add(w.asText()));
        assertEquals(winners, opr.winners());
        JsonNode assets = v1.get("assets_in_V1_order");
        assertEquals(assets.size(), opr.prices().length);
        for (int i = 0; i < assets.size(); i++) {
            assertEquals(assets.get(i).get(0).asText(), opr.assetNames().get(i));
            assertEquals(assets.get(i).get(1).asDouble(), opr.prices()[i]);
        }
        assertEquals(v1.get("opr_hash_sha256_of_exact_bytes_DERIVED").asText(), Hex.encode(OprEntry.oprHash(content)));
    }

    @Test
    void v2ContentDecodesAndReencodesIdentically() throws Exception {
        JsonNode v2 = FIELDS.get("v2");
        byte[] content = Hex.decode(TestVectors.text("pegnet/opr_vectors/v2_content.hex").strip());
        Opr opr = OprCodec.decode(2, content);
        assertEquals(v2.get("Address").asText(), opr.coinbase());
        assertEquals(v2.get("ID").asText(), opr.minerId());
        assertEquals(v2.get("Height").asInt(), opr.height());
        List<String> winners = new ArrayList<>();
        v2.get("Winners_hex").forEach(w -> winners.add(w.asText()));
        assertEquals(winners, opr.winners());
        JsonNode assets = v2.get("Assets_uint64_in_V2_order");
        for (int i = 0; i < assets.size(); i++) {
            assertEquals(assets.get(i).get(0).asText(), opr.assetNames().get(i));
            assertEquals(assets.get(i).get(1).asLong(), opr.units()[i]);
        }
        assertArrayEquals(content, OprCodec.encode(opr));
        assertEquals(v2.get("opr_hash_sha256_DERIVED").asText(), Hex.encode(OprEntry.oprHash(content)));
        assertTrue(FactoidAddress.isValid(opr.coinbase()));
        assertFalse(FactoidAddress.isValid(opr.coinbase().substring(0, 51) + "Z"));
        assertThrows(OprFormatException.class, () -> OprCodec.decode(4, content)); // 30 assets, v4 wants 42
    }

    @Test
    void realEntriesHashesAndReencoding() throws Exception {
        int reencoded = 0;
        for (int height : RealBlocks.HEIGHTS) {
            RealBlocks.Block block = RealBlocks.block(height);
            List<Map<String, String>> derived = RealBlocks.derived(height);
            assertEquals(block.entries().size(), derived.size());
            for (int i = 0; i < block.entries().size(); i++) {
                FactomEntry e = block.entries().get(i);
                assertEquals(block.hashes().get(i), e.hashHex(), "entry " + i + " of " + height);
                assertEquals(derived.get(i).get("entry_hash"), e.hashHex());
                assertEquals(derived.get(i).get("opr_hash_sha256_hex"), Hex.encode(OprEntry.oprHash(e.content())));
                assertTrue(e.payloadSize() <= FactomEntry.ONE_EC_BYTES);
                byte[] version = e.extIds().get(2);
                if (version.length == 1 && version[0] >= 2) {
                    Opr opr = OprCodec.decode(version[0], e.content());
                    assertArrayEquals(e.content(), OprCodec.encode(opr), "re-encoding entry " + i + " of " + height);
                    reencoded++;
                }
            }
        }
        assertTrue(reencoded >= 90, "re-encoded " + reencoded);
    }

    @Test
    void versionsAndPayouts() {
        assertEquals(1, OprVersions.versionAt(206422));
        assertEquals(1, OprVersions.versionAt(210329));
        assertEquals(2, OprVersions.versionAt(210330));
        assertEquals(3, OprVersions.versionAt(222270));
        assertEquals(4, OprVersions.versionAt(231620));
        assertEquals(5, OprVersions.versionAt(258796));
        assertEquals(32, OprVersions.assets(1).size());
        assertEquals(30, OprVersions.assets(3).size());
        assertEquals(42, OprVersions.assets(4).size());
        assertEquals(62, OprVersions.assets(5).size());
        // misc_upstream_vectors.tsv: v1_payout, v2_v3_v4_payout, v5_payout
        String misc = TestVectors.text("pegnet/pool/misc_upstream_vectors.tsv");
        assertTrue(misc.contains("80000000000 / 60000000000 / 45000000000 / 0 pegtoshi"));
        assertEquals(80000000000L, OprVersions.payout(1, 0));
        assertEquals(60000000000L, OprVersions.payout(1, 1));
        assertEquals(45000000000L, OprVersions.payout(1, 2));
        assertEquals(45000000000L, OprVersions.payout(1, 9));
        assertEquals(0, OprVersions.payout(1, 10));
        assertTrue(misc.contains("20000000000 / 0 pegtoshi"));
        for (int v = 2; v <= 4; v++) {
            assertEquals(20000000000L, OprVersions.payout(v, 0));
            assertEquals(20000000000L, OprVersions.payout(v, 24));
            assertEquals(0, OprVersions.payout(v, 25));
            assertEquals(0, OprVersions.payout(v, -1));
        }
        assertTrue(misc.contains("36000000000 / 0 pegtoshi"));
        assertEquals(36000000000L, OprVersions.payout(5, 24));
        assertEquals(0, OprVersions.payout(5, 25));
        assertTrue(misc.contains(FactomEntry.OPR_CHAIN_ID));
        assertTrue(misc.contains(FactomEntry.TRANSACTION_CHAIN_ID));
    }
}
