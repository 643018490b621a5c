package io.poolkit.pegnet.pool;

import io.poolkit.pegnet.opr.OprPrices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.testing.TestVectors;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolArithmeticTest {

    private static List<String[]> rows(String file) {
        List<String[]> rows = new ArrayList<>();
        for (String line : TestVectors.text(file).split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                rows.add(line.strip().split("\t", -1));
            }
        }
        return rows.subList(1, rows.size()); // header
    }

    @Test
    void emaVectors() {
        List<String[]> rows = rows("pegnet/pool/ema_vectors.tsv");
        assertEquals(4, rows.size());
        for (String[] r : rows) {
            long prev = Long.parseUnsignedLong(r[0]);
            long latest = Long.parseUnsignedLong(r[1]);
            int n = Integer.parseInt(r[2]);
            long got = Ema.next(prev, latest, n);
            assertEquals(r[4], Long.toUnsignedString(got), String.join(" ", r));
            // the upstream test's tolerance against its own expectation
            double exp = new BigDecimal(r[3]).doubleValue();
            double rel = Math.abs(new BigDecimal(Long.toUnsignedString(got)).doubleValue() - exp) / exp;
            assertTrue(rel <= 0.001);
        }
        // row 4: truncating division would give 20255028
        assertEquals(20255027L, Ema.next(21412451L, 123L, 36));
    }

    @Test
    void difficultyVectors() {
        List<String[]> rows = rows("pegnet/pool/difficulty_vectors.tsv");
        assertEquals(11, rows.size());
        for (String[] r : rows) {
            long target = Long.parseUnsignedLong(r[0], 16);
            assertEquals(Double.parseDouble(r[1]), ShareDifficulty.difficulty(target), r[0]);
            assertEquals(Long.parseLong(r[2]), ShareDifficulty.expectedHashes(target), r[0]);
        }
    }

    @Test
    void targetFromDifficultyUpstreamVector() {
        // misc_upstream_vectors.tsv target_from_difficulty: difficulty 1.0 at base PDiff is PDiff
        assertTrue(TestVectors.text("pegnet/pool/misc_upstream_vectors.tsv")
                .contains("target_from_difficulty\tdifficulty=1.0 base=PDiff(0xffff000000000000)\t0xffff000000000000"));
        assertEquals(ShareDifficulty.PDIFF, ShareDifficulty.targetFromDifficulty(1.0, ShareDifficulty.PDIFF));
        long t = ShareDifficulty.targetFromDifficulty(256.0, ShareDifficulty.PDIFF);
        assertEquals(0xffffff0000000000L, t & 0xffffffff00000000L);
    }

    @Test
    void quotientRoundsTo64BitsNearestEven() {
        // 1/3 to 64 bits: 0xaaaaaaaaaaaaaaab * 2^-65
        BigDecimal q = ShareDifficulty.quotientRounded64(BigInteger.ONE, BigInteger.valueOf(3));
        assertEquals(new BigDecimal(new BigInteger("aaaaaaaaaaaaaaab", 16))
                .divide(new BigDecimal(BigInteger.ONE.shiftLeft(65))), q);
    }

    @Test
    void shareMapSumUpstreamVector() {
        // misc_upstream_vectors.tsv share_map_sum: user1 d=10 x2, user2 d=10, user3 d=10 -> total 40, user1 20
        Map<String, Double> users = new LinkedHashMap<>();
        double pool = 0;
        for (String u : new String[] {"user1", "user1", "user2", "user3"}) {
            users.merge(u, 10.0, Double::sum);
            pool += 10.0;
        }
        assertEquals(40.0, pool);
        assertEquals(20.0, users.get("user1"));
    }

    @Test
    void payoutExamples() {
        List<String[]> rows = rows("pegnet/pool/payout_examples_derived.tsv");
        // case1 lists only bob (other users are not in this copy): check the fee, the remainder and bob's payout
        // from his proportion.
        String[] c1 = rows.get(0);
        BigDecimal rate = OwedPayouts.parseFeeRate(c1[2]);
        OwedPayouts.Result r1 = OwedPayouts.compute(Long.parseLong(c1[1]), rate, Map.of(), 1.0);
        assertEquals(Long.parseLong(c1[3]), r1.poolFee());
        assertEquals(Long.parseLong(c1[4]), r1.remaining());
        assertEquals(Long.parseLong(c1[8]), new BigDecimal(r1.remaining()).multiply(new BigDecimal(c1[7]))
                .setScale(0, java.math.RoundingMode.DOWN).longValueExact());
        // case2: u1 = 1.0 and u3 = 3.0 are listed; the dust of 8100 pins the unlisted u2 at 2.0 (pool 6.0).
        Map<String, Double> users = new LinkedHashMap<>();
        users.put("u1", 1.0);
        users.put("u2", 2.0);
        users.put("u3", 3.0);
        double pool = 0;
        for (double d : users.values()) {
            pool += d;
        }
        String[] c2 = rows.get(1);
        OwedPayouts.Result r2 = OwedPayouts.compute(Long.parseLong(c2[1]), OwedPayouts.parseFeeRate(c2[2]), users, pool);
        assertEquals(Long.parseLong(c2[3]), r2.poolFee());
        assertEquals(Long.parseLong(c2[4]), r2.remaining());
        assertEquals(Long.parseLong(c2[9]), r2.dust());
        for (String[] row : rows.subList(1, rows.size())) {
            OwedPayouts.UserPayout u = r2.users().stream().filter(x -> x.user().equals(row[5])).findFirst()
                    .orElseThrow();
            assertEquals(Double.parseDouble(row[6]), u.difficulty());
            assertEquals(new BigDecimal(row[7]), u.proportion());
            assertEquals(Long.parseLong(row[8]), u.payout());
        }
    }

    @Test
    void feeRateRules() {
        assertEquals(OwedPayouts.NO_FEE, OwedPayouts.parseFeeRate("-1"));
        assertEquals(new BigDecimal("0.12345678"), OwedPayouts.parseFeeRate("0.123456789"));
        assertThrows(IllegalArgumentException.class, () -> OwedPayouts.parseFeeRate("0"));
        assertThrows(IllegalArgumentException.class, () -> OwedPayouts.parseFeeRate(""));
        assertThrows(IllegalArgumentException.class, () -> OwedPayouts.parseFeeRate("1.5"));
        assertEquals(0, OwedPayouts.compute(1000, OwedPayouts.NO_FEE, Map.of("a", 1.0), 1.0).poolFee());
        assertEquals(new BigDecimal("0.1"), OprPrices.shortestDecimal(0.1));
        assertEquals(new BigDecimal("93.44120129201512"), OprPrices.shortestDecimal(93.44120129201512));
    }
}
