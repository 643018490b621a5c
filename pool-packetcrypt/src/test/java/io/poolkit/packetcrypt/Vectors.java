package io.poolkit.packetcrypt;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.testing.TestVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The PacketCrypt vectors in ../shared/vectors/packetcrypt. */
public final class Vectors {

    private Vectors() {
    }

    public static JsonNode primitives() {
        return TestVectors.json("packetcrypt/primitive_vectors.json");
    }

    public static JsonNode realAnn() {
        return TestVectors.json("packetcrypt/ann_v1_real_497731.json");
    }

    public static JsonNode pcp() {
        return TestVectors.json("packetcrypt/pcp_block_vectors.json");
    }

    /** The PayMaker event log (ndjson text). */
    public static String paymakerEvents() {
        try {
            return Files.readString(TestVectors.path("packetcrypt/paymaker/events.ndjson"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] realAnnBytes() {
        try {
            return Files.readAllBytes(TestVectors.path("packetcrypt/ann_v1_497731.bin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real announcement's parent block hash, internal byte order. */
    public static byte[] realParentHash() {
        return Hex.decode(realAnn().get("parent_block_hash_internal").asText());
    }

    public static byte[] hex(JsonNode node) {
        return Hex.decode(node.asText());
    }

    public static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
