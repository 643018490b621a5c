package io.poolkit.hn.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.address.Base58;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.testing.TestVectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** hn/addresses.json: poscrypto pub_key_to_addr, hash_to_addr, validate_address and base58. */
class PosAddressVectorsTest {

    private static final JsonNode VECTORS = TestVectors.json("hn/addresses.json");

    static Stream<JsonNode> pubkeys() {
        return StreamSupport.stream(VECTORS.get("pubkey_to_address").spliterator(), false);
    }

    static Stream<JsonNode> base58() {
        return StreamSupport.stream(VECTORS.get("base58").spliterator(), false);
    }

    static Stream<JsonNode> validations() {
        return StreamSupport.stream(VECTORS.get("validate_address").spliterator(), false);
    }

    private static PosNetwork network(String hex) {
        return PosNetwork.byVersionByte(Integer.parseInt(hex, 16)).orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("pubkeys")
    void publicKeyToAddressOnBothNetworks(JsonNode v) {
        byte[] pubkey = Hex.decode(v.get("pubkey_hex").asText());
        assertEquals(v.get("hash20_hex").asText(), Hex.encode(Blake2b.hash20(pubkey)));
        for (String net : new String[] {"19", "55"}) {
            JsonNode expected = v.get("net_" + net);
            PosAddress address = PosAddress.fromPublicKey(pubkey, network(net));
            assertEquals(expected.get("address").asText(), address.text());
            assertEquals(PosAddress.LENGTH, address.text().length());
            byte[] raw = Base58.decode(address.text());
            assertEquals(expected.get("raw25_hex").asText(), Hex.encode(raw));
            assertEquals(expected.get("checksum_hex").asText(), Hex.encode(Bytes.slice(raw, 21, 4)));
            assertEquals(v.get("hash20_hex").asText(), address.hash20().hex());
            assertEquals(network(net), address.network());
            assertEquals(address, PosAddress.parse(expected.get("address").asText(), network(net)));
        }
    }

    @ParameterizedTest
    @MethodSource("base58")
    void base58UsesTheBitcoinAlphabetWithLeadingOnes(JsonNode v) {
        assertEquals(VECTORS.get("alphabet").asText(), "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");
        byte[] raw = Hex.decode(v.get("raw_hex").asText());
        assertEquals(v.get("b58").asText(), Base58.encode(raw));
        assertEquals(v.get("decode_roundtrip_hex").asText(), Hex.encode(Base58.decode(v.get("b58").asText())));
    }

    @ParameterizedTest
    @MethodSource("validations")
    void validationAcceptsOrGivesTheReferenceError(JsonNode v) {
        String address = v.get("address").asText();
        PosNetwork net = network(v.get("network").asText());
        if (v.get("ok").asBoolean()) {
            assertEquals(v.get("hash20_hex").asText(), PosAddress.parse(address, net).hash20().hex());
            assertTrue(PosAddress.isValid(address, net));
        } else {
            PosAddressException e = assertThrows(PosAddressException.class, () -> PosAddress.parse(address, net));
            assertEquals(v.get("error").asText(), e.getMessage());
            assertFalse(PosAddress.isValid(address, net));
        }
    }

    @Test
    void wrongNetworkGivesTheReferenceMessage() {
        PosAddressException e = assertThrows(PosAddressException.class,
                () -> PosAddress.parse("bJ5YTuPNJP2jEvCLGNoaCES2MBquR1nsLF", PosNetwork.MAINNET));
        assertEquals("Invalid Network: 0x55 instead of 0x19", e.getMessage());
        assertEquals(PosAddressException.Reason.NETWORK, e.reason());
    }

    @Test
    void theRegexIsAPrefixMatchSoALongerValidTextPasses() {
        // 21 payload bytes after the version: 35 characters, accepted by the reference's checks.
        byte[] versioned = new byte[22];
        versioned[0] = 0x19;
        versioned[21] = 7;
        String longer = Base58.encode(Bytes.concat(versioned, Blake2b.digest(versioned, 4)));
        assertTrue(longer.length() > PosAddress.LENGTH);
        assertEquals(21, PosAddress.parse(longer, PosNetwork.MAINNET).hash20().length());
        assertThrows(PosAddressException.class, () -> PosAddress.parse(longer.substring(0, 33), PosNetwork.MAINNET));
        assertThrows(PosAddressException.class, () -> PosAddress.parse("B0oMPPW5hZEAAuq8oCpT6i6pavPJhgXViq", PosNetwork.MAINNET));
    }

    @Test
    void genesisForgerAddress() {
        byte[] pub = Hex.decode("0008ae5e9b197f8719547bb7ae431980c8dd9c1f1f9451a1e80be737f9564590"
                + "790cd7306c7ade4c6d369f0414cf124aaabc6831f70c4b21bc99bbc191103665");
        assertEquals("BKYnuT4Pt8xfZrSKrY3mUyf9Cd9qJmTgBn", PosAddress.fromPublicKey(pub, PosNetwork.MAINNET).text());
    }
}
