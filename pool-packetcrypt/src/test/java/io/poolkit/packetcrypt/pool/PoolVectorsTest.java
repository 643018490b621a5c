package io.poolkit.packetcrypt.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.packetcrypt.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The node.js pool helpers, against outputs of the real js/Util.js. */
class PoolVectorsTest {

    static JsonNode p() {
        return Vectors.primitives().get("pool_double_math");
    }

    static int bits(JsonNode n) {
        return (int) Long.parseLong(n.asText(), 16);
    }

    static Stream<JsonNode> annWorkToTarget() {
        return Vectors.list(p().get("annWorkToTarget")).stream();
    }

    static Stream<JsonNode> shareTarget() {
        return Vectors.list(p().get("computeShareTar")).stream();
    }

    static Stream<JsonNode> workMultiple() {
        return Vectors.list(p().get("getWorkMultiple")).stream();
    }

    @ParameterizedTest
    @MethodSource("annWorkToTarget")
    void annWorkToTargetMatches(JsonNode v) {
        assertEquals(v.get("target").asText(), String.format("%08x", PoolWorkMath.annWorkToTarget(v.get("work").asDouble())));
    }

    @ParameterizedTest
    @MethodSource("shareTarget")
    void shareTargetMatches(JsonNode v) {
        assertEquals(v.get("share_target").asText(), String.format("%08x",
                PoolWorkMath.shareTarget(bits(v.get("block_target")), v.get("divisor").asDouble())));
    }

    @ParameterizedTest
    @MethodSource("workMultiple")
    void workMultipleIsTheSameDouble(JsonNode v) {
        assertEquals(v.get("value").asDouble(), PoolWorkMath.workMultiple(bits(v.get("target"))), 0.0);
    }

    @Test
    void effectiveWorkMatches() {
        JsonNode v = p().get("getEffectiveWork");
        assertEquals(v.get("effective_work").asText(), PoolWorkMath.effectiveWork(bits(v.get("block_target")),
                bits(v.get("ann_min_target")), v.get("ann_count").asLong()).toString());
    }

    @Test
    void shareIdMatches() {
        JsonNode v = p().get("getShareId");
        assertEquals(v.get("share_id_hex").asText(), Hex.encode(ShareIds.shareId(Vectors.hex(v.get("header_hex")),
                Vectors.hex(v.get("proof_first4_hex")))));
    }

    @Test
    void contentHashMatches() {
        JsonNode v = p().get("annComputeContentHash");
        byte[] content = v.get("content_ascii").asText().getBytes(StandardCharsets.US_ASCII);
        assertEquals(v.get("hash_hex").asText(), Hex.encode(AnnContentHash.of(content)));
        assertArrayEquals(java.util.Arrays.copyOf(new byte[] {1, 2, 3}, 32), AnnContentHash.of(new byte[] {1, 2, 3}));
    }

    @Test
    void signingKeysDeriveLikeThePool() {
        JsonNode c = Vectors.pcp().get("common");
        byte[] seed = PoolSigningKeys.seed(c.get("pool_private_seed").asText(), c.get("pool_signing_key_height").asLong());
        assertEquals(c.get("pool_signing_seed_hex").asText(), Hex.encode(seed));
        assertEquals(c.get("pool_signing_pubkey_hex").asText(), Hex.encode(PoolSigningKeys.publicKey(seed)));
        // The pool signs an announcement with that key; ed25519 signatures are deterministic.
        c.get("announcements_hex").forEach(a -> {
            byte[] ann = Hex.decode(a.asText());
            JsonNode sig = c.get("announcement_signatures_hex").get(Hex.encode(io.poolkit.packetcrypt.crypto.Blake2b.hash32(ann)));
            if (sig != null) {
                assertEquals(sig.asText(), Hex.encode(PoolSigningKeys.sign(seed, ann)));
            }
        });
    }

    @Test
    void workFileParsesAndRoundTrips() {
        JsonNode t = Vectors.pcp().get("common").get("work_template");
        byte[] bytes = Vectors.hex(t.get("work_bin_hex"));
        WorkFile work = WorkFile.parse(bytes);
        assertEquals(t.get("header_hex").asText(), Hex.encode(work.header()));
        assertEquals(t.get("work_signing_pubkey_hex").asText(), Hex.encode(work.signingKey()));
        assertEquals(t.get("coinbase_no_witness_hex").asText(), Hex.encode(work.coinbaseNoWitness()));
        assertEquals(t.get("merkle_branch").size(), work.merkleBranch().size());
        assertEquals(0x1f3ffffc, work.shareTarget());
        assertEquals(Vectors.pcp().get("vectors").get("share").get("share_target").asText(),
                String.format("%08x", work.shareTarget()));
        assertEquals(0x20040000, work.annTarget());
        assertEquals(Vectors.pcp().get("vectors").get("share").get("block_height").asInt(), work.height());
        assertArrayEquals(bytes, work.encode());
    }
}
