package io.poolkit.core.pow.x11;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.testing.TestVectors;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ../shared/vectors/hash/x11.json: every primitive on every input, every chain step, every X11 digest. */
class X11VectorsTest {

    private static final JsonNode VECTORS = TestVectors.json("hash/x11.json");

    /** (input name, primitive name, input hex, expected hex) for every per-function entry. */
    static Stream<Arguments> perFunction() {
        List<Arguments> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = VECTORS.get("per_function").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> input = it.next();
            for (String primitive : X11Primitives.names()) {
                String key = primitive.replace("512", "");
                out.add(Arguments.of(input.getKey(), primitive, input.getValue().get("input_hex").asText(),
                        input.getValue().get(key).asText()));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> chainSteps() {
        List<Arguments> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = VECTORS.get("chain").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> chain = it.next();
            String input = chain.getValue().get("input_hex").asText();
            for (JsonNode step : chain.getValue().get("steps")) {
                out.add(Arguments.of(chain.getKey(), step.get("fn").asText() + "512", input, step.get("out").asText()));
                input = step.get("out").asText();
            }
        }
        return out.stream();
    }

    static Stream<Arguments> digests() {
        List<Arguments> out = new ArrayList<>();
        VECTORS.get("x11").fields().forEachRemaining(e -> out.add(Arguments.of(e.getKey(),
                e.getValue().get("input_hex").asText(), e.getValue().get("x11_raw_32").asText())));
        VECTORS.get("chain").fields().forEachRemaining(e -> out.add(Arguments.of("chain " + e.getKey(),
                e.getValue().get("input_hex").asText(), e.getValue().get("final_32_raw").asText())));
        return out.stream();
    }

    @ParameterizedTest(name = "{1}({0})")
    @MethodSource("perFunction")
    void primitiveMatches(String inputName, String primitive, String inputHex, String expectedHex) {
        Hash512 h = X11Primitives.create(primitive).orElseThrow();
        assertEquals(primitive, h.name());
        assertEquals(expectedHex, Hex.encode(h.hash(Hex.decode(inputHex))));
        // Same result at an offset inside larger buffers, and again on a reused instance.
        byte[] input = Hex.decode(inputHex);
        byte[] padded = Bytes.concat(new byte[7], input, new byte[5]);
        byte[] out = new byte[64 + 3];
        h.hash(padded, 7, input.length, out, 3);
        assertEquals(expectedHex, Hex.encode(out, 3, 64));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("chainSteps")
    void chainStepMatches(String chain, String primitive, String inputHex, String expectedHex) {
        assertEquals(expectedHex, Hex.encode(X11Primitives.create(primitive).orElseThrow().hash(Hex.decode(inputHex))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("digests")
    void x11Digest(String name, String inputHex, String expectedRawHex) {
        assertEquals(expectedRawHex, Hex.encode(new X11().hash(Hex.decode(inputHex))));
    }

    @Test
    void orderIsTheVectorFilesOrder() {
        List<String> order = new ArrayList<>();
        VECTORS.get("order").forEach(n -> order.add(n.asText()));
        assertEquals(order, X11.order());
    }

    @Test
    void dashGenesisDisplayHash() {
        JsonNode g = VECTORS.get("chain").get("dash_genesis_header");
        assertEquals(g.get("final_32_display").asText(),
                Hex.encode(Bytes.reversed(new X11().hash(Hex.decode(g.get("input_hex").asText())))));
    }
}
