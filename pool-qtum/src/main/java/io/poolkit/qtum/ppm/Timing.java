package io.poolkit.qtum.ppm;

import java.time.Instant;
import java.util.List;

/**
 * PPM's clock rules: the daily payout runs in the first 4 s of the UTC day ({@code unix % 86400 < 4});
 * the hourly status goes out when {@code (unix + 4) % 3600 <= 4}; and the do-not-disturb table is
 * indexed by the local hour {@code (floor(((unix + 4) % 86400) / 3600) + utcOffset) mod 24}.
 */
public final class Timing {

    /** PPM's default table: 1 = suppress, hours 00-06 and 23 local. */
    public static final List<Integer> DEFAULT_DO_NOT_DISTURB =
            List.of(1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);

    private Timing() {
    }

    /** Whether {@code t} is in PPM's payout window (first 4 s of the UTC day). */
    public static boolean isPayoutWindow(Instant t) {
        return Math.floorMod(t.getEpochSecond(), 86_400L) < 4;
    }

    /** Whether {@code t} is in PPM's hourly status window. */
    public static boolean isHourlyWindow(Instant t) {
        return Math.floorMod(t.getEpochSecond() + 4, 3_600L) <= 4;
    }

    /** The do-not-disturb table index (local hour) for {@code t} and a UTC offset in hours. */
    public static int localHour(Instant t, int utcOffsetHours) {
        long utcHour = Math.floorMod(t.getEpochSecond() + 4, 86_400L) / 3_600L;
        return (int) Math.floorMod(utcHour + utcOffsetHours, 24L);
    }

    /** Whether messages at {@code t} are suppressed by {@code table} (24 entries, 1 = suppress). */
    public static boolean isDoNotDisturb(Instant t, int utcOffsetHours, List<Integer> table) {
        if (table.size() != 24) {
            throw new IllegalArgumentException("do-not-disturb table needs 24 entries, got " + table.size());
        }
        return table.get(localHour(t, utcOffsetHours)) != 0;
    }
}
