package io.poolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.testing.TestVectors;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code poolkit pegnet grade} on the real mainnet blocks. Hashes with the 30-bit table from the verified cache
 * (generated once into ~/.cache/poolkit/lxrhash if missing; see pool-pegnet's LxrHash30Test).
 */
class PegnetGradeCommandTest {

    @Test
    void gradesRealBlocksToTheirWinnersInPayoutOrder() {
        for (String line : TestVectors.text("pegnet/opr_blocks/expected_winners.tsv").split("\n")) {
            if (line.startsWith("height") || line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\t");
            List<String> expected = Arrays.asList(f[3].split(","));
            CliRun run = CliRun.of("pegnet", "grade",
                    TestVectors.path("pegnet/opr_blocks/" + f[0] + ".json").toString());
            assertEquals(0, run.exitCode(), run.err());
            String[] lines = run.out().strip().split("\\R");
            assertTrue(lines[0].startsWith("height " + f[0] + " version " + f[1]), lines[0]);
            assertEquals(expected.size() + 1, lines.length);
            for (int i = 0; i < expected.size(); i++) {
                String[] cols = lines[i + 1].strip().split("\\s+");
                assertEquals(Integer.toString(i), cols[0]);
                assertEquals(expected.get(i), cols[1], "position " + i + " of " + f[0]);
            }
            if (f[1].equals("1")) {
                assertTrue(lines[1].contains(" 800 PEG "), lines[1]);
                assertTrue(lines[2].contains(" 600 PEG "), lines[2]);
            } else {
                assertTrue(lines[1].contains(" 200 PEG "), lines[1]);
            }
        }
    }
}
