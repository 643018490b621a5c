package io.poolkit.hn.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.testing.TestVectors;
import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.crypto.PosNetwork;
import io.poolkit.hn.registration.Openfield;
import io.poolkit.hn.registration.RegistrationException;
import io.poolkit.hn.wire.Hello;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** hn/consensus_misc.json: chain comparison, consensus rounding, hello strings, reg_extract, reward score. */
class ConsensusMiscVectorsTest {

    private static final JsonNode V = TestVectors.json("hn/consensus_misc.json");

    static Stream<JsonNode> heightCases() {
        return StreamSupport.stream(V.get("height_comparisons").get("cases").spliterator(), false);
    }

    static Stream<JsonNode> percentCases() {
        return StreamSupport.stream(V.get("consensus_percent_rounding").spliterator(), false);
    }

    static Stream<JsonNode> helloCases() {
        return StreamSupport.stream(V.get("hello").spliterator(), false);
    }

    static Stream<JsonNode> regExtractCases() {
        return StreamSupport.stream(V.get("reg_extract").spliterator(), false);
    }

    static Stream<JsonNode> scoreCases() {
        return StreamSupport.stream(V.get("reward_score_get_score").spliterator(), false);
    }

    static ChainHeight height(JsonNode h) {
        return new ChainHeight(h.get("height").asLong(), h.get("round").asLong(), h.get("sir").asLong(),
                ImmutableBytes.fromHex(h.get("block_hash").asText()), h.get("uniques").asLong(),
                h.get("uniques_round").asLong(), h.get("forgers").asLong(), h.get("forgers_round").asLong());
    }

    @ParameterizedTest
    @MethodSource("heightCases")
    void chainComparisons(JsonNode v) {
        ChainHeight a = height(v.get("a"));
        ChainHeight b = height(v.get("b"));
        String name = v.get("a_name").asText();
        assertEquals(v.get("first_height_is_better(a,b)").asBoolean(), ChainPreference.firstIsBetter(a, b), name);
        assertEquals(v.get("first_height_is_better(b,a)").asBoolean(), ChainPreference.firstIsBetter(b, a), name);
        assertEquals(v.get("same_height(a,b)").asBoolean(), a.sameTip(b), name);
        assertEquals(v.get("heights_match(a,b)").asBoolean(), a.matchesRound(b), name);
    }

    @Test
    void peerStatusesSortBestFirstAndStably() {
        Map<ChainHeight, String> names = new IdentityHashMap<>();
        List<ChainHeight> statuses = new ArrayList<>();
        for (JsonNode c : V.get("height_comparisons").get("cases")) {
            ChainHeight h = height(c.get("a"));
            names.put(h, c.get("a_name").asText());
            statuses.add(h);
        }
        List<String> inputNames = statuses.stream().map(names::get).toList();
        List<String> expectedInput = new ArrayList<>();
        V.get("peers_status_sorted_desc").get("input_order_names").forEach(n -> expectedInput.add(n.asText()));
        assertEquals(expectedInput, inputNames);
        List<String> sorted = ChainPreference.sortBestFirst(statuses).stream().map(names::get).toList();
        List<String> expected = new ArrayList<>();
        V.get("peers_status_sorted_desc").get("sorted_names").forEach(n -> expected.add(n.asText()));
        assertEquals(expected, sorted);
    }

    @ParameterizedTest
    @MethodSource("percentCases")
    void consensusPercentRoundsHalfToEven(JsonNode v) {
        assertEquals(v.get("pc_python_round_half_even").asLong(),
                ConsensusPercent.of(v.get("nb").asLong(), v.get("total").asLong()), v.toString());
    }

    @Test
    void consensusPercentNeedsHypernodes() {
        assertThrows(IllegalArgumentException.class, () -> ConsensusPercent.of(1, 0));
        assertThrows(IllegalArgumentException.class, () -> ConsensusPercent.of(-1, 4));
    }

    @ParameterizedTest
    @MethodSource("helloCases")
    void helloStrings(JsonNode v) {
        Hello hello = Hello.of(v.get("posnet").asText(), v.get("port").asInt(), v.get("address").asText(),
                PosNetwork.MAINNET);
        assertEquals(v.get("hello_string").asText(), hello.text());
        JsonNode params = v.get("hello_to_params");
        assertEquals(new Hello(params.get("posnet").asText(), params.get("port").asInt(), params.get("address").asText()),
                Hello.parse(v.get("hello_string").asText()));
        assertEquals(true, hello.posnetAllowedBy(Hello.BETA99_POSNET_ALLOW));
    }

    @ParameterizedTest
    @MethodSource("regExtractCases")
    void regExtract(JsonNode v) {
        String openfield = v.get("openfield").asText();
        String sender = v.get("sender").asText();
        if (v.get("ok").asBoolean()) {
            JsonNode e = v.get("ip_port_pos_reward");
            assertEquals(new Openfield(e.get(0).asText(), e.get(1).asText(), e.get(2).asText(), e.get(3).asText()),
                    Openfield.parse(openfield, sender));
            assertEquals(v.get("reason").asText(), Openfield.reason(openfield));
        } else {
            RegistrationException e = assertThrows(RegistrationException.class, () -> Openfield.parse(openfield, sender));
            assertEquals(v.get("error").asText(), "ValueError: " + e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("scoreCases")
    void rewardScoreInPythonFloats(JsonNode v) {
        JsonNode d = v.get("detail");
        RoundActivity activity = new RoundActivity(d.path("sources").asInt(0), d.path("start_count").asInt(0),
                d.path("forged").asInt(0), d.path("no_tests_sent").asInt(0), d.path("ok_tests_sent").asInt(0),
                d.path("ko_tests_sent").asInt(0), d.path("ok_actions_received").asInt(0),
                d.path("ko_actions_received").asInt(0));
        assertEquals(v.get("score").asDouble(), RewardScore.of(v.get("weight").asInt(), activity), v.toString());
    }
}
