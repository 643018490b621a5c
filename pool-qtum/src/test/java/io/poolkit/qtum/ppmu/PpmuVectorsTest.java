package io.poolkit.qtum.ppmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.testing.TestVectors;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PpmuVectorsTest {

    private static final JsonNode EXAMPLES = TestVectors.json("qtum/vectors/ppmu_worked_examples.json").get("examples");

    private static List<Utxo> utxos(JsonNode array) {
        List<Utxo> out = new ArrayList<>();
        array.forEach(u -> out.add(new Utxo(u.get("satoshis").asLong(), u.get("height").asInt())));
        return out;
    }

    private static Map<String, Long> longs(JsonNode obj) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asLong());
        }
        return out;
    }

    @Test
    void ppmSampleWeight() {
        JsonNode ex = EXAMPLES.get(0);
        MatureWeight rule = new MatureWeight(ex.get("maturity").asInt(), ex.get("orphan_delay").asInt(),
                ex.get("min_utxo_qtum").asLong() * 100_000_000L, 100);
        int tip = ex.get("tip_height").asInt();
        assertEquals(ex.get("mature_height_limit").asInt(), rule.matureHeightLimit(tip));
        assertEquals(ex.get("expected_weight_sats").asLong(), rule.weight(utxos(ex.get("utxos")), tip));
    }

    @Test
    void recordedGetaddressutxosGivesTheSameWeight() {
        JsonNode result = TestVectors.json("qtum/rpc/ppm_getaddressutxos_chaininfo_testnet_2020.json").get("result");
        MatureWeight rule = new MatureWeight(500, 5, 25 * 100_000_000L, 100);
        assertEquals(22_193_693_756L, rule.weight(utxos(result.get("utxos")), result.get("height").asInt()));
    }

    @Test
    void syntheticPoolBlockWeightsEligibilityAndShares() {
        JsonNode ex = EXAMPLES.get(1);
        MatureWeight rule = new MatureWeight(ex.get("maturity").asInt(), ex.get("orphan_delay").asInt(),
                ex.get("min_utxo_qtum").asLong() * 100_000_000L, ex.get("required_fee").asInt());
        int tip = ex.get("tip_height").asInt();
        assertEquals(ex.get("mature_height_limit").asInt(), rule.matureHeightLimit(tip));
        List<Delegation> delegations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ex.get("delegates").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Delegation d = new Delegation(e.getKey(), e.getValue().get("fee").asInt(), utxos(e.getValue().get("utxos")));
            assertEquals(e.getValue().get("expected_weight_sats").asLong(), rule.weight(d, tip), e.getKey());
            delegations.add(d);
        }
        Map<String, Long> eligible = rule.eligible(delegations, tip);
        assertEquals(List.of("QA", "QB"), List.copyOf(eligible.keySet()));
        assertEquals(ex.get("total_weight_sats").asLong(), eligible.values().stream().mapToLong(Long::longValue).sum());

        long reward = ex.get("block_reward_sats").asLong();
        Map<String, Long> ppm = WeightSplitter.split(reward, eligible, Rounding.PPM);
        Map<String, Long> halfEven = longs(ex.get("expected_share_increment_sats_exact_half_even"));
        Map<String, Long> floatPath = longs(ex.get("ppm_float_path_result"));
        for (String k : halfEven.keySet()) {
            assertEquals(halfEven.get(k), ppm.getOrDefault(k, 0L), k);
            assertEquals(floatPath.get(k), ppm.getOrDefault(k, 0L), k);
        }
        assertEquals(ex.get("sum_of_increments").asLong(), ppm.values().stream().mapToLong(Long::longValue).sum());

        Map<String, Long> exact = WeightSplitter.split(reward, eligible, Rounding.EXACT);
        assertEquals(reward, exact.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(12_994_970L, exact.get("QA"));
        assertEquals(37_128_487L, exact.get("QB"));
    }

    @Test
    void halfEvenTie() {
        JsonNode ex = EXAMPLES.get(2);
        Map<String, Long> weights = longs(ex.get("weights"));
        Map<String, Long> ppm = WeightSplitter.split(ex.get("block_reward_sats").asLong(), weights, Rounding.PPM);
        assertEquals(longs(ex.get("exact_increments_half_even")), ppm);
        assertEquals(ex.get("sum_half_even").asLong(), ppm.values().stream().mapToLong(Long::longValue).sum());
        Map<String, Long> exact = WeightSplitter.split(5, weights, Rounding.EXACT);
        assertEquals(Map.of("QX", 3L, "QY", 2L), exact);
    }

    @Test
    void noEligibleWeightIsRefusedInBothModes() {
        assertFalse(WeightSplitter.hasWeight(Map.of("a", 0L, "b", 0L)));
        assertTrue(WeightSplitter.hasWeight(Map.of("a", 0L, "b", 1L)));
        for (Rounding r : Rounding.values()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> WeightSplitter.split(100, Map.of("a", 0L), r));
            assertTrue(e.getMessage().contains("no eligible weight"), e.getMessage());
        }
    }

    @Test
    void exactTiesGoToTheAddressFirstInAscendingOrderWhateverTheInputOrder() {
        Map<String, Long> zyx = new LinkedHashMap<>();
        zyx.put("QZ", 1L);
        zyx.put("QY", 1L);
        zyx.put("QX", 1L);
        Map<String, Long> out = WeightSplitter.split(5, zyx, Rounding.EXACT);
        assertEquals(List.of("QZ", "QY", "QX"), List.copyOf(out.keySet()), "input order kept in the result");
        assertEquals(Map.of("QX", 2L, "QY", 2L, "QZ", 1L), out);
    }

    @Property(tries = 200)
    void exactModeIsPoolCoresSplitter(
            @ForAll @LongRange(min = 0, max = 2_000_000_000_000L) long reward,
            @ForAll @Size(min = 1, max = 20) List<@LongRange(min = 1, max = 10_000_000_000_000L) Long> ws) {
        Map<String, Long> weights = new LinkedHashMap<>();
        Map<String, java.math.BigDecimal> big = new LinkedHashMap<>();
        for (int i = 0; i < ws.size(); i++) {
            weights.put("q" + (ws.size() - i), ws.get(i));
            big.put("q" + (ws.size() - i), java.math.BigDecimal.valueOf(ws.get(i)));
        }
        assertEquals(io.poolkit.core.payout.WeightSplitter.split(reward, big),
                new java.util.TreeMap<>(WeightSplitter.split(reward, weights, Rounding.EXACT)));
    }

    @Property(tries = 300)
    void exactSplitAllocatesEverySatoshiAndStaysWithinOneOfTheRatio(
            @ForAll @LongRange(min = 0, max = 2_000_000_000_000L) long reward,
            @ForAll @Size(min = 1, max = 20) List<@LongRange(min = 0, max = 10_000_000_000_000L) Long> ws) {
        Map<String, Long> weights = new LinkedHashMap<>();
        for (int i = 0; i < ws.size(); i++) {
            weights.put("d" + i, ws.get(i));
        }
        long total = ws.stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            assertThrows(IllegalArgumentException.class, () -> WeightSplitter.split(reward, weights, Rounding.EXACT));
            return;
        }
        Map<String, Long> exact = WeightSplitter.split(reward, weights, Rounding.EXACT);
        Map<String, Long> ppm = WeightSplitter.split(reward, weights, Rounding.PPM);
        assertEquals(reward, exact.values().stream().mapToLong(Long::longValue).sum());
        for (String k : weights.keySet()) {
            double ideal = (double) reward * weights.get(k) / total;
            assertTrue(Math.abs(exact.get(k) - ideal) < 1.0 + 1e-3 * Math.max(1, ideal / 1e9), k);
            assertTrue(Math.abs(exact.get(k) - ppm.get(k)) <= 1, k);
        }
    }
}
