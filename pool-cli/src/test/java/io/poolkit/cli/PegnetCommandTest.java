package io.poolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.testing.TestVectors;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PegnetCommandTest {

    private static List<String[]> rows(int bits) {
        List<String[]> rows = new ArrayList<>();
        for (String line : TestVectors.text("pegnet/lxrhash/derived_vectors_multi_size.tsv").split("\n")) {
            if (line.startsWith(bits + "\t")) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    @Test
    void hashLxrPrintsEachInputsHash() {
        for (int bits : new int[] {8, 16}) {
            List<String[]> rows = rows(bits);
            assertTrue(rows.size() >= 5);
            List<String> args = new ArrayList<>(List.of("hash", "lxr", "--bits", Integer.toString(bits)));
            StringBuilder expected = new StringBuilder();
            for (String[] r : rows) {
                if (r[2].isEmpty()) {
                    continue; // an empty argument is covered below
                }
                args.add(r[2]);
                expected.append(r[3]).append('\n');
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(expected.toString(), run.out().replace("\r\n", "\n"));
        }
        String[] empty = rows(10).stream().filter(r -> r[2].isEmpty()).findFirst().orElseThrow();
        assertEquals(empty[3], CliRun.of("hash", "lxr", "--bits", "10", "").out().strip());
    }

    @Test
    void hashLxrBatchModeAndErrors() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("666f6f\n\n7065676e6574\n".getBytes(StandardCharsets.US_ASCII)));
            CliRun ok = CliRun.of("hash", "lxr", "--bits", "12");
            assertEquals(0, ok.exitCode(), ok.err());
            List<String[]> rows = rows(12);
            String foo = rows.stream().filter(r -> r[2].equals("666f6f")).findFirst().orElseThrow()[3];
            String pegnet = rows.stream().filter(r -> r[2].equals("7065676e6574")).findFirst().orElseThrow()[3];
            assertEquals(foo + "\n" + pegnet + "\n", ok.out().replace("\r\n", "\n"));
        } finally {
            System.setIn(saved);
        }
        assertEquals(2, CliRun.of("hash", "lxr", "--bits", "7", "00").exitCode());
        assertEquals(2, CliRun.of("hash", "lxr", "--bits", "31", "00").exitCode());
        assertEquals(2, CliRun.of("hash", "sha256d", "--bits", "16", "00").exitCode());
    }

    @Test
    void tableWritesAVerifiedFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("lxr16.dat");
        CliRun run = CliRun.of("pegnet", "table", "--bits", "16", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        String known = "7f5df9e4cd8216cabbbd73ce203a0073357a3e8941d32e0adbb65bd32b214461";
        assertTrue(run.out().contains("sha256 " + known + " (matches the known digest)"), run.out());
        byte[] data = Files.readAllBytes(out);
        assertEquals(65536, data.length);
        assertEquals(known, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
        assertTrue(Files.readString(out.resolveSibling("lxr16.dat.sha256")).startsWith(known));
        assertEquals(2, CliRun.of("pegnet", "table", "--bits", "5", "--out", out.toString()).exitCode());
    }

    @Test
    void gradeRefusesAFileThatIsNotAnOprBlock(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("block.json");
        Files.writeString(bad, "{\"Height\": 206422}");
        CliRun run = CliRun.of("pegnet", "grade", bad.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("not an OPR block file"), run.err());
        assertEquals(2, CliRun.of("pegnet", "grade", dir.resolve("missing.json").toString()).exitCode());
    }
}
