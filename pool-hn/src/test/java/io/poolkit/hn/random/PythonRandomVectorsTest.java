package io.poolkit.hn.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.testing.TestVectors;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** hn/python_random_mt.json: CPython 3.11 random, seeded as the hypernode seeds it. */
class PythonRandomVectorsTest {

    static Stream<JsonNode> seeds() {
        JsonNode seeds = TestVectors.json("hn/python_random_mt.json").get("seeds");
        return StreamSupport.stream(seeds.spliterator(), false);
    }

    private static PythonRandom seeded(JsonNode v) {
        JsonNode seed = v.get("seed");
        return switch (v.get("kind").asText()) {
            case "bytes" -> PythonRandom.seededWithBytes(Hex.decode(seed.asText()));
            case "str" -> PythonRandom.seededWithString(seed.asText());
            case "int" -> PythonRandom.seededWithInt(new BigInteger(seed.asText()));
            default -> throw new IllegalArgumentException("unknown seed kind " + v.get("kind"));
        };
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) array.get(i).asLong();
        }
        return out;
    }

    private static List<Integer> list(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void keyWordsLeastSignificantFirst(JsonNode v) {
        if (!v.get("kind").asText().equals("int")) {
            byte[] seed = v.get("kind").asText().equals("bytes") ? Hex.decode(v.get("seed").asText())
                    : v.get("seed").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertArrayEquals(ints(v.get("key_words_uint32_lsw_first")), PythonRandom.seedKey(seed));
        } else {
            assertArrayEquals(ints(v.get("key_words_uint32_lsw_first")),
                    PythonRandom.keyWords(new BigInteger(v.get("seed").asText())));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void getrandbits32(JsonNode v) {
        PythonRandom r = seeded(v);
        for (JsonNode expected : v.get("getrandbits32_first20")) {
            assertEquals(expected.asLong(), r.getrandbits(32));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomFloats(JsonNode v) {
        PythonRandom r = seeded(v);
        for (JsonNode expected : v.get("random_float_first5")) {
            assertEquals(Double.parseDouble(expected.asText()), r.random());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randbelowSequenceFromOneSeed(JsonNode v) {
        PythonRandom r = seeded(v);
        Iterator<Map.Entry<String, JsonNode>> byBound = v.get("randbelow_seq").fields();
        while (byBound.hasNext()) {
            Map.Entry<String, JsonNode> e = byBound.next();
            int n = Integer.parseInt(e.getKey());
            for (JsonNode expected : e.getValue()) {
                assertEquals(expected.asInt(), r.randbelow(n), "randbelow(" + n + ")");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shuffleOfRangeWithAFreshSeed(JsonNode v) {
        v.get("shuffle_range_n_fresh_seed").fields().forEachRemaining(e -> {
            int n = Integer.parseInt(e.getKey());
            List<Integer> x = new ArrayList<>(IntStream.range(0, n).boxed().toList());
            seeded(v).shuffle(x);
            assertEquals(list(e.getValue()), x, "shuffle(range(" + n + "))");
        });
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void samplesOfTwoWithAFreshSeed(JsonNode v) {
        v.get("sample2_of_range_n_x6_fresh_seed").fields().forEachRemaining(e -> {
            int n = Integer.parseInt(e.getKey());
            List<Integer> population = IntStream.range(0, n).boxed().toList();
            PythonRandom r = seeded(v);
            for (JsonNode expected : e.getValue()) {
                assertEquals(list(expected), r.sample(population, 2), "sample(range(" + n + "), 2)");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void choicesFromAFreshSeed(JsonNode v) {
        PythonRandom r = seeded(v);
        List<Integer> types = List.of(0, 1, 2, 3, 4);
        for (JsonNode expected : v.get("choice_0to4_x12")) {
            assertEquals(expected.asInt(), r.choice(types));
        }
    }

    @Test
    void intSeedIsNotInitGenrand() {
        // seed(5489) goes through init_by_array([5489]): the textbook init_genrand(5489) would give 3499211612.
        assertEquals(3382763572L, PythonRandom.seededWithInt(BigInteger.valueOf(5489)).getrandbits(32));
    }

    @Test
    void allZeroHashGivesSixteenKeyWords() {
        assertEquals(16, PythonRandom.seedKey(new byte[20]).length);
    }

    @Test
    void setsizeGrowsForLargerSamples() {
        assertEquals(21, PythonRandom.setsize(2));
        assertEquals(21, PythonRandom.setsize(5));
        assertEquals(21 + 64, PythonRandom.setsize(6));
    }
}
