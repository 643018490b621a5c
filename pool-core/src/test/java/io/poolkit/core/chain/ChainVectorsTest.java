package io.poolkit.core.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.pow.Sha256d;
import io.poolkit.core.testing.TestVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** hash/sha256d.json (header hashes and fields) and hash/merkle.json (root and stratum branch). */
class ChainVectorsTest {

    static Stream<JsonNode> sha256dVectors() {
        List<JsonNode> out = new ArrayList<>();
        TestVectors.json("hash/sha256d.json").get("vectors").forEach(out::add);
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("sha256dVectors")
    void sha256dAndHeaders(JsonNode v) {
        String inputHex = v.has("header_hex") ? v.get("header_hex").asText() : v.get("input_hex").asText();
        byte[] input = Hex.decode(inputHex);
        assertEquals(v.get("sha256d_raw_hex").asText(), Hex.encode(Sha256d.hash(input)));
        if (v.has("header_hex")) {
            BlockHeader header = BlockHeader.parse(input);
            assertArrayEquals(input, header.serialize());
            assertEquals(v.get("block_hash_display").asText(), header.hashDisplayHex());
            JsonNode f = v.get("fields");
            if (f != null) {
                assertEquals(f.get("version").asInt(), header.version());
                assertEquals(f.get("prev_display").asText(), header.previousHashDisplayHex());
                assertEquals(f.get("merkle_display").asText(), header.merkleRootDisplayHex());
                assertEquals(f.get("time").asLong(), header.time());
                assertEquals(f.get("bits").asText(), String.format("%08x", header.bits()));
                assertEquals(f.get("nonce").asLong(), header.nonce());
            }
        }
    }

    @Test
    void merkleRootAndCoinbaseBranch() {
        JsonNode v = TestVectors.json("hash/merkle.json");
        List<byte[]> txids = new ArrayList<>();
        v.get("txids_display").forEach(t -> txids.add(Bytes.reversed(Hex.decode(t.asText()))));
        assertEquals(156, txids.size());
        byte[] root = MerkleTree.root(txids);
        assertEquals(v.get("merkle_root_display").asText(), Hex.encode(Bytes.reversed(root)));
        assertEquals(v.get("merkle_root_internal").asText(), Hex.encode(root));

        List<byte[]> branch = MerkleTree.coinbaseBranch(txids.subList(1, txids.size()));
        List<String> branchHex = branch.stream().map(Hex::encode).toList();
        List<String> expectedBranch = new ArrayList<>();
        v.get("stratum_merkle_branch").forEach(b -> expectedBranch.add(b.asText()));
        assertEquals(expectedBranch, branchHex);
        assertArrayEquals(root, MerkleTree.rootFromBranch(txids.get(0), branch));
    }

    @Test
    void singleTransactionTreeIsTheTransaction() {
        byte[] coinbase = Sha256d.hash(new byte[] {1});
        assertArrayEquals(coinbase, MerkleTree.root(List.of(coinbase)));
        assertEquals(0, MerkleTree.coinbaseBranch(List.of()).size());
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.root(List.of()));
        assertThrows(IllegalArgumentException.class, () -> BlockHeader.parse(new byte[79]));
    }
}
