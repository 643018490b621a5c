package io.poolkit.hn.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Peers in the reference's tuple layout {@code (pos, ip, port, weight, pow, reward)}, as the vector files hold them. */
public final class VectorPeers {

    private VectorPeers() {
    }

    public static List<Peer> of(JsonNode tuples) {
        List<Peer> peers = new ArrayList<>();
        for (JsonNode t : tuples) {
            peers.add(new Peer(t.get(0).asText(), t.get(1).asText(), t.get(2).asText(), t.get(3).asInt(),
                    t.get(4).asText(), t.get(5).asText()));
        }
        return peers;
    }

    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    public static List<Ticket> tickets(JsonNode array) {
        List<Ticket> out = new ArrayList<>();
        array.forEach(t -> out.add(new Ticket(t.get(0).asText(), t.get(1).asInt(),
                io.poolkit.hn.ImmutableBytes.fromHex(t.get(2).asText()))));
        return out;
    }

    public static List<ForgerSlot> slots(JsonNode array) {
        List<ForgerSlot> out = new ArrayList<>();
        array.forEach(s -> out.add(new ForgerSlot(s.get(0).asText(), s.get(1).asInt())));
        return out;
    }

    public static List<List<PeerTest>> testSlots(JsonNode array) {
        List<List<PeerTest>> out = new ArrayList<>();
        for (JsonNode slot : array) {
            List<PeerTest> tests = new ArrayList<>();
            slot.forEach(t -> tests.add(new PeerTest(t.get(0).asText(), t.get(1).asText(), t.get(2).asInt())));
            out.add(tests);
        }
        return out;
    }
}
