package io.poolkit.pegnet.opr;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.testing.TestVectors;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The real mainnet OPR entry blocks in {@code vectors/pegnet/opr_blocks} and the derived per-entry table. */
final class RealBlocks {

    static final int[] HEIGHTS = {206422, 210330};

    record Block(int height, List<String> previousWinners, List<String> winners, List<FactomEntry> entries,
            List<String> hashes) {
    }

    private RealBlocks() {
    }

    static Block block(int height) {
        JsonNode root = TestVectors.json("pegnet/opr_blocks/" + height + ".json");
        List<String> prev = new ArrayList<>();
        root.get("PreviousWinners").forEach(n -> prev.add(n.asText()));
        List<String> winners = new ArrayList<>();
        root.get("Winners").forEach(n -> winners.add(n.asText()));
        List<FactomEntry> entries = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        Base64.Decoder b64 = Base64.getDecoder();
        for (JsonNode e : root.get("Entries")) {
            List<byte[]> ext = new ArrayList<>();
            e.get("ExtIDs").forEach(x -> ext.add(b64.decode(x.asText())));
            entries.add(FactomEntry.onOprChain(ext, b64.decode(e.get("Content").asText())));
            hashes.add(e.get("Hash").asText());
        }
        return new Block(root.get("Height").asInt(), prev, winners, entries, hashes);
    }

    /** Rows of entries_derived.csv for a height, keyed by column name, in entry order. */
    static List<Map<String, String>> derived(int height) {
        String[] lines = TestVectors.text("pegnet/opr_blocks/entries_derived.csv").split("\n");
        String[] header = lines[0].strip().split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].strip().split(",", -1);
            if (!f[0].equals(Integer.toString(height))) {
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], f[c]);
            }
            rows.add(row);
        }
        return rows;
    }
}
