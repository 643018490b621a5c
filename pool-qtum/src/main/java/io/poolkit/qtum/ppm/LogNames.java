package io.poolkit.qtum.ppm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Daily log file names and the "logging start" line, all in UTC. PPM's README (2020) names files
 * {@code PPM_Log_DD_Mon_YYYY.csv}; its 2021 code writes {@code PPM_Log_YYYY_MM_DD.csv} (sorts by date).
 * poolkit writes the 2021 form by default and can read both. PPM's malformed 2021 new-day line is not
 * reproduced.
 */
public final class LogNames {

    private static final DateTimeFormatter README = DateTimeFormatter.ofPattern("dd_MMM_yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CODE = DateTimeFormatter.ofPattern("yyyy_MM_dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private LogNames() {
    }

    /** {@code PPM_Log_06_Aug_2020.csv} (README 2020 format). */
    public static String readme2020FileName(Instant t) {
        return "PPM_Log_" + README.format(t) + ".csv";
    }

    /** {@code PPM_Log_2020_08_06.csv} (2021 code format, poolkit's default). */
    public static String fileName(Instant t) {
        return "PPM_Log_" + CODE.format(t) + ".csv";
    }

    /** {@code 000,Logging,start,22:32:15,GMT,2020_08_06} (2021 code, at startup and each new day). */
    public static String loggingStartLine(Instant t) {
        return "000,Logging,start," + HMS.format(t) + ",GMT," + CODE.format(t);
    }

    /** {@code 000,Logging,start,_2232,hours,GMT,06_Aug_2020} (README 2020 format). */
    public static String readme2020LoggingStartLine(Instant t) {
        return "000,Logging,start,_" + HHMM.format(t) + ",hours,GMT," + README.format(t);
    }

    /** {@code 000,Program,start,or,restart,version,<version>}. */
    public static String programStartLine(String version) {
        return "000,Program,start,or,restart,version," + version;
    }

    /** The column label row ({@code 000, unix time, ...}). */
    public static final String COLUMN_LABELS = "000,unix time, date time, block, balance, stake, weight, net weight,"
            + " del weight, num del, connections, staking, expected Hours, staker, staker reward, delegate,"
            + " delegate reward, percent, mypool, pool balance, debug extra";
}
