package io.poolkit.pegnet.factom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.rpc.RpcException;
import io.poolkit.core.rpc.RpcTransportException;
import io.poolkit.core.testing.TestVectors;
import io.poolkit.pegnet.opr.FactomEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The factomd client against the simulator: real recorded blocks replayed, commit + reveal, hostile answers. */
class FactomdClientTest {

    private static List<FactomEntry> realBlock(int height, List<String> hashes) {
        JsonNode root = TestVectors.json("pegnet/opr_blocks/" + height + ".json");
        List<FactomEntry> out = new ArrayList<>();
        for (JsonNode e : root.get("Entries")) {
            List<byte[]> ext = new ArrayList<>();
            e.get("ExtIDs").forEach(x -> ext.add(Base64.getDecoder().decode(x.asText())));
            out.add(FactomEntry.onOprChain(ext, Base64.getDecoder().decode(e.get("Content").asText())));
            hashes.add(e.get("Hash").asText());
        }
        return out;
    }

    @Test
    void ecKeyOfAllZeroSeedIsFactomsWellKnownPair() {
        EcKey zeros = EcKey.fromSecret("Es2Rf7iM6PdsqfYCo3D1tnAR65SkLENyWJG1deUzpRMQmbh9F3eG");
        assertEquals("EC2DKSYyRcNWf7RS963VFYgMExoHRYLHVeCfQ9PGPmNzwrcmgm2r", zeros.publicAddress());
        assertEquals("Es2Rf7iM6PdsqfYCo3D1tnAR65SkLENyWJG1deUzpRMQmbh9F3eG", EcKey.secretText(new byte[32]));
        assertFalse(zeros.toString().contains("Es2R"), "the secret never shows");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> EcKey.fromSecret("Es2Rf7iM6PdsqfYCo3D1tnAR65SkLENyWJG1deUzpRMQmbh9F3eH"));
        assertFalse(bad.getMessage().contains("Es2R"));
        assertThrows(IllegalArgumentException.class,
                () -> EcKey.fromSecret("EC2DKSYyRcNWf7RS963VFYgMExoHRYLHVeCfQ9PGPmNzwrcmgm2r"));
    }

    @Test
    void commitMessageLayout() {
        EcKey key = EcKey.fromSeed(new byte[32]);
        FactomEntry e = FactomEntry.onOprChain(List.of(new byte[] {1}, new byte[8], new byte[] {5}), new byte[1000]);
        byte[] m = EntryCommit.message(e, key, 0x0102030405L);
        assertEquals(136, m.length);
        assertEquals(0, m[0]);
        assertEquals("000102030405", Hex.encode(java.util.Arrays.copyOfRange(m, 1, 7)));
        assertArrayEquals(e.hash(), java.util.Arrays.copyOfRange(m, 7, 39));
        assertEquals(1, m[39], "1000 content bytes + 17 ext bytes fit in one credit");
        assertArrayEquals(key.publicKey(), java.util.Arrays.copyOfRange(m, 40, 72));
        assertEquals(2, EntryCommit.credits(FactomEntry.onOprChain(List.of(), new byte[1025])));
        assertThrows(IllegalArgumentException.class,
                () -> EntryCommit.credits(FactomEntry.onOprChain(List.of(), new byte[10 * 1024 + 1])));
    }

    @Test
    void replaysRealBlocksAndCommitsAndReveals() throws Exception {
        try (FactomdSimulator sim = new FactomdSimulator(206420)) {
            List<String> hashes206422 = new ArrayList<>();
            sim.addBlock(206422, realBlock(206422, hashes206422));
            List<String> hashes210330 = new ArrayList<>();
            sim.addBlock(210330, realBlock(210330, hashes210330));
            FactomdClient c = new FactomdClient(new FactomdRpc(sim.url(), Duration.ofSeconds(5)));
            assertEquals(210330, c.heights().directoryBlock());
            assertEquals(210331, c.heights().leader());
            List<FactomEntry> got = c.entriesAt(FactomEntry.OPR_CHAIN_ID, 206422).orElseThrow();
            assertEquals(hashes206422, got.stream().map(FactomEntry::hashHex).toList(),
                    "every recorded entry comes back with its real hash, in block order");
            assertEquals(hashes210330.size(), c.entriesAt(FactomEntry.OPR_CHAIN_ID, 210330).orElseThrow().size());
            assertTrue(c.entriesAt(FactomEntry.OPR_CHAIN_ID, 206423).isEmpty());
            assertTrue(c.entriesAt(FactomEntry.OPR_CHAIN_ID, 100).isEmpty());

            FactomEntry e = got.get(0);
            EcKey key = EcKey.fromSeed(new byte[32]);
            FactomdClient.Commit commit = c.commitEntry(EntryCommit.message(e, key, 1_600_000_000_000L));
            assertEquals(e.hashHex(), commit.entryHash());
            assertEquals(64, commit.txId().length());
            assertEquals(e.hashHex(), c.revealEntry(e));
            RpcException noCommit = assertThrows(RpcException.class, () -> c.revealEntry(got.get(1)));
            assertTrue(noCommit.getMessage().contains("no commit"));
            byte[] forged = EntryCommit.message(e, key, 1);
            forged[20] ^= 1;
            assertThrows(RpcException.class, () -> c.commitEntry(forged));
            assertEquals(1, c.currentMinute().minute());
        }
    }

    @Test
    void hostileAnswersBecomeClearErrors() throws Exception {
        try (FactomdSimulator sim = new FactomdSimulator(10)) {
            FactomdClient c = new FactomdClient(new FactomdRpc(sim.url(), Duration.ofSeconds(5)));
            sim.answerGarbage("<html>oops</html>");
            RpcTransportException html = assertThrows(RpcTransportException.class, c::heights);
            assertEquals(RpcTransportException.Kind.BAD_RESPONSE, html.kind());
            sim.answerGarbage("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"directoryblockheight\":\"ten\"}}");
            assertEquals(RpcTransportException.Kind.BAD_RESPONSE, assertThrows(RpcTransportException.class,
                    c::heights).kind());
            sim.answerGarbage("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"chainhead\":\"zz\"}}");
            assertThrows(RpcTransportException.class, () -> c.chainHead(FactomEntry.OPR_CHAIN_ID));
            sim.answerGarbage("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"leaderheight\":5,"
                    + "\"directoryblockheight\":4,\"minute\":99}}");
            assertThrows(RpcTransportException.class, c::currentMinute);
        }
        FactomdClient dead = new FactomdClient(new FactomdRpc(java.net.URI.create("http://127.0.0.1:1/v2"),
                Duration.ofSeconds(2)));
        assertEquals(RpcTransportException.Kind.CONNECT, assertThrows(RpcTransportException.class,
                dead::heights).kind());
    }

    @Test
    void minuteKeeperClosesOnlyAtMinuteZeroWhileSyncingMinutes() throws Exception {
        try (FactomdSimulator sim = new FactomdSimulator(10)) {
            MinuteKeeper k = new MinuteKeeper(new FactomdClient(new FactomdRpc(sim.url(), Duration.ofSeconds(5))));
            sim.minute(0);
            k.poll();
            assertTrue(k.getAsBoolean(), "minute 0 first seen: not syncing minutes, stays open");
            sim.minute(5);
            k.poll();
            assertTrue(k.getAsBoolean());
            sim.minute(0);
            k.poll();
            assertFalse(k.getAsBoolean(), "minute 0 while syncing minutes and dbheight == leader - 1");
            sim.answerGarbage("nonsense");
            k.poll();
            assertTrue(k.getAsBoolean(), "an API error opens");
        }
    }
}
