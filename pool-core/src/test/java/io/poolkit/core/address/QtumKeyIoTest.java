package io.poolkit.core.address;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.testing.TestVectors;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Qtum Core's own key_io and base58 test data (../shared/vectors/qtum/qtum_testdata). */
class QtumKeyIoTest {

    private static final List<Network> QTUM = List.of(Networks.QTUM_MAIN, Networks.QTUM_TESTNET, Networks.QTUM_SIGNET,
            Networks.QTUM_REGTEST);

    static Stream<JsonNode> valid() {
        return QtumAddressVectorsTest.stream(TestVectors.json("qtum/qtum_testdata/key_io_valid.json"));
    }

    static Stream<JsonNode> invalid() {
        return QtumAddressVectorsTest.stream(TestVectors.json("qtum/qtum_testdata/key_io_invalid.json"));
    }

    static Stream<JsonNode> base58() {
        return QtumAddressVectorsTest.stream(TestVectors.json("qtum/qtum_testdata/base58_encode_decode.json"));
    }

    private static Network network(String chain) {
        return switch (chain) {
            case "main" -> Networks.QTUM_MAIN;
            case "test" -> Networks.QTUM_TESTNET;
            case "signet" -> Networks.QTUM_SIGNET;
            case "regtest" -> Networks.QTUM_REGTEST;
            default -> throw new IllegalArgumentException(chain);
        };
    }

    @ParameterizedTest
    @MethodSource("valid")
    void validEntriesDecodeToTheirScriptOrKey(JsonNode v) {
        String text = v.get(0).asText();
        String expectedHex = v.get(1).asText();
        JsonNode meta = v.get(2);
        Network network = network(meta.get("chain").asText());
        if (meta.get("isPrivkey").asBoolean()) {
            WifPrivateKey key = WifPrivateKey.parse(text, network);
            assertEquals(expectedHex, Hex.encode(key.keyBytes()));
            assertEquals(meta.get("isCompressed").asBoolean(), key.compressed());
            assertEquals(text, key.encode());
            assertFalse(key.toString().contains(expectedHex), "toString must hide the key");
        } else {
            Address address = Addresses.parse(text, network);
            assertEquals(expectedHex, Hex.encode(address.outputScript()));
            // Canonical re-encoding: Base58 as given, Bech32 in lower case.
            String canonical = address.isSegwit() ? text.toLowerCase(Locale.ROOT) : text;
            assertEquals(canonical, address.text());
        }
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidEntriesAreRejectedOnEveryQtumChain(JsonNode v) {
        String text = v.get(0).asText();
        for (Network network : QTUM) {
            assertFalse(Addresses.isValid(text, network), text + " accepted as address on " + network.name());
            assertThrows(IllegalArgumentException.class, () -> WifPrivateKey.parse(text, network),
                    text + " accepted as key on " + network.name());
        }
    }

    @ParameterizedTest
    @MethodSource("base58")
    void base58EncodesAndDecodes(JsonNode v) {
        byte[] raw = Hex.decode(v.get(0).asText());
        assertEquals(v.get(1).asText(), Base58.encode(raw));
        assertArrayEquals(raw, Base58.decode(v.get(1).asText()));
    }

    @Test
    void vectorFilesCoverEveryChainAndKind() {
        assertEquals(4, valid().map(v -> v.get(2).get("chain").asText()).distinct().count());
        assertEquals(70, invalid().count());
    }
}
