package io.poolkit.core.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.chain.BlockHeader;
import io.poolkit.core.target.CompactBits;
import io.poolkit.core.testing.TestVectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** hash/scrypt_rfc7914.json, scrypt_ltc_pow.json and scryptn_vtc.json. */
class ScryptVectorsTest {

    private static final JsonNode RFC = TestVectors.json("hash/scrypt_rfc7914.json");

    static Stream<JsonNode> rfcScrypt() {
        return list(RFC.get("scrypt"));
    }

    static Stream<JsonNode> rfcPbkdf2() {
        return list(RFC.get("pbkdf2"));
    }

    static Stream<JsonNode> ltcPow() {
        return list(TestVectors.json("hash/scrypt_ltc_pow.json").get("vectors"));
    }

    static Stream<JsonNode> vtcSamples() {
        return list(TestVectors.json("hash/scryptn_vtc.json").get("samples"));
    }

    static Stream<JsonNode> vtcTransitions() {
        return list(TestVectors.json("hash/scryptn_vtc.json").get("transitions"));
    }

    @ParameterizedTest(name = "N={0}")
    @MethodSource("rfcScrypt")
    void rfc7914Scrypt(JsonNode v) {
        byte[] dk = Scrypt.scrypt(ascii(v.get("P")), ascii(v.get("S")), v.get("N").asInt(), v.get("r").asInt(),
                v.get("p").asInt(), v.get("dkLen").asInt());
        assertEquals(v.get("DK").asText(), Hex.encode(dk));
    }

    @ParameterizedTest
    @MethodSource("rfcPbkdf2")
    void rfc7914Pbkdf2(JsonNode v) {
        byte[] dk = Scrypt.pbkdf2HmacSha256(ascii(v.get("P")), ascii(v.get("S")), v.get("c").asInt(), v.get("dkLen").asInt());
        assertEquals(v.get("DK").asText(), Hex.encode(dk));
    }

    @Test
    void rfc7914Salsa20_8() {
        JsonNode v = RFC.get("salsa20_8");
        assertEquals(v.get("output").asText(), Hex.encode(Scrypt.salsa20_8(Hex.decode(v.get("input").asText()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ltcPow")
    void litecoinPow(JsonNode v) {
        byte[] header = Hex.decode(v.get("input_hex").asText());
        String expected = v.get("scrypt_1024_1_1_raw").asText();
        assertEquals(expected, Hex.encode(Scrypt.scrypt(header, header, 1024, 1, 1, 32)), "general KDF");
        byte[] out = new byte[32];
        new ScryptPow().hash(header, 0, header.length, out, 0);
        assertEquals(expected, Hex.encode(out), "PoW fast path");
        if (header.length == 80) {
            assertEquals(expected, Hex.encode(PowAlgorithms.SCRYPT.hashHeader(header)), "registry");
        }
        assertEquals(v.get("display").asText(), Hex.encode(Bytes.reversed(Hex.decode(expected))));
        if (v.has("bits")) {
            assertEquals(v.get("pow_meets_bits").asBoolean(),
                    CompactBits.toTarget(CompactBits.parseHex(v.get("bits").asText())).isMetBy(Hex.decode(expected)));
            assertEquals(v.get("sha256d_block_hash_display").asText(), BlockHeader.parse(header).hashDisplayHex());
        }
    }

    @ParameterizedTest
    @MethodSource("vtcSamples")
    void vertcoinNFactorSamples(JsonNode v) {
        assertEquals(v.get("nfactor").asInt(), ScryptNFactor.nFactor(v.get("timestamp").asLong()));
        assertEquals(v.get("N").asInt(), ScryptNFactor.n(v.get("timestamp").asLong()));
    }

    @ParameterizedTest
    @MethodSource("vtcTransitions")
    void vertcoinNFactorTransitions(JsonNode v) {
        long first = v.get("first_timestamp").asLong();
        assertEquals(v.get("nfactor").asInt(), ScryptNFactor.nFactor(first));
        assertEquals(v.get("nfactor").asInt() - 1, ScryptNFactor.nFactor(first - 1));
        assertEquals(v.get("N").asLong(), ScryptNFactor.n(first));
    }

    @Test
    void scryptNMatchesScryptAtTheHeadersN() {
        byte[] header = Hex.decode(ltcPow().findFirst().orElseThrow().get("input_hex").asText());
        long time = BlockHeader.parse(header).time();
        int n = ScryptNFactor.n(time);
        assertEquals(Hex.encode(Scrypt.scrypt(header, header, n, 1, 1, 32)), Hex.encode(PowAlgorithms.SCRYPTN.hashHeader(header)));
        assertEquals(Hex.encode(Scrypt.scrypt(header, header, 2048, 1, 1, 32)), Hex.encode(new ScryptPow(2048).hash(header)));
    }

    @Test
    void badParametersAreRefusedClearly() {
        assertThrows(IllegalArgumentException.class, () -> Scrypt.scrypt(new byte[0], new byte[0], 1000, 1, 1, 32));
        assertThrows(IllegalArgumentException.class, () -> Scrypt.scrypt(new byte[0], new byte[0], 1 << 30, 8, 1, 32));
        assertThrows(IllegalArgumentException.class, () -> PowAlgorithms.SCRYPT.hashHeader(new byte[79]));
        assertTrue(PowAlgorithms.names().containsAll(List.of("sha256d", "scrypt", "scryptn", "x11")));
    }

    private static byte[] ascii(JsonNode n) {
        return n.asText().getBytes(StandardCharsets.US_ASCII);
    }

    static Stream<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        assertTrue(!out.isEmpty(), "empty vector list");
        return out.stream();
    }
}
