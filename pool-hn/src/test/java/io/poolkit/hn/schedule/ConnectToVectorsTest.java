package io.poolkit.hn.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.testing.TestVectors;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** hn/connect_to.json: get_connect_to(peers, round, address) with MAX_CONNECT_TO 25 and 40. */
class ConnectToVectorsTest {

    static Stream<JsonNode> cases() {
        return StreamSupport.stream(TestVectors.json("hn/connect_to.json").get("cases").spliterator(), false);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void shuffledWithTheAddressAndRoundAsSeed(JsonNode v) {
        String me = v.get("address").asText();
        long round = v.get("round").asLong();
        assertEquals(v.get("seed_string").asText(), me + round);
        List<Peer> peers = VectorPeers.strings(v.get("peers_addresses")).stream().map(a -> Peer.of(a, 1)).toList();
        List<String> chosen = ConnectTo.choose(peers, round, me, v.get("MAX_CONNECT_TO").asInt()).stream()
                .map(Peer::posAddress).toList();
        assertEquals(VectorPeers.strings(v.get("connect_to_addresses")), chosen);
    }
}
