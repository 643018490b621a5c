package io.poolkit.packetcrypt.paymaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.packetcrypt.Vectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Replays ../shared/vectors/packetcrypt/paymaker/events.ndjson into the PayBook. The recorded
 * whotopay reply of the real PayMaker is not in this copy of the vectors, so the expected replies
 * were taken from a run of the real js/PayMaker.js (PacketCrypt commit 187d7e76, node, outside this
 * repository) on the same log with these settings: {@code result} and {@code warn} (the
 * deterministic parts), values, texts and key order, equal to the last bit. The same numbers also
 * follow by hand from the formulas: 4096 x difficulty of the previous block, workMultiple(target),
 * one-minute slots with the first at the start of its minute, the zero-credit slot stop, PPLNS
 * constants 2 and 0.125, blockPayoutFraction 0.5, pool fee 0.2.
 */
class PayBookReplayTest {

    static final String P7A = "p7A4miQjxjmLPfbGyqRqyqTb5be9p527zS";
    static final String PDS = "pDSxcZunaUSUSxHrL6r8zpGJvoEropJ3Es";
    static final String PMU = "pMUbxVVJyHQ5sAKVvkwBDswS5ED8w9s3Lp";
    static final String DEFAULT = "p8f44rSwu8cRruQ5fg9bfgpHTRNxYxWpfC";
    static final String FEE = "pkt1qzyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3tmmhw9";

    static PayMakerSettings settings() {
        return PayMakerSettings.defaults(DEFAULT, 0.2, Optional.of(FEE));
    }

    @Test
    void replayCountsEveryEventAndIgnoresTheTwoDuplicates() {
        PayBook book = new PayBook(settings());
        PayBook.Applied a = book.apply(Vectors.paymakerEvents());
        // 14 lines: a5 again in the same slot and s1 again are ignored; a2 again lands in a new slot.
        assertEquals(12, a.added());
        assertEquals(2, a.duplicates());
        assertEquals(0, a.rejected());
        assertEquals(Map.of("blocks", 2, "compressedAnnSlots", 3, "shares", 4), book.stats());
        assertEquals(1617235310000L, book.mostRecentEventTime());
    }

    @Test
    void whoToPayMatchesTheOriginalFormulasBitForBit() {
        PayBook book = new PayBook(settings());
        book.apply(Vectors.paymakerEvents());
        WhoToPay w = book.whoToPay(Long.MAX_VALUE);
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put(FEE, 0.2);
        expected.put(DEFAULT, 0.43378899265074033);
        expected.put(P7A, 0.17089846078308657);
        expected.put(PDS, 0.10986329289154328);
        expected.put(PMU, 0.08544925367462985);
        assertEquals(expected, w.result());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(w.result().keySet()),
                "the real PayMaker's order: the fee address, then the largest fraction first");
        assertEquals(List.of(
                "Ran out of block shares to pay paying [40.844717831342535%] to defaultAddress",
                "Ran out of ann shares to pay paying [13.37890625%] to defaultAddress"), w.warn());
        assertEquals(1.0, w.result().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-15);
        // Shares paid: pMU twice (s1, s4), pDS once, p7A once; anns: the zero-credit entries stop
        // their slots, so p7A's 1 ann in the newest slot is not paid.
        assertEquals(Map.of(PMU, 2L, PDS, 1L, P7A, 1L), w.payoutShares());
        assertEquals(Map.of(PMU, 2L, PDS, 2L, P7A, 3L), w.payoutAnns());
        assertEquals(1617235215000L + 10000, w.earliestBlockPayout().getAsLong());
        assertEquals(1617235200000L, w.earliestAnnPayout().getAsLong());
        assertEquals(1617235320000L, w.latestPayout());
    }

    @Test
    void maxTimeOnlyCountsEventsUpToIt() {
        PayBook book = new PayBook(settings());
        book.apply(Vectors.paymakerEvents());
        WhoToPay w = book.whoToPay(1617235250000L);
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put(FEE, 0.2);
        expected.put(DEFAULT, 0.6046874534338269);
        expected.put(P7A, 0.17089846078308657);
        expected.put(PMU, 0.02441408578308657);
        assertEquals(expected, w.result());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(w.result().keySet()));
        assertEquals(List.of(
                "Ran out of block shares to pay paying [43.89647855422836%] to defaultAddress",
                "Ran out of ann shares to pay paying [31.689453125%] to defaultAddress"), w.warn());
    }

    @Test
    void anAddressThatIsNotPktIsRefusedWithItsName() {
        // The original drops the fee with a warning for such a fee address; we refuse the settings.
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PayMakerSettings.defaults(DEFAULT, 0.2, Optional.of("pkt1qpoolfeeaddress0000000000")));
        assertTrue(e.getMessage().startsWith("poolFeeAddress pkt1qpoolfeeaddress0000000000 is not a PKT address"),
                e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PayMakerSettings.defaults("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", 0, Optional.empty()),
                "a bitcoin address is not a PKT address");
    }

    @Test
    void splittingTheLogAnywhereGivesTheSameResult() {
        String[] lines = Vectors.paymakerEvents().split("\n");
        WhoToPay whole = replay(List.of(String.join("\n", lines)));
        for (int cut = 1; cut < lines.length; cut++) {
            String first = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, cut));
            String second = String.join("\n", java.util.Arrays.copyOfRange(lines, cut, lines.length));
            assertEquals(whole.result(), replay(List.of(first, second)).result(), "cut at " + cut);
        }
    }

    @Test
    void sharesBeforeAnyBlockEarnNothingAndNoFeeMeansFractionsSumToOne() {
        PayBook book = new PayBook(PayMakerSettings.defaults(DEFAULT, 0, Optional.empty()));
        book.apply("{\"type\":\"share\",\"payTo\":\"" + PMU + "\",\"time\":1000,\"eventId\":\"x1\",\"target\":524287996}");
        WhoToPay w = book.whoToPay(Long.MAX_VALUE);
        assertEquals(0.0, w.result().get(PMU));
        assertEquals(1.0, w.result().get(DEFAULT));
        assertTrue(w.warn().size() == 2);
    }

    private static WhoToPay replay(List<String> logs) {
        PayBook book = new PayBook(settings());
        logs.forEach(book::apply);
        return book.whoToPay(Long.MAX_VALUE);
    }
}
