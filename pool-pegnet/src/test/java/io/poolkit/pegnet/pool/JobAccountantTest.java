package io.poolkit.pegnet.pool;

import io.poolkit.core.testing.SteppableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobAccountantTest {


    private static long targetOfDifficulty(double d) {
        return ShareDifficulty.targetFromDifficulty(d, ShareDifficulty.PDIFF);
    }

    @Test
    void shareMapSumsLikeUpstream() {
        // misc_upstream_vectors.tsv share_map_sum: user1 d=10 x2, user2 d=10, user3 d=10
        JobAccountant a = new JobAccountant(new SteppableClock(java.time.Instant.parse("2020-01-01T00:00:00Z")));
        a.open(5);
        long t10 = targetOfDifficulty(10);
        double d10 = ShareDifficulty.difficulty(t10);
        for (String u : new String[] {"user1", "user1", "user2", "user3"}) {
            assertTrue(a.add(5, u, "m", t10));
        }
        assertEquals(4 * d10, a.poolDifficulty(5), 1e-9);
        assertEquals(2 * d10, a.user(5, "user1").orElseThrow().totalDifficulty(), 1e-9);
        assertEquals(2, a.user(5, "user1").orElseThrow().shares());
        assertEquals(10.0, d10, 1e-6);
        assertFalse(a.add(6, "user1", "m", t10), "job never opened");
    }

    @Test
    void closeSplitsTheRewardByDifficulty() {
        SteppableClock clock = new SteppableClock(java.time.Instant.parse("2020-01-01T00:00:00Z"));
        JobAccountant a = new JobAccountant(clock);
        a.open(7);
        // pool difficulty 6: u1 1, u2 2, u3 3 (payout_examples_derived.tsv case2)
        long t1 = ShareDifficulty.PDIFF;
        for (int i = 0; i < 6; i++) {
            String u = i < 1 ? "u1" : i < 3 ? "u2" : "u3";
            a.add(7, u, "rig", t1);
            clock.advance(Duration.ofSeconds(10));
        }
        OwedPayouts.Result r = a.close(7, 900000000000L, new BigDecimal("0.10"));
        assertEquals(90000000000L, r.poolFee());
        assertEquals(8100, r.dust());
        assertEquals(134999994600L, r.users().get(0).payout());
        assertEquals(405000000000L, r.users().get(2).payout());
        assertTrue(a.user(7, "u1").isEmpty(), "closed");
        // a job lost before a restart: everything is dust
        OwedPayouts.Result lost = a.close(8, 1000, OwedPayouts.NO_FEE);
        assertEquals(1000, lost.dust());
    }

    @Test
    void hashRateNeedsFiveSharesAndTime() {
        SteppableClock clock = new SteppableClock(java.time.Instant.parse("2020-01-01T00:00:00Z"));
        JobAccountant a = new JobAccountant(clock);
        a.open(1);
        for (int i = 0; i < 4; i++) {
            a.add(1, "u", "m", ShareDifficulty.PDIFF);
            clock.advance(Duration.ofSeconds(30));
        }
        assertTrue(a.user(1, "u").orElseThrow().hashRate().isEmpty());
        a.add(1, "u", "m", ShareDifficulty.PDIFF);
        // 5 shares at PDiff (65536 expected hashes each) over 120 s: about 5 * 65536 / 120
        double hr = a.user(1, "u").orElseThrow().hashRate().orElseThrow();
        assertEquals(5 * 65536.0 / 120, hr, 1.0);
    }
}
