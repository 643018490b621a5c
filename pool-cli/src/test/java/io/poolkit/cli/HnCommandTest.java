package io.poolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code poolkit hn ...} against the hn vectors in ../shared/vectors. */
class HnCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode vectors(String file) throws IOException {
        String configured = System.getProperty("poolkit.vectors.dir", System.getenv("POOLKIT_VECTORS_DIR"));
        Path base = configured != null ? Path.of(configured) : Path.of("..", "shared", "vectors");
        return JSON.readTree(base.resolve("hn").resolve(file).toFile());
    }

    private Path write(String name, JsonNode content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, JSON.writeValueAsString(content));
        return p;
    }

    private static List<String> lines(String out) {
        return out.isBlank() ? List.of() : List.of(out.strip().split("\\R"));
    }

    @Test
    void helpListsHnWithExamples() {
        assertTrue(CliRun.of("--help").out().contains("hn"));
        for (String sub : new String[] {"round", "schedule", "connect-to", "address", "verify"}) {
            CliRun help = CliRun.of("hn", sub, "--help");
            assertEquals(0, help.exitCode(), sub);
            assertTrue(help.out().contains("Example"), sub);
        }
        assertTrue(CliRun.of("hn").out().contains("connect-to"));
    }

    @Test
    void roundPrintsRoundAndSlotForEveryVector() throws IOException {
        JsonNode v = vectors("time_round_slot.json");
        for (JsonNode c : v.get("timestamp_to_round_slot")) {
            CliRun run = CliRun.of("hn", "round", c.get("ts").asText());
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(c.get("round").asText() + " " + c.get("slot").asText(), run.out().strip(), c.toString());
        }
        for (JsonNode c : v.get("round_to_timestamp_and_reference")) {
            CliRun run = CliRun.of("hn", "round", "--round", c.get("round").asText());
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(c.get("round_start_ts").asText() + " " + c.get("reference_ts").asText(), run.out().strip());
        }
    }

    @Test
    void roundRejectsBadInput() {
        assertEquals(2, CliRun.of("hn", "round", "soon").exitCode());
        assertEquals(2, CliRun.of("hn", "round").exitCode());
        assertEquals(2, CliRun.of("hn", "round", "1700000000", "--round", "3").exitCode());
    }

    @Test
    void scheduleMatchesTheDetermineVectors() throws IOException {
        for (JsonNode c : vectors("determine_slots.json").get("cases")) {
            Path peers = write("peers.json", c.get("hn_list"));
            for (JsonNode ref : c.get("per_ref")) {
                CliRun run = CliRun.of("hn", "schedule", "--peers", peers.toString(), "--ref-hash",
                        ref.get("ref_hash_hex").asText(), "--tests-per-slot", ref.get("TESTS_PER_SLOT").asText());
                assertEquals(0, run.exitCode(), run.err());
                JsonNode out = JSON.readTree(run.out());
                assertEquals(List.of("tickets", "slots", "test_slots"), fieldNames(out));
                assertEquals(c.get("tickets"), out.get("tickets"));
                assertEquals(ref.get("slots"), out.get("slots"));
                assertEquals(ref.get("test_slots"), out.get("test_slots"));
            }
        }
    }

    @Test
    void scheduleWithActiveAndAllPeersMatchesTheRegistrationScenario() throws IOException {
        JsonNode v = vectors("registration_round_scenario.json");
        ObjectNode file = JSON.createObjectNode();
        file.set("active_peers", v.get("active_peers"));
        file.set("all_peers", v.get("all_peers"));
        Path peers = write("scenario.json", file);
        CliRun run = CliRun.of("hn", "schedule", "--peers", peers.toString(), "--ref-hash",
                v.get("reference_hash_hex").asText());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = JSON.readTree(run.out());
        assertEquals(v.get("tickets"), out.get("tickets"));
        assertEquals(v.get("slots"), out.get("slots"));
        assertEquals(v.get("test_slots"), out.get("test_slots"));

        CliRun connect = CliRun.of("hn", "connect-to", "--peers", peers.toString(), "--round", v.get("round").asText(),
                "--address", v.get("connect_to_for").asText());
        assertEquals(0, connect.exitCode(), connect.err());
        assertEquals(strings(v.get("connect_to")), lines(connect.out()));
    }

    @Test
    void connectToMatchesTheVectors() throws IOException {
        for (JsonNode c : vectors("connect_to.json").get("cases")) {
            List<List<Object>> tuples = new ArrayList<>();
            for (JsonNode a : c.get("peers_addresses")) {
                tuples.add(List.of(a.asText(), "127.0.0.1", 6969, 1, "pow", "pow"));
            }
            Path peers = write("peers.json", JSON.valueToTree(tuples));
            CliRun run = CliRun.of("hn", "connect-to", "--peers", peers.toString(), "--round", c.get("round").asText(),
                    "--address", c.get("address").asText(), "--max", c.get("MAX_CONNECT_TO").asText());
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(strings(c.get("connect_to_addresses")), lines(run.out()), c.toString());
        }
    }

    @Test
    void scheduleAndConnectToRejectBadInput() throws IOException {
        Path peers = write("peers.json", JSON.readTree("[[\"BLYkQwGZmwjsh7DY6HmuNBpTbqoRqX14ne\", \"1.2.3.4\", 6969, 1]]"));
        Path zero = write("zero.json", JSON.readTree("[[\"BLYkQwGZmwjsh7DY6HmuNBpTbqoRqX14ne\", \"1.2.3.4\", 6969, 0]]"));
        Path bad = write("bad.json", JSON.readTree("{\"peers\": []}"));
        String hash = "87d5ad9988b88dda92aa988267e30c89479fc2d2";
        assertEquals(0, CliRun.of("hn", "schedule", "--peers", peers.toString(), "--ref-hash", hash).exitCode());
        CliRun shortHash = CliRun.of("hn", "schedule", "--peers", peers.toString(), "--ref-hash", "87d5");
        assertEquals(2, shortHash.exitCode());
        assertTrue(shortHash.err().contains("20 bytes"), shortHash.err());
        CliRun noWeight = CliRun.of("hn", "schedule", "--peers", zero.toString(), "--ref-hash", hash);
        assertEquals(2, noWeight.exitCode());
        assertTrue(noWeight.err().contains("positive weight"), noWeight.err());
        assertEquals(2, CliRun.of("hn", "schedule", "--peers", bad.toString(), "--ref-hash", hash).exitCode());
        CliRun missing = CliRun.of("hn", "schedule", "--peers", dir.resolve("none.json").toString(), "--ref-hash", hash);
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("cannot read peers file"), missing.err());
        assertEquals(2, CliRun.of("hn", "connect-to", "--peers", peers.toString(), "--round", "1", "--address", "B",
                "--max", "-1").exitCode());
    }

    @Test
    void addressOfPublicKeysOnBothNetworks() throws IOException {
        for (JsonNode c : vectors("addresses.json").get("pubkey_to_address")) {
            CliRun main = CliRun.of("hn", "address", c.get("pubkey_hex").asText());
            assertEquals(0, main.exitCode(), main.err());
            assertEquals(c.get("net_19").get("address").asText(), main.out().strip());
            CliRun test = CliRun.of("hn", "address", "--testnet", c.get("pubkey_hex").asText());
            assertEquals(c.get("net_55").get("address").asText(), test.out().strip());
        }
        assertEquals(2, CliRun.of("hn", "address", "xyz").exitCode());
        assertEquals(2, CliRun.of("hn", "address", "").exitCode());
    }

    @Test
    void verifySignaturesOfTransactionsAndTheGenesis() throws IOException {
        JsonNode v = vectors("blocks_txs_signatures.json");
        for (JsonNode tx : v.get("synthetic_signed_txs")) {
            CliRun ok = CliRun.of("hn", "verify", "--pubkey", tx.get("pubkey_hex").asText(), "--sig",
                    tx.get("signature_hex").asText(), "--message", tx.get("raw_hex").asText());
            assertEquals(0, ok.exitCode(), ok.err());
            assertEquals("valid", ok.out().strip());
        }
        for (JsonNode tx : v.get("real_txs_tests_txs1000_first40").get("txs")) {
            CliRun ok = CliRun.of("hn", "verify", "--pubkey", tx.get("list_form").get(8).asText(), "--sig",
                    tx.get("list_form").get(0).asText(), "--message", tx.get("raw_hex").asText());
            assertEquals(0, ok.exitCode(), ok.err());
        }
        JsonNode g = v.get("genesis_block");
        assertEquals(0, CliRun.of("hn", "verify", "--pubkey", g.get("forger_pubkey_recovered").asText(), "--sig",
                g.get("signature").asText(), "--message", g.get("raw_hex").asText()).exitCode());
        CliRun wrong = CliRun.of("hn", "verify", "--pubkey", g.get("forger_pubkey_recovered").asText(), "--sig",
                g.get("signature").asText(), "--message", g.get("raw_hex").asText() + "00");
        assertEquals(1, wrong.exitCode());
        assertEquals("invalid", wrong.out().strip());
        CliRun shortSig = CliRun.of("hn", "verify", "--pubkey", g.get("forger_pubkey_recovered").asText(), "--sig",
                "00", "--message", "00");
        assertEquals(2, shortSig.exitCode());
        assertTrue(shortSig.err().contains("--sig"), shortSig.err());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
