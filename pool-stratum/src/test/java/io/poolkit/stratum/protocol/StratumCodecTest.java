package io.poolkit.stratum.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.IntNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class StratumCodecTest {

    private final StratumCodec codec = new StratumCodec();

    @Test
    void parsesCpuminerRequests() {
        ParsedLine p = codec.parse("{\"id\": 1, \"method\": \"mining.subscribe\", \"params\": [\"cpuminer/2.5.1\"]}");
        StratumRequest r = assertInstanceOf(ParsedLine.Request.class, p).request();
        assertEquals("mining.subscribe", r.method());
        assertEquals("cpuminer/2.5.1", r.string(0, "user agent"));
        StratumRequest upper = ((ParsedLine.Request) codec.parse("{\"id\":\"x\",\"method\":\"Mining.Authorize\"}")).request();
        assertEquals("mining.authorize", upper.method());
        assertEquals(0, upper.size());
        assertEquals("x", upper.id().asText());
    }

    @Test
    void hostileLinesBecomeInvalidWithAReason() {
        for (String line : List.of("", "garbage", "[]", "42", "{\"id\":1}", "{\"method\":5}", "{\"method\":\"a\",\"params\":{}}",
                "{\"method\":\"" + "m".repeat(100) + "\"}", "[".repeat(5000), "{\"id\":1,\"method\":\"x\",\"params\":[" + "[".repeat(100))) {
            assertInstanceOf(ParsedLine.Invalid.class, codec.parse(line), line.length() > 60 ? line.substring(0, 60) : line);
        }
        ParsedLine.Invalid keepsId = (ParsedLine.Invalid) codec.parse("{\"id\":7,\"method\":\"x\",\"params\":5}");
        assertEquals(7, keepsId.id().asInt());
    }

    @Test
    void wrongParamTypesAreProtocolErrors() {
        StratumRequest r = ((ParsedLine.Request) codec.parse("{\"id\":1,\"method\":\"mining.submit\",\"params\":[1,2]}")).request();
        assertThrows(ProtocolException.class, () -> r.string(0, "worker"));
        assertThrows(ProtocolException.class, () -> r.string(5, "nonce"));
    }

    @Test
    void rendersRepliesAndNotifications() {
        assertEquals("{\"id\":3,\"result\":true,\"error\":null}", codec.ok(IntNode.valueOf(3)));
        assertEquals("{\"id\":4,\"result\":null,\"error\":[22,\"Duplicate share\",null]}",
                codec.error(IntNode.valueOf(4), StratumError.DUPLICATE_SHARE, null));
        assertEquals("{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[0.5]}", codec.setDifficulty(new BigDecimal("0.50")));
        assertEquals("{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[0.0000001]}",
                codec.setDifficulty(new BigDecimal("1E-7")));
        String notify = codec.notify(new NotifyParams("1f", "aa", "c1", "c2", List.of("b1"), "20000000", "1d00ffff", "5f5e1000", true));
        assertEquals("{\"id\":null,\"method\":\"mining.notify\",\"params\":[\"1f\",\"aa\",\"c1\",\"c2\",[\"b1\"],\"20000000\","
                + "\"1d00ffff\",\"5f5e1000\",true]}", notify);
    }
}
