package io.poolkit.qtum.ppm;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * PPM's pool share snapshot, the content of both {@code currentpoolshare.csv} (2021 code:
 * {@code currentpoolshare.txt}) and the per-block archive {@code poolshare/<block>poolshare.csv}:
 * <pre>
 * block,&lt;height&gt;,poolbalance,&lt;sats&gt;,
 * poolrevenue,&lt;sats&gt;,
 * delegate,&lt;address&gt;,poolshare,&lt;sats&gt;,
 * </pre>
 * Both files hold the cumulative accrued state after {@code block}. The reader accepts CRLF or LF,
 * blank lines and a float {@code poolrevenue} (PPM writes e.g. {@code 26000089788.799206} after a
 * payout; like PPM, the fraction is dropped).
 *
 * @param block last processed height
 * @param poolBalanceSats gross pool rewards since the last payout plus carry-overs
 * @param poolRevenueSats pool fee kept plus self-staked rewards
 * @param sharesSats accrued satoshis per delegate, in PPM's array order
 */
public record PoolShareFile(int block, long poolBalanceSats, long poolRevenueSats, Map<String, Long> sharesSats) {

    /** The name of the current snapshot file (README 2020 form). */
    public static final String CURRENT = "currentpoolshare.csv";
    /** The name the 2021 PPM code uses for the current snapshot. */
    public static final String CURRENT_TXT = "currentpoolshare.txt";

    public PoolShareFile {
        sharesSats = Collections.unmodifiableMap(new LinkedHashMap<>(sharesSats));
    }

    /** {@code <block>poolshare.csv}. */
    public static String archiveName(int block) {
        return block + "poolshare.csv";
    }

    /** Parses a snapshot's text; {@code source} names it in error messages. */
    public static PoolShareFile parse(String text, String source) {
        Integer block = null;
        Long balance = null;
        long revenue = 0;
        Map<String, Long> shares = new LinkedHashMap<>();
        try {
            for (CSVRecord r : CSVFormat.DEFAULT.parse(new StringReader(text))) {
                String first = r.get(0).trim();
                int line = (int) r.getRecordNumber();
                switch (first) {
                    case "" -> {
                    }
                    case "block" -> {
                        need(r, 4, source, line);
                        block = Integer.parseInt(r.get(1).trim());
                        if (!r.get(2).trim().equals("poolbalance")) {
                            throw bad(source, line, "expected 'poolbalance' after the block number");
                        }
                        balance = integer(r.get(3), source, line);
                    }
                    case "poolrevenue" -> {
                        need(r, 2, source, line);
                        revenue = integer(r.get(1), source, line);
                    }
                    case "delegate" -> {
                        need(r, 4, source, line);
                        if (!r.get(2).trim().equals("poolshare")) {
                            throw bad(source, line, "expected 'poolshare' after the delegate address");
                        }
                        String address = r.get(1).trim();
                        if (shares.containsKey(address)) {
                            throw bad(source, line, "delegate " + address + " is listed twice");
                        }
                        shares.put(address, integer(r.get(3), source, line));
                    }
                    default -> throw bad(source, line, "unknown row '" + first + "'; expected block, poolrevenue or delegate");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": bad number: " + e.getMessage());
        }
        if (block == null || balance == null) {
            throw new IllegalArgumentException(source + ": no 'block,<height>,poolbalance,<sats>,' row");
        }
        return new PoolShareFile(block, balance, revenue, shares);
    }

    /** Reads a snapshot file (ASCII). */
    public static PoolShareFile read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.ISO_8859_1), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file text, with {@code lineEnding} ("\n" as PPM writes on Linux, "\r\n" as in its examples). */
    public String format(String lineEnding) {
        StringBuilder sb = new StringBuilder();
        sb.append("block,").append(block).append(",poolbalance,").append(poolBalanceSats).append(',').append(lineEnding);
        sb.append("poolrevenue,").append(poolRevenueSats).append(',').append(lineEnding);
        sharesSats.forEach((a, s) -> sb.append("delegate,").append(a).append(",poolshare,").append(s).append(',')
                .append(lineEnding));
        return sb.toString();
    }

    /** Writes the file atomically (temporary file, then rename). */
    public void write(Path file, String lineEnding) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, format(lineEnding), StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static long integer(String text, String source, int line) {
        String t = text.trim();
        if (t.contains(".")) {
            return new BigDecimal(t).setScale(0, RoundingMode.DOWN).longValueExact();
        }
        return Long.parseLong(t);
    }

    private static void need(CSVRecord r, int fields, String source, int line) {
        if (r.size() < fields) {
            throw bad(source, line, "needs at least " + fields + " fields, has " + r.size());
        }
    }

    private static IllegalArgumentException bad(String source, int line, String what) {
        return new IllegalArgumentException(source + " line " + line + ": " + what);
    }
}
