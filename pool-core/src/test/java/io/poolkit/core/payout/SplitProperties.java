package io.poolkit.core.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.ledger.AcceptedShare;
import io.poolkit.core.ledger.CreditKind;
import io.poolkit.core.ledger.CreditLine;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Every split sums exactly to what it splits, is never negative, and does not depend on input order. */
class SplitProperties {

    private static final String FINDER = "Rfinder";
    private static final String FEE = "Rfee";

    @Provide
    Arbitrary<Map<String, BigDecimal>> weights() {
        Arbitrary<String> address = Arbitraries.strings().withCharRange('a', 'f').ofMinLength(1).ofMaxLength(3)
                .map(s -> "R" + s);
        Arbitrary<BigDecimal> weight = Combinators.combine(Arbitraries.longs().between(0, 1_000_000_000_000L),
                Arbitraries.integers().between(0, 8)).as((u, scale) -> BigDecimal.valueOf(u, scale));
        return Arbitraries.maps(address, weight).ofMinSize(1).ofMaxSize(30)
                .filter(m -> m.values().stream().anyMatch(w -> w.signum() > 0));
    }

    @Property
    void weightSplitSumsExactlyAndIsNeverNegative(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long amount,
            @ForAll("weights") Map<String, BigDecimal> weights) {
        SortedMap<String, Long> parts = WeightSplitter.split(amount, weights);
        assertEquals(weights.keySet(), parts.keySet());
        BigInteger sum = BigInteger.ZERO;
        for (long p : parts.values()) {
            assertTrue(p >= 0);
            sum = sum.add(BigInteger.valueOf(p));
        }
        assertEquals(BigInteger.valueOf(amount), sum);
        parts.forEach((k, p) -> {
            if (weights.get(k).signum() == 0) {
                assertEquals(0L, p, "a zero weight gets nothing");
            }
        });
    }

    @Property
    void weightSplitDoesNotDependOnOrder(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long amount,
            @ForAll("weights") Map<String, BigDecimal> weights) {
        List<String> keys = new ArrayList<>(weights.keySet());
        java.util.Collections.reverse(keys);
        Map<String, BigDecimal> reversed = new LinkedHashMap<>();
        keys.forEach(k -> reversed.put(k, weights.get(k).setScale(weights.get(k).scale() + 2)));
        assertEquals(WeightSplitter.split(amount, weights), WeightSplitter.split(amount, reversed));
    }

    @Property
    void weightSplitIsWithinOneUnitOfTheExactShare(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long amount,
            @ForAll("weights") Map<String, BigDecimal> weights) {
        BigDecimal total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        WeightSplitter.split(amount, weights).forEach((k, p) -> {
            BigDecimal exact = BigDecimal.valueOf(amount).multiply(weights.get(k));
            BigDecimal lo = BigDecimal.valueOf(p - 1).multiply(total);
            BigDecimal hi = BigDecimal.valueOf(p + 1).multiply(total);
            assertTrue(exact.compareTo(lo) > 0 && exact.compareTo(hi) < 0, k + " got " + p);
        });
    }

    @Property
    void propAndPplnsSplitsSumToTheReward(@ForAll @LongRange(min = 0, max = 2_100_000_000_000_000L) long reward,
            @ForAll("weights") Map<String, BigDecimal> weights, @ForAll @IntRange(min = 0, max = 500) int fee,
            @ForAll @IntRange(min = 0, max = 500) int bonus) {
        checkSplit(reward, new BlockSplitter(new PoolFee(fee, FEE), bonus).split(reward, FINDER, weights));
    }

    @Property
    void soloSplitSumsToTheRewardAndPaysTheFinder(@ForAll @LongRange(min = 0, max = 2_100_000_000_000_000L) long reward,
            @ForAll @IntRange(min = 0, max = 1000) int fee) {
        List<CreditLine> lines = new BlockSplitter(new PoolFee(fee, FEE), 0).split(reward, FINDER, new TreeMap<>());
        checkSplit(reward, lines);
        long finder = lines.stream().filter(l -> l.address().equals(FINDER)).mapToLong(CreditLine::amount).sum();
        assertEquals(reward - new PoolFee(fee, FEE).of(reward), finder);
    }

    @Property
    void pplnsWindowHoldsExactlyNUnits(@ForAll("shares") List<AcceptedShare> newestFirst,
            @ForAll @IntRange(min = 1, max = 50) int factorTenths) {
        BigDecimal n = BigDecimal.valueOf(factorTenths, 1).multiply(new BigDecimal("16"));
        Pplns.Window w = new Pplns.Window(n);
        for (AcceptedShare s : newestFirst) {
            if (!w.add(s)) {
                break;
            }
        }
        BigDecimal all = newestFirst.stream().map(AcceptedShare::difficulty).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal inWindow = w.weights().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, inWindow.compareTo(all.min(n)));
        w.weights().values().forEach(v -> assertTrue(v.signum() > 0));
    }

    @Property
    void ppsCreditsAreNeverNegativeAndNeverExceedTheShareValue(@ForAll("shares") List<AcceptedShare> shares,
            @ForAll @IntRange(min = 0, max = 1000) int fee) {
        long reward = 5_000_000_000L;
        List<CreditLine> lines = new Pps(new PoolFee(fee, FEE), reward).credits(shares);
        BigDecimal exact = BigDecimal.ZERO;
        for (AcceptedShare s : shares) {
            exact = exact.add(BigDecimal.valueOf(reward).multiply(BigDecimal.valueOf(1000 - fee)).multiply(s.difficulty())
                    .divide(s.networkDifficulty().multiply(BigDecimal.valueOf(1000)), 30, java.math.RoundingMode.DOWN));
        }
        long paid = 0;
        for (CreditLine l : lines) {
            assertTrue(l.amount() > 0);
            assertEquals(CreditKind.PPS, l.kind());
            paid += l.amount();
        }
        assertTrue(BigDecimal.valueOf(paid).compareTo(exact.add(BigDecimal.ONE)) <= 0);
        assertTrue(BigDecimal.valueOf(paid + lines.size() + 3).compareTo(exact) >= 0);
    }

    @Provide
    Arbitrary<List<AcceptedShare>> shares() {
        Arbitrary<AcceptedShare> share = Combinators.combine(Arbitraries.of("Ra", "Rb", "Rc", "Rd"),
                Arbitraries.integers().between(1, 4096), Arbitraries.integers().between(0, 3))
                .as((a, d, s) -> new AcceptedShare(a, "", BigDecimal.valueOf(d, s), new BigDecimal("16"), "j1", 1,
                        Instant.EPOCH));
        return share.list().ofMaxSize(60);
    }

    private static void checkSplit(long reward, List<CreditLine> lines) {
        long sum = 0;
        for (CreditLine l : lines) {
            assertTrue(l.amount() > 0, "no line of zero or less");
            sum = Math.addExact(sum, l.amount());
        }
        assertEquals(reward, sum);
    }
}
