package io.poolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.testing.TestVectors;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PacketCryptCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARENT = "255094b788fe98be51bafb4d941d507d4d5a949c751d1f68dfad0715215e1e48";
    private static final String WORK = "2fe289e6f8ae8dfc51f85bce0ce4dd490fad5ec6a95cd67d653375f6e750f701";

    static Path annFile() {
        return TestVectors.path("packetcrypt/ann_v1_497731.bin");
    }

    static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void helpListsThePacketcryptCommandsWithExamples() {
        assertTrue(CliRun.of("--help").out().contains("packetcrypt"));
        for (String[] cmd : new String[][] {{"packetcrypt", "--help"}, {"packetcrypt", "verify-ann", "--help"},
            {"packetcrypt", "verify-block", "--help"}, {"packetcrypt", "difficulty", "--help"},
            {"packetcrypt", "difficulty", "effective-target", "--help"}, {"packetcrypt", "difficulty", "degrade", "--help"},
            {"packetcrypt", "difficulty", "min-ok", "--help"}}) {
            CliRun run = CliRun.of(cmd);
            assertEquals(0, run.exitCode(), String.join(" ", cmd));
            assertTrue(run.out().contains("Example"), String.join(" ", cmd));
        }
    }

    @Test
    void verifyAnnFromAFile() throws Exception {
        CliRun run = CliRun.of("packetcrypt", "verify-ann", "--parent-hash", PARENT, annFile().toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode o = lines(run.out()).get(0);
        assertTrue(o.get("ok").asBoolean());
        assertEquals("OK", o.get("code").asText());
        assertEquals("2684bd8f044073677ffd921023dd1cdd28c0605e6ba889d05b0f63663f7d50d4", o.get("annHash").asText());
        assertEquals(WORK, o.get("workHash").asText());
        assertEquals("20020000", o.get("workBits").asText());
        assertEquals(497731, o.get("parentHeight").asLong());
        assertEquals(1, o.get("version").asInt());
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("ok", "code", "annHash", "workHash", "workBits", "parentHeight", "version"), names);
    }

    @Test
    void verifyAnnHexArgumentsAndFailures(@TempDir Path dir) throws Exception {
        byte[] ann = Files.readAllBytes(annFile());
        byte[] bad = ann.clone();
        bad[1000] ^= 1;
        Path two = dir.resolve("two.bin");
        byte[] both = new byte[2048];
        System.arraycopy(ann, 0, both, 0, 1024);
        System.arraycopy(bad, 0, both, 1024, 1024);
        Files.write(two, both);
        CliRun run = CliRun.of("packetcrypt", "verify-ann", "--parent-hash", PARENT, Hex.encode(ann), two.toString());
        assertEquals(1, run.exitCode(), run.err());
        List<JsonNode> out = lines(run.out());
        assertEquals(3, out.size());
        assertEquals("OK", out.get(0).get("code").asText());
        assertEquals("OK", out.get(1).get("code").asText());
        assertEquals("INVAL_ITEM4", out.get(2).get("code").asText());
        assertTrue(out.get(2).get("workHash").isNull());
        assertTrue(!out.get(2).get("ok").asBoolean());

        CliRun wrongParent = CliRun.of("packetcrypt", "verify-ann", "--parent-hash", "00".repeat(32), annFile().toString());
        assertEquals(1, wrongParent.exitCode());
        assertEquals("INVAL_ITEM4", lines(wrongParent.out()).get(0).get("code").asText());
    }

    @Test
    void verifyAnnReadsHexLinesFromStdin() throws Exception {
        byte[] ann = Files.readAllBytes(annFile());
        String input = Hex.encode(ann) + "\n\n# a comment\n" + Hex.encode(ann).toUpperCase() + "\n";
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.US_ASCII)));
            CliRun run = CliRun.of("packetcrypt", "verify-ann", "--parent-hash", PARENT);
            assertEquals(0, run.exitCode(), run.err());
            List<JsonNode> out = lines(run.out());
            assertEquals(2, out.size());
            assertEquals(WORK, out.get(1).get("workHash").asText());
            System.setIn(new ByteArrayInputStream("abcd\n".getBytes(StandardCharsets.US_ASCII)));
            CliRun bad = CliRun.of("packetcrypt", "verify-ann", "--parent-hash", PARENT, "-");
            assertEquals(2, bad.exitCode());
            assertTrue(bad.err().contains("stdin line 1"), bad.err());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void verifyAnnRejectsBadInputWithExitTwo() {
        assertEquals(2, CliRun.of("packetcrypt", "verify-ann", "--parent-hash", "1234", annFile().toString()).exitCode());
        assertEquals(2, CliRun.of("packetcrypt", "verify-ann", "--parent-hash", PARENT, "nonsense").exitCode());
        assertEquals(2, CliRun.of("packetcrypt", "verify-ann", "--parent-hash", PARENT, "abcd").exitCode());
        assertEquals(2, CliRun.of("packetcrypt", "verify-ann", annFile().toString()).exitCode());
    }

    @Test
    void verifyBlockFromTheVectorFile() throws Exception {
        Path file = TestVectors.path("packetcrypt/pcp_block_vectors.json");
        CliRun run = CliRun.of("packetcrypt", "verify-block", "--json-file", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode o = lines(run.out()).get(0);
        assertTrue(o.get("ok").asBoolean());
        assertEquals("SHARE_OK", o.get("code").asText());
        assertEquals("edf82bd199fec6bc6d021845041ae9a41c0cec89cb80e5ca5822b29253820f00", o.get("powHash").asText());
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("ok", "code", "powHash"), names);
    }

    @Test
    void verifyBlockFromOptions(@TempDir Path dir) throws Exception {
        JsonNode v = TestVectors.json("packetcrypt/pcp_block_vectors.json").get("vectors").get("share");
        String block = v.get("serialized_block_hex").asText();
        String header = v.get("header_hex").asText();
        // The proof entities: after the header, up to and including the end entity 0000 before the tx count.
        String tail = block.substring(160);
        int end = tail.indexOf("00000101000000") + 4;
        String pcp = tail.substring(0, end);
        String parents = String.join(",", PARENT, PARENT, PARENT, PARENT);
        String commit = v.get("coinbase_commit_hex").asText();
        CliRun share = CliRun.of("packetcrypt", "verify-block", "--header", header, "--pcp", pcp, "--height", "497735",
                "--share-target", "1f3ffffc", "--coinbase-commit", commit, "--ann-parent-hashes", parents);
        assertEquals(0, share.exitCode(), share.err() + share.out());
        assertEquals("SHARE_OK", lines(share.out()).get(0).get("code").asText());
        CliRun noShare = CliRun.of("packetcrypt", "verify-block", "--header", header, "--pcp", pcp, "--height", "497735",
                "--coinbase-commit", commit, "--ann-parent-hashes", parents);
        assertEquals(1, noShare.exitCode());
        assertEquals("INSUF_POW", lines(noShare.out()).get(0).get("code").asText());
        String wrong = "00".repeat(32);
        CliRun badParent = CliRun.of("packetcrypt", "verify-block", "--header", header, "--pcp", pcp, "--height", "497735",
                "--share-target", "1f3ffffc", "--coinbase-commit", commit, "--ann-parent-hashes",
                String.join(",", PARENT, PARENT, wrong, PARENT));
        assertEquals(1, badParent.exitCode());
        assertEquals("ANN_INVALID(2)", lines(badParent.out()).get(0).get("code").asText());
        CliRun truncated = CliRun.of("packetcrypt", "verify-block", "--header", header, "--pcp", pcp.substring(0, pcp.length() - 4),
                "--height", "497735", "--coinbase-commit", commit, "--ann-parent-hashes", parents);
        assertEquals(1, truncated.exitCode());
        JsonNode t = lines(truncated.out()).get(0);
        assertEquals("PCP_INVAL", t.get("code").asText());
        assertTrue(t.get("powHash").isNull());

        // A single vector object, and the BlkHandler body form.
        Path one = dir.resolve("one.json");
        Files.writeString(one, v.toString());
        assertEquals(0, CliRun.of("packetcrypt", "verify-block", "--json-file", one.toString()).exitCode());
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) v.deepCopy();
        body.remove("serialized_block_hex");
        Files.writeString(one, body.toString());
        CliRun posted = CliRun.of("packetcrypt", "verify-block", "--json-file", one.toString());
        assertEquals("SHARE_OK", lines(posted.out()).get(0).get("code").asText(), posted.err());
    }

    @Test
    void verifyBlockRejectsBadInputWithExitTwo() {
        assertEquals(2, CliRun.of("packetcrypt", "verify-block", "--header", "00").exitCode());
        assertEquals(2, CliRun.of("packetcrypt", "verify-block", "--json-file", "/nonexistent.json").exitCode());
        assertEquals(2, CliRun.of("packetcrypt", "verify-block", "--json-file",
                TestVectors.path("packetcrypt/pcp_block_vectors.json").toString(), "--height", "5").exitCode());
    }

    @Test
    void difficultyCommandsMatchTheVectors() throws Exception {
        JsonNode e = lines(CliRun.of("packetcrypt", "difficulty", "effective-target", "--block-bits", "1f0fffff",
                "--ann-min-bits", "20200000", "--ann-count", "16").out()).get(0);
        assertEquals("1f01c000", e.get("effectiveTarget").asText());
        JsonNode e1 = lines(CliRun.of("packetcrypt", "difficulty", "effective-target", "--block-bits", "1f0fffff",
                "--ann-min-bits", "20200000", "--ann-count", "16", "--pc-version", "1").out()).get(0);
        assertEquals("1d070000", e1.get("effectiveTarget").asText());
        JsonNode d = lines(CliRun.of("packetcrypt", "difficulty", "degrade", "--ann-bits", "20020000", "--age", "4").out()).get(0);
        assertEquals("20040000", d.get("agedTarget").asText());
        assertTrue(d.get("usable").asBoolean());
        JsonNode d2 = lines(CliRun.of("packetcrypt", "difficulty", "degrade", "--ann-bits", "20020000", "--age", "2").out()).get(0);
        assertEquals("ffffffff", d2.get("agedTarget").asText());
        assertTrue(!d2.get("usable").asBoolean());
        CliRun ok = CliRun.of("packetcrypt", "difficulty", "min-ok", "--bits", "207fffff");
        assertEquals(0, ok.exitCode());
        CliRun notOk = CliRun.of("packetcrypt", "difficulty", "min-ok", "--bits", "20800000");
        assertEquals(1, notOk.exitCode());
        assertTrue(!lines(notOk.out()).get(0).get("ok").asBoolean());
        assertEquals("007fff", lines(CliRun.of("packetcrypt", "difficulty", "soft-nonce-max", "--bits", "20020000").out())
                .get(0).get("hex").asText());
        assertEquals("4096", lines(CliRun.of("packetcrypt", "difficulty", "work", "--bits", "1f0fffff").out())
                .get(0).get("work").asText());
        assertEquals(2, CliRun.of("packetcrypt", "difficulty", "min-ok", "--bits", "xyz").exitCode());
        assertEquals(2, CliRun.of("packetcrypt", "difficulty", "degrade", "--ann-bits", "20020000", "--age", "-1").exitCode());
        assertEquals(2, CliRun.of("packetcrypt", "difficulty", "effective-target", "--block-bits", "1f0fffff",
                "--ann-min-bits", "20200000", "--ann-count", "x").exitCode());
    }
}
