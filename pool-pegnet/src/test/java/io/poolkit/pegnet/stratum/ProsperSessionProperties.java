package io.poolkit.pegnet.stratum;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolkit.pegnet.lxr.ByteMap;
import io.poolkit.pegnet.lxr.LxrHash;
import io.poolkit.stratum.protocol.StratumCodec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a client sends, the session answers with well-formed lines (or nothing) and never throws. */
class ProsperSessionProperties {

    private static final LxrHash LXR = new LxrHash(ByteMap.generate(8));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> method = Arbitraries.of("mining.subscribe", "mining.authorize", "mining.submit",
                "mining.get_oprhash", "mining.suggest_target", "mining.bogus", "");
        Arbitrary<String> param = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40).map(s -> JSON.valueToTree(s)
                .toString()), Arbitraries.integers().map(String::valueOf), Arbitraries.of("null", "[]", "{}", "true",
                "\"a,b\"", "\"210330\"", "\"ffff000000000000\""));
        Arbitrary<String> request = net.jqwik.api.Combinators.combine(Arbitraries.integers(), method,
                param.list().ofMaxSize(6)).as((id, m, ps) -> "{\"id\":" + id + ",\"method\":\"" + m
                        + "\",\"params\":[" + String.join(",", ps) + "]}");
        return Arbitraries.oneOf(request, Arbitraries.strings().ofMaxLength(200),
                request.map(r -> r.substring(0, r.length() / 2)));
    }

    @Property(tries = 400)
    void anyLineGetsAWellFormedAnswerOrNone(@ForAll("lines") String line) throws Exception {
        List<String> sent = new ArrayList<>();
        boolean[] closed = new boolean[1];
        ProsperSession s = new ProsperSession(ProsperConfig.defaults("127.0.0.1", 0), new StratumCodec(),
                new ProsperWire(new StratumCodec(), () -> 7), new ShareChecker(LXR, true, false), Authorizer.ANY,
                share -> true, () -> true, new ProsperMetrics(), Clock.systemUTC(), new ProsperSession.Outbound() {
                    @Override
                    public void send(String l) {
                        sent.add(l);
                    }

                    @Override
                    public void close(String why) {
                        closed[0] = true;
                    }
                }, "00".repeat(16), "test", 1, new ShareChecker.Job("210330", "ab".repeat(32)));
        s.onLine(line);
        for (String out : sent) {
            JsonNode n = JSON.readTree(out);
            assertTrue(n.isObject() && n.has("id"), out);
            assertTrue(n.has("result") || n.has("method"), out);
            assertTrue(!n.has("error") || n.get("error").get("code").isInt(), out);
        }
        assertTrue(!closed[0], "one bad line does not close the connection");
    }
}
