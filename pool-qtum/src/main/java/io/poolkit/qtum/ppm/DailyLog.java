package io.poolkit.qtum.ppm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * PPM's daily CSV log under a {@code logs} directory: one file per UTC day named by
 * {@link LogNames#fileName(Instant)}, rows ending in "\n". A new file starts with the three {@code 000}
 * rows (program start, logging start, column labels). Fields are written as PPM writes them (no
 * quoting: fields such as {@code " yes"} keep their leading space); a comma or backslash inside a free
 * text field is escaped with a backslash.
 */
public final class DailyLog {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.NONE)
            .setEscape('\\').setRecordSeparator("\n").build();

    private final Path dir;
    private final Clock clock;
    private final ZoneId blockTimeZone;
    private final String version;

    /**
     * @param dir the logs directory
     * @param clock the clock that picks the day's file
     * @param blockTimeZone the zone of the 100 row's HH:MM:SS column (PPM: the host's zone)
     * @param version program version for the {@code 000,Program,start} row
     */
    public DailyLog(Path dir, Clock clock, ZoneId blockTimeZone, String version) {
        this.dir = dir;
        this.clock = clock;
        this.blockTimeZone = blockTimeZone;
        this.version = version;
    }

    /** Today's (UTC) log file. */
    public Path currentFile() {
        return dir.resolve(LogNames.fileName(clock.instant()));
    }

    /** Writes the three start rows (program start, logging start, column labels) to today's file. */
    public void start() {
        Instant now = clock.instant();
        appendRaw(List.of(LogNames.programStartLine(version), LogNames.loggingStartLine(now), LogNames.COLUMN_LABELS));
    }

    /** Starts a new day's file: the logging start and column label rows (no program start). */
    public void newDay() {
        appendRaw(List.of(LogNames.loggingStartLine(clock.instant()), LogNames.COLUMN_LABELS));
    }

    /** {@code 200, blocks,<n>} into the file of {@code day} (written after midnight, into the old day's log). */
    public void endOfDay(java.time.LocalDate day, int blocks) {
        append(dir.resolve(LogNames.fileName(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())),
                List.of(RowCode.END_OF_DAY.code(), " blocks", Integer.toString(blocks)));
    }

    /**
     * How many blocks the log of {@code day} already holds (its 100 rows), so that a service restarted
     * during the day still writes the whole day's count in the 200 row (PPM counts only since its start).
     */
    public int blockRows(java.time.LocalDate day) {
        Path file = dir.resolve(LogNames.fileName(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        if (!java.nio.file.Files.exists(file)) {
            return 0;
        }
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(file, java.nio.charset.StandardCharsets.UTF_8)) {
            return (int) lines.filter(l -> l.startsWith(RowCode.BLOCK.code() + ",")).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log " + file + ": " + e.getMessage(), e);
        }
    }

    /** A processed block. */
    public void block(BlockRow row) {
        append(row.fields(blockTimeZone));
    }

    /** {@code 200, blocks,<n>}: blocks processed in the day. */
    public void endOfDay(int blocks) {
        append(List.of(RowCode.END_OF_DAY.code(), " blocks", Integer.toString(blocks)));
    }

    /** {@code 300,payout,carryovers,<n>,sendmanyAmount,<x.8f>} for one sendmany batch. */
    public void payoutBatch(int carryovers, long sendmanySats) {
        append(List.of(RowCode.PAYOUT.code(), "payout", "carryovers", Integer.toString(carryovers), "sendmanyAmount",
                qtum8(sendmanySats)));
    }

    /** {@code 300,total,sendmanys,<n>,numDelegatesPaid,<n>,totalPaid,<x.8f>,intsatspoolRevenue,<v>}. */
    public void payoutTotal(int sendmanys, int delegatesPaid, long totalPaidSats, long poolRevenueSats) {
        append(List.of(RowCode.PAYOUT.code(), "total", "sendmanys", Integer.toString(sendmanys), "numDelegatesPaid",
                Integer.toString(delegatesPaid), "totalPaid", qtum8(totalPaidSats), "intsatspoolRevenue",
                Long.toString(poolRevenueSats)));
    }

    /** {@code 900, <message>}, e.g. {@code 900, QTUMD OFFLINE}. */
    public void error(String message) {
        append(List.of(RowCode.ERROR.code(), " " + message));
    }

    private static String qtum8(long sats) {
        return java.math.BigDecimal.valueOf(sats, 8).toPlainString();
    }

    private void append(List<String> fields) {
        append(currentFile(), fields);
    }

    private void append(Path file, List<String> fields) {
        try (Writer w = open(file); CSVPrinter p = new CSVPrinter(w, FORMAT)) {
            p.printRecord(fields);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log " + file + ": " + e.getMessage(), e);
        }
    }

    private void appendRaw(List<String> lines) {
        try (Writer w = open(currentFile())) {
            for (String l : lines) {
                w.write(l);
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log " + currentFile() + ": " + e.getMessage(), e);
        }
    }

    private Writer open(Path file) throws IOException {
        Files.createDirectories(dir);
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
