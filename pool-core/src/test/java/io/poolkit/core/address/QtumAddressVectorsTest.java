package io.poolkit.core.address;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.testing.TestVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ../shared/vectors/qtum/vectors/address_vectors.json and invalid_addresses.json. */
class QtumAddressVectorsTest {

    static Stream<JsonNode> addressVectors() {
        return stream(TestVectors.json("qtum/vectors/address_vectors.json").get("vectors"));
    }

    static Stream<JsonNode> invalidAddresses() {
        return stream(TestVectors.json("qtum/vectors/invalid_addresses.json").get("vectors"));
    }

    @ParameterizedTest
    @MethodSource("addressVectors")
    void addressMatchesVector(JsonNode v) {
        Network network = v.get("version").asText().equals("3a") ? Networks.QTUM_MAIN : Networks.QTUM_TESTNET;
        byte[] hash160 = Hex.decode(v.get("hash160").asText());
        if (v.has("pubkey")) {
            byte[] pubkey = Hex.decode(v.get("pubkey").asText());
            assertArrayEquals(hash160, PublicKeys.hash160(pubkey));
            assertEquals(v.get("address").asText(), Addresses.fromPublicKey(network, pubkey).text());
        }
        assertEquals(v.get("address").asText(), Addresses.p2pkh(network, hash160).text());
        Address parsed = Addresses.parse(v.get("address").asText(), network);
        assertEquals(AddressKind.P2PKH, parsed.kind());
        assertArrayEquals(hash160, parsed.payload());
        if (v.has("payload25_hex")) {
            assertEquals(v.get("payload25_hex").asText(), Hex.encode(Base58.decode(v.get("address").asText())));
        }
        // A Qtum address is never accepted as another network's.
        Network other = network == Networks.QTUM_MAIN ? Networks.QTUM_TESTNET : Networks.QTUM_MAIN;
        AddressException e = assertThrows(AddressException.class, () -> Addresses.parse(v.get("address").asText(), other));
        assertEquals(AddressException.Reason.WRONG_NETWORK, e.reason());
    }

    @ParameterizedTest
    @MethodSource("invalidAddresses")
    void ppmSampleAddressesFailTheirChecksum(JsonNode v) {
        String address = v.get("address").asText();
        for (Network network : Networks.all()) {
            assertFalse(Addresses.isValid(address, network), address + " on " + network.name());
        }
        AddressException e = assertThrows(AddressException.class, () -> Addresses.parse(address, Networks.QTUM_MAIN));
        assertEquals(AddressException.Reason.BAD_CHECKSUM, e.reason());
        assertTrue(e.getMessage().contains("bad checksum"), e.getMessage());
    }

    static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        assertFalse(out.isEmpty(), "vector file has no cases");
        return out.stream();
    }

    static Stream<Arguments> args(JsonNode array) {
        return stream(array).map(Arguments::of);
    }
}
