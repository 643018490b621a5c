package io.poolkit.hn.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.testing.TestVectors;
import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.round.RoundClock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** hn/determine_slots.json: hn_list_to_tickets, tickets_to_jurors and hn_list_to_test_slots. */
class DetermineSlotsVectorsTest {

    private static final JsonNode VECTORS = TestVectors.json("hn/determine_slots.json");

    static Stream<JsonNode> lists() {
        return StreamSupport.stream(VECTORS.get("cases").spliterator(), false);
    }

    static Stream<Arguments> listsAndReferences() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : VECTORS.get("cases")) {
            for (JsonNode ref : c.get("per_ref")) {
                out.add(Arguments.of(c.get("list_name").asText() + "/" + ref.get("ref_name").asText() + "/tests="
                        + ref.get("TESTS_PER_SLOT").asInt(), c, ref));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("lists")
    void ticketsInCreationOrder(JsonNode c) {
        assertEquals(RoundClock.FORGING_SLOTS, c.get("MAX_ROUND_SLOTS").asInt());
        assertEquals(VectorPeers.tickets(c.get("tickets")), Tickets.issue(VectorPeers.of(c.get("hn_list"))),
                c.get("list_name").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listsAndReferences")
    void forgersAndTestSlots(String name, JsonNode c, JsonNode ref) {
        List<Peer> peers = VectorPeers.of(c.get("hn_list"));
        ImmutableBytes referenceHash = ImmutableBytes.fromHex(ref.get("ref_hash_hex").asText());
        List<Ticket> tickets = Tickets.issue(peers);

        List<RankedTicket> ranked = ForgerSchedule.rank(tickets, referenceHash);
        // The ranking is recorded once per reference hash (with the first TESTS_PER_SLOT value).
        JsonNode expectedRanking = ref.path("sorted_ticket_distances_first25");
        for (int i = 0; i < expectedRanking.size(); i++) {
            JsonNode e = expectedRanking.get(i);
            assertEquals(e.get(0).asText(), ranked.get(i).ticket().posAddress(), name + " rank " + i);
            assertEquals(e.get(1).asInt(), ranked.get(i).ticket().id(), name + " rank " + i);
            assertEquals(e.get(2).asInt(), ranked.get(i).distance(), name + " rank " + i);
        }

        List<ForgerSlot> forgers = ForgerSchedule.forgers(tickets, referenceHash);
        assertEquals(VectorPeers.slots(ref.get("slots")), forgers, name);

        List<String> addresses = peers.stream().map(Peer::posAddress).toList();
        assertEquals(VectorPeers.testSlots(ref.get("test_slots")),
                TestSlots.plan(addresses, forgers, referenceHash, ref.get("TESTS_PER_SLOT").asInt()), name);
    }
}
