package io.poolkit.qtum.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.testing.TestVectors;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayoutVectorsTest {

    private static final JsonNode VECTORS = TestVectors.json("qtum/vectors/payout_examples.json");
    /** The pool balance of the example file 683567poolshare.csv that the vectors' revenue uses. */
    private static final long SAMPLE_POOL_BALANCE = 5_724_236_827L;

    private static Map<String, Long> sharesIn() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = VECTORS.get("poolshares_in").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asLong());
        }
        return out;
    }

    @Test
    void everyPayoutCaseMatches() {
        JsonNode cases = VECTORS.get("cases");
        assertTrue(cases.size() >= 2);
        for (JsonNode c : cases) {
            int fee = c.get("pool_fee_pct").asInt();
            PayoutPlanner planner = PayoutPlanner.ppm(fee, c.get("intsatsSendmanyMinimum").asLong());
            assertEquals(c.get("threshold_poolshare_sats").asLong(), planner.thresholdSats(), "fee " + fee);
            PayoutPlan plan = planner.plan(sharesIn(), SAMPLE_POOL_BALANCE);

            Map<String, String> paidText = new LinkedHashMap<>();
            plan.paidSats().forEach((k, v) -> paidText.put(k, PayoutPlanner.ppmQtumText(v)));
            Map<String, String> expectedText = new LinkedHashMap<>();
            c.get("paid_qtum_as_ppm_formats").fields().forEachRemaining(e -> expectedText.put(e.getKey(), e.getValue().asText()));
            assertEquals(expectedText, paidText, "fee " + fee);

            c.get("paid_exact_sats_before_rounding").fields().forEachRemaining(e -> {
                long share = sharesIn().get(e.getKey());
                BigDecimal exact = BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(100 - fee))
                        .divide(BigDecimal.valueOf(100));
                assertEquals(0, new BigDecimal(e.getValue().asText()).compareTo(exact), e.getKey());
                assertEquals(exact.setScale(0, RoundingMode.HALF_EVEN).longValueExact(), plan.paidSats().get(e.getKey()));
            });

            Map<String, Long> carried = new LinkedHashMap<>();
            c.get("carried_over_sats").fields().forEachRemaining(e -> carried.put(e.getKey(), e.getValue().asLong()));
            assertEquals(carried, plan.carriedOverSats(), "fee " + fee);
            assertEquals(carried.values().stream().mapToLong(Long::longValue).sum(), plan.newPoolBalanceSats());

            assertEquals(c.get("total_paid_qtum_float").asText(), PayoutPlanner.ppmQtumText(plan.totalPaidSats()));
            assertEquals(new BigDecimal(c.get("revenue_increment_sats_ppm_style").asText()).longValueExact(),
                    plan.revenueIncrementSats(), "fee " + fee);
            assertEquals(1, plan.batches().size());
            assertTrue(!plan.paidSats().containsKey("qLHuSYRtbmq4cBnrULQyXV9adV3Qk26jVS"), "zero share dropped");
        }
    }

    @Test
    void thresholdsForNegativeAndFullFees() {
        assertEquals(90_909L, PayoutPlanner.ppm(-10, 100_000).thresholdSats());
        assertEquals(100_000L, PayoutPlanner.ppm(100, 100_000).thresholdSats());
        PayoutPlan plan = PayoutPlanner.ppm(100, 100_000).plan(Map.of("a", 200_000L), 200_000L);
        assertTrue(plan.paidSats().isEmpty(), "fee 100 sends no 0-value outputs");
        assertEquals(200_000L, plan.revenueIncrementSats());
        assertEquals(110_000L, PayoutPlanner.ppm(-10, 100_000).netSats(100_000));
    }

    @Test
    void batchesHoldAtMost500OutputsAndRevenueIsCountedOnce() {
        Map<String, Long> shares = new LinkedHashMap<>();
        for (int i = 0; i < 1_201; i++) {
            shares.put("d" + i, 1_000_000L);
        }
        PayoutPlan plan = PayoutPlanner.ppm(10, 100_000).plan(shares, 1_201_000_000L);
        assertEquals(3, plan.batches().size());
        assertEquals(500, plan.batches().get(0).size());
        assertEquals(500, plan.batches().get(1).size());
        assertEquals(201, plan.batches().get(2).size());
        assertEquals(1_201L * 900_000L, plan.totalPaidSats());
        assertEquals(1_201L * 100_000L, plan.revenueIncrementSats());
    }

    @Test
    void ppmNumberTextLikePythonStr() {
        assertEquals("25.0", PayoutPlanner.ppmQtumText(2_500_000_000L));
        assertEquals("0.001", PayoutPlanner.ppmQtumText(100_000L));
        assertEquals("0.00000001", PayoutPlanner.ppmQtumText(1L));
    }
}
