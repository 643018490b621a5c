package io.poolkit.packetcrypt.ann;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.packetcrypt.Vectors;
import io.poolkit.packetcrypt.crypto.Blake2b;
import io.poolkit.packetcrypt.crypto.CryptoCycle;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ItemVectorsTest {

    static Stream<JsonNode> items() {
        return Vectors.list(Vectors.primitives().get("mk_item_v1").get("vectors")).stream();
    }

    @ParameterizedTest
    @MethodSource("items")
    void makesTheReferenceV1Item(JsonNode v) {
        ItemMaker maker = new ItemMaker(new CryptoCycle());
        assertTrue(maker.loadProgram(Vectors.hex(v.get("program_seed")), 0));
        byte[] item = new byte[CryptoCycle.ITEM_SIZE];
        assertTrue(maker.makeItem(v.get("item_no").asInt(), Vectors.hex(v.get("item_seed")), 0, item, 0));
        assertEquals(v.get("item_first64").asText(), Hex.encode(item, 0, 64));
        assertEquals(v.get("item_blake2b256").asText(), Hex.encode(Blake2b.hash32(item)));
    }
}
