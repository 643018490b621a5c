package io.poolkit.pegnet.opr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.bytes.Hex;
import io.poolkit.pegnet.lxr.ByteMap;
import io.poolkit.pegnet.lxr.ByteMapCache;
import io.poolkit.pegnet.lxr.LxrHash;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real blocks with our own 30-bit LXRHash: every entry's LXR30 hash and difficulty as in entries_derived.csv
 * (so every honest claim checks out and the one false claim is caught), and grading to the upstream winners.
 * Uses the verified cached table (see {@link io.poolkit.pegnet.lxr.LxrHash30Test}).
 */
class Grader30Test {

    private static LxrHash lxr;

    @BeforeAll
    static void table() {
        lxr = new LxrHash(ByteMapCache.atDefaultLocation().load(30, ByteMap.Progress.NONE).map());
    }

    @Test
    void everyEntrysLxr30HashAndDifficulty() {
        int honest = 0;
        int dishonest = 0;
        for (int height : RealBlocks.HEIGHTS) {
            RealBlocks.Block block = RealBlocks.block(height);
            List<Map<String, String>> derived = RealBlocks.derived(height);
            for (int i = 0; i < block.entries().size(); i++) {
                FactomEntry e = block.entries().get(i);
                Map<String, String> row = derived.get(i);
                byte[] oprHash = OprEntry.oprHash(e.content());
                byte[] nonce = e.extIds().get(0);
                assertEquals(row.get("lxr30_hash_hex"), Hex.encode(lxr.hash(oprHash, nonce)), "entry " + i + " of " + height);
                long d = lxr.difficulty(oprHash, nonce);
                assertEquals(row.get("computed_difficulty_hex"), String.format("%016x", d));
                boolean claimOk = e.extIds().get(1).length == 8 && Hex.encode(e.extIds().get(1)).equals(String.format("%016x", d));
                assertEquals(Boolean.parseBoolean(row.get("srd_equals_computed")), claimOk);
                if (claimOk) {
                    honest++;
                } else {
                    dishonest++;
                }
            }
        }
        assertEquals(1, dishonest);
        assertTrue(honest >= 690, "honest " + honest);
    }

    @Test
    void realBlocksRegradeWithLxr30() {
        for (int height : RealBlocks.HEIGHTS) {
            RealBlocks.Block block = RealBlocks.block(height);
            Grader.GradedBlock graded = Grader.grade(height, block.previousWinners(), block.entries(), lxr::difficulty);
            GraderTest.checkAgainstVectors(height, graded);
        }
    }
}
