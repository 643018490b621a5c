package io.poolkit.pegnet.opr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.bytes.Hex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Grades the real blocks with the difficulties recorded in entries_derived.csv (LXR30 values from the research
 * implementation, which match every honest entry's claim); {@link Grader30Test} grades them again hashing with
 * our own 30-bit LXRHash.
 */
class GraderTest {

    static OprPow recorded(int height) {
        Map<String, Long> byKey = new HashMap<>();
        for (Map<String, String> row : RealBlocks.derived(height)) {
            byKey.put(row.get("opr_hash_sha256_hex") + "/" + row.get("nonce_hex"),
                    Long.parseUnsignedLong(row.get("computed_difficulty_hex"), 16));
        }
        return (oprHash, nonce) -> {
            Long d = byKey.get(Hex.encode(oprHash) + "/" + Hex.encode(nonce));
            if (d == null) {
                throw new AssertionError("no recorded difficulty for " + Hex.encode(oprHash));
            }
            return d;
        };
    }

    static void checkAgainstVectors(int height, Grader.GradedBlock graded) {
        RealBlocks.Block block = RealBlocks.block(height);
        assertEquals(block.winners(), graded.winners(), "winners of " + height);
        // expected_winners.tsv carries the same lists, flattened
        String tsv = io.poolkit.core.testing.TestVectors.text("pegnet/opr_blocks/expected_winners.tsv");
        assertTrue(tsv.contains(height + "\t" + graded.version() + "\t" + String.join(",", block.previousWinners())
                + "\t" + String.join(",", graded.winners())));
        List<Map<String, String>> derived = RealBlocks.derived(height);
        Map<String, Map<String, String>> byHash = new HashMap<>();
        derived.forEach(r -> byHash.put(r.get("entry_hash"), r));
        assertEquals(derived.stream().filter(r -> !r.get("graded_position").isEmpty()).count(), graded.graded().size());
        for (Grader.GradedOpr g : graded.graded()) {
            Map<String, String> row = byHash.get(g.entry().entry().hashHex());
            assertEquals(row.get("graded_position"), Integer.toString(g.position()));
            assertEquals(row.get("payout_pegtoshi"), Long.toString(g.payout()));
        }
        long valid = derived.stream().filter(r -> r.get("valid_for_block_grader").equals("true")).count();
        long invalid = derived.size() - valid;
        long falseClaims = derived.stream().filter(r -> r.get("valid_for_block_grader").equals("true")
                && r.get("srd_equals_computed").equals("false")).count();
        // rejected = failed validation + (false claims among those walked)
        assertTrue(graded.rejected().size() >= invalid && graded.rejected().size() <= invalid + falseClaims,
                graded.rejected().size() + " rejected");
    }

    @Test
    void realBlocksRegradeToTheirWinners() {
        for (int height : RealBlocks.HEIGHTS) {
            RealBlocks.Block block = RealBlocks.block(height);
            Grader.GradedBlock graded = Grader.grade(height, block.previousWinners(), block.entries(), recorded(height));
            checkAgainstVectors(height, graded);
        }
    }

    @Test
    void validationMatchesTheDerivedTable() {
        for (int height : RealBlocks.HEIGHTS) {
            RealBlocks.Block block = RealBlocks.block(height);
            List<Map<String, String>> derived = RealBlocks.derived(height);
            for (int i = 0; i < block.entries().size(); i++) {
                boolean ok;
                try {
                    OprEntry.validate(block.entries().get(i), height, block.previousWinners());
                    ok = true;
                } catch (OprFormatException e) {
                    ok = false;
                }
                assertEquals(Boolean.parseBoolean(derived.get(i).get("valid_for_block_grader")), ok,
                        "entry " + i + " of " + height);
            }
        }
    }

    @Test
    void tooFewRecordsGiveNoWinners() {
        RealBlocks.Block block = RealBlocks.block(210330);
        List<Map<String, String>> derived = RealBlocks.derived(210330);
        List<FactomEntry> few = new java.util.ArrayList<>();
        for (int i = 0; i < derived.size() && few.size() < 24; i++) {
            if (derived.get(i).get("valid_for_block_grader").equals("true")) {
                few.add(block.entries().get(i));
            }
        }
        Grader.GradedBlock graded = Grader.grade(210330, block.previousWinners(), few, recorded(210330));
        assertTrue(graded.winners().isEmpty());
        assertEquals(block.previousWinners(), graded.winnersForNext(block.previousWinners()));
    }
}
