package io.poolkit.qtum.ppm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.testing.TestVectors;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LogAndTimingVectorsTest {

    private static final JsonNode V = TestVectors.json("qtum/vectors/log_and_timing_vectors.json");

    @Test
    void namesLinesAndWindowsMatchEveryVector() {
        assertEquals(4, V.get("vectors").size());
        for (JsonNode v : V.get("vectors")) {
            Instant t = Instant.ofEpochSecond(v.get("unix").asLong());
            assertEquals(Instant.parse(v.get("utc").asText()), t);
            assertEquals(v.get("readme_2020_filename").asText(), LogNames.readme2020FileName(t));
            assertEquals(v.get("code_2021_filename").asText(), LogNames.fileName(t));
            assertEquals(v.get("code_2021_startup_logging_line").asText(), LogNames.loggingStartLine(t));
            assertEquals(v.get("readme_2020_logging_line").asText(), LogNames.readme2020LoggingStartLine(t));
            assertEquals(v.get("is_payout_window_unix_mod_86400_lt_4").asBoolean(), Timing.isPayoutWindow(t), v.get("utc").asText());
            assertEquals(v.get("is_hourly_window_(unix+4)_mod_3600_le_4").asBoolean(), Timing.isHourlyWindow(t), v.get("utc").asText());
        }
    }

    @Test
    void doNotDisturbTableAndIndex() {
        List<Integer> table = new ArrayList<>();
        V.get("doNotDisturb_default_by_local_hour").forEach(n -> table.add(n.asInt()));
        assertEquals(table, Timing.DEFAULT_DO_NOT_DISTURB);
        // 2020-08-06T22:32:15Z at UTC+8 is local hour 6 (suppressed); at UTC-4 hour 18 (not)
        Instant t = Instant.ofEpochSecond(1_596_753_135L);
        assertEquals(6, Timing.localHour(t, 8));
        assertEquals(true, Timing.isDoNotDisturb(t, 8, table));
        assertEquals(18, Timing.localHour(t, -4));
        assertEquals(false, Timing.isDoNotDisturb(t, -4, table));
        // the +4 s lead: 23:59:57Z counts as hour 0
        assertEquals(0, Timing.localHour(Instant.parse("2021-03-05T23:59:57Z"), 0));
    }

    @Test
    void rowCodesAndTheTwentyOneColumnsOfThe100Row() {
        V.get("row_codes").fieldNames().forEachRemaining(code -> {
            if (!code.contains("-")) {
                assertEquals(code, RowCode.of(code).code());
            }
        });
        assertEquals(21, V.get("row100_columns").size());
        String[] labels = LogNames.COLUMN_LABELS.split(",");
        assertEquals(21, labels.length);
    }

    @Test
    void reproducesTheReadmeLogRowsByteForByte() {
        List<String> lines = TestVectors.text("qtum/ppm/log_example_readme_2020.csv").lines().toList();
        assertEquals(LogNames.COLUMN_LABELS, lines.get(2));
        assertEquals(LogNames.programStartLine("2020-08-06"), lines.get(0));
        ZoneOffset edt = ZoneOffset.ofHours(-4);
        BlockRow first = new BlockRow(1_596_753_827L, 650_817, 248_785_670_000_000L, 0, 235_853_250_000_000L,
                467_808_800_000_000L, -12_932_400_000_000L, 57, 10, true, 0,
                "qYGvbBDDmYWcHXG2omsHoRDUheB4FN5CsR", 400_000_000L,
                Optional.of("qU12Fa5RHM535kSDvywxPjCmbL7gwkQJZ6"), 0, OptionalInt.of(100), false, 27_739_000_000L,
                "prevoutStakeN 1");
        assertEquals(21, first.fields(edt).size());
        assertEquals(lines.get(5), first.line(edt));
        BlockRow second = new BlockRow(1_596_753_892L, 650_818, 248_785_670_000_000L, 0, 235_853_250_000_000L,
                466_736_500_000_000L, -12_932_400_000_000L, 57, 10, true, 0,
                "qS3MvbBY8y8xNZx2GVyMEdnQJTCPWoPLUR", 400_000_000L, Optional.empty(), 0, OptionalInt.empty(), false,
                27_739_000_000L, "");
        assertEquals(lines.get(6), second.line(edt));
    }

    @Test
    void pythonStyleSpaceZeroPadding() {
        assertEquals(" 00012.5", BlockRow.spaceZeroPadded(12.5));
        assertEquals("-00012.5", BlockRow.spaceZeroPadded(-12.5));
        assertEquals(" 2358532.5", BlockRow.spaceZeroPadded(2_358_532.5));
    }
}
