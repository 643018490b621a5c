package io.poolkit.pegnet.opr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An OPR entry block in pegnet's grader test-data format: {@code {"Height", "PreviousWinners": [short hashes],
 * "Winners": [expected, optional], "Entries": [{"Hash", "ExtIDs": [base64...], "Content": base64}]}}.
 *
 * @param expectedWinners the file's "Winners" (empty when absent)
 * @param entryHashes     the file's "Hash" of each entry ("" when absent), to check against the recomputed ones
 */
public record OprBlockFile(int height, List<String> previousWinners, List<FactomEntry> entries,
        List<String> expectedWinners, List<String> entryHashes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the lists. */
    public OprBlockFile {
        previousWinners = List.copyOf(previousWinners);
        entries = List.copyOf(entries);
        expectedWinners = List.copyOf(expectedWinners);
        entryHashes = List.copyOf(entryHashes);
    }

    /** Reads a block file. */
    public static OprBlockFile read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not an OPR block file (bad JSON: "
                    + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OPR block " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.path("Height").canConvertToInt() || !root.path("Entries").isArray()) {
            throw new IllegalArgumentException(file + " is not an OPR block file (needs Height and Entries)");
        }
        List<String> prev = strings(root.path("PreviousWinners"));
        if (prev.isEmpty()) {
            int n = OprVersions.winners(OprVersions.versionAt(root.get("Height").asInt()));
            for (int i = 0; i < n; i++) {
                prev.add("");
            }
        }
        List<FactomEntry> entries = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        Base64.Decoder b64 = Base64.getDecoder();
        int i = 0;
        for (JsonNode e : root.get("Entries")) {
            try {
                List<byte[]> ext = new ArrayList<>();
                for (JsonNode x : e.path("ExtIDs")) {
                    ext.add(b64.decode(x.asText()));
                }
                entries.add(FactomEntry.onOprChain(ext, b64.decode(e.path("Content").asText())));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(file + ": entry " + i + " has bad base64: " + ex.getMessage(), ex);
            }
            hashes.add(e.path("Hash").asText(""));
            i++;
        }
        return new OprBlockFile(root.get("Height").asInt(), prev, entries, strings(root.path("Winners")), hashes);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
