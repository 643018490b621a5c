package io.poolkit.core.pow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.bytes.LittleEndian;
import io.poolkit.core.testing.TestVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The midstate path gives the same hashes as plain SHA256d (sha256d.json headers and random headers). */
class Sha256dMidstateTest {

    static Stream<JsonNode> headers() {
        List<JsonNode> out = new ArrayList<>();
        TestVectors.json("hash/sha256d.json").get("vectors").forEach(v -> {
            if (v.has("header_hex")) {
                out.add(v);
            }
        });
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("headers")
    void midstateHashesTheVectorHeaders(JsonNode v) {
        byte[] header = Hex.decode(v.get("header_hex").asText());
        Sha256dMidstate midstate = Sha256dMidstate.of(header);
        byte[] out = new byte[32];
        midstate.hashWithNonce(header, LittleEndian.readInt32(header, 76), out);
        assertEquals(v.get("sha256d_raw_hex").asText(), Hex.encode(out));
        assertEquals(v.get("sha256d_raw_hex").asText(), Hex.encode(midstate.hash(header)));
        assertEquals(v.get("sha256d_raw_hex").asText(), Hex.encode(PowAlgorithms.SHA256D.hashHeader(header)));
    }

    @Test
    void batchedNoncesMatchOneByOne() {
        Random random = new Random(7);
        byte[] header = new byte[80];
        random.nextBytes(header);
        Sha256dMidstate midstate = Sha256dMidstate.of(header);
        Sha256dMidstate.Workspace ws = new Sha256dMidstate.Workspace();
        int count = 200;
        byte[] batch = new byte[32 * count];
        midstate.hashNonces(header, 0x7ffffff0, count, batch, 0, ws);
        for (int i = 0; i < count; i++) {
            LittleEndian.writeInt32(header, 76, 0x7ffffff0 + i);
            byte[] one = Sha256d.hash(header);
            assertArrayEquals(one, java.util.Arrays.copyOfRange(batch, 32 * i, 32 * i + 32), "nonce " + i);
        }
    }
}
