package io.poolkit.packetcrypt.paymaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.packetcrypt.http.BasicAuth;
import io.poolkit.packetcrypt.http.Jsons;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the PayMaker's codecs and arithmetic. */
class PayMakerProperties {

    static final String[] MINERS = {"pMinerAAAAAAAAAAAA1", "pMinerBBBBBBBBBBBB2", "pMinerCCCCCCCCCCCC3"};

    @Property(tries = 300)
    void anyTextParsesToEventsAndWarningsNeverAnException(@ForAll String body) {
        List<String> warn = new ArrayList<>();
        List<PayEvent> events = PaylogParser.parse(body, warn::add);
        assertTrue(events.size() + warn.size() <= body.split("\n", -1).length);
        PayBook.newestTimestamp(body);
        new PayBook(PayBookReplayTest.settings()).apply(body);
    }

    @Property(tries = 1000)
    void shortestDigitsReadBackExactlyAndNoShorterDoes(@ForAll double d) {
        if (!Double.isFinite(d) || d == 0) {
            return;
        }
        var s = Jsons.shortest(d);
        assertEquals(d, s.doubleValue());
        if (s.precision() > 1) {
            var shorter = new java.math.BigDecimal(d).round(new MathContext(s.precision() - 1));
            assertFalse(shorter.doubleValue() == d, () -> d + " has a shorter form " + shorter);
        }
        assertEquals(d, Double.parseDouble(Jsons.jsString(d)));
    }

    @Property(tries = 200)
    void onlyTheExactPasswordHeaderIsAccepted(@ForAll String password, @ForAll String guess) {
        if (password.isEmpty()) {
            return;
        }
        BasicAuth auth = new BasicAuth(password);
        assertTrue(auth.accepts(Optional.of(BasicAuth.header(password))));
        assertEquals(guess.equals(password), auth.accepts(Optional.of(BasicAuth.header(guess))));
        assertFalse(auth.accepts(Optional.empty()));
    }

    @Provide
    Arbitrary<List<String>> logs() {
        Arbitrary<String> share = Combinators.combine(Arbitraries.of(MINERS), Arbitraries.integers().between(0, 3_000_000),
                Arbitraries.strings().alpha().ofLength(8)).as((m, t, id) -> "{\"type\":\"share\",\"payTo\":\"" + m
                + "\",\"time\":" + (1_000_000L + t) + ",\"eventId\":\"" + id + "\",\"target\":524287996}");
        Arbitrary<String> anns = Combinators.combine(Arbitraries.of(MINERS), Arbitraries.integers().between(0, 3_000_000),
                Arbitraries.strings().alpha().ofLength(8), Arbitraries.integers().between(0, 2000),
                Arbitraries.integers().between(0, 50)).as((m, t, id, acc, uns) -> "{\"type\":\"anns\",\"payTo\":\"" + m
                + "\",\"time\":" + (1_000_000L + t) + ",\"eventId\":\"" + id + "\",\"accepted\":" + acc
                + ",\"unsigned\":" + uns + ",\"totalLen\":0,\"target\":537001984}");
        Arbitrary<String> block = Combinators.combine(Arbitraries.integers().between(0, 3_000_000),
                Arbitraries.doubles().between(0.0001, 10).ofScale(6)).as((t, d) -> "{\"type\":\"block\",\"height\":1,\"difficulty\":"
                + d + ",\"time\":" + (1_000_000L + t) + ",\"eventId\":\"b" + t + "\"}");
        return Arbitraries.oneOf(share, anns, block).list().ofMaxSize(60);
    }

    @Property(tries = 200)
    void theSplitIsNonNegativeAndSumsToOne(@ForAll("logs") List<String> lines, @ForAll @IntRange(min = 0, max = 3) int feeTenths) {
        PayMakerSettings s = PayMakerSettings.defaults("p8f44rSwu8cRruQ5fg9bfgpHTRNxYxWpfC", feeTenths / 10.0,
                feeTenths == 0 ? Optional.empty() : Optional.of("pkt1qzyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3tmmhw9"));
        PayBook book = new PayBook(s);
        book.apply(String.join("\n", lines));
        WhoToPay w = book.whoToPay(Long.MAX_VALUE);
        double sum = 0;
        for (double v : w.result().values()) {
            assertTrue(v >= 0, () -> "negative share in " + w.result());
            sum += v;
        }
        assertEquals(1.0, sum, 1e-9, () -> w.result().toString());
        if (feeTenths > 0) {
            assertEquals(feeTenths / 10.0, w.result().get("pkt1qzyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3tmmhw9"));
        }
    }
}
