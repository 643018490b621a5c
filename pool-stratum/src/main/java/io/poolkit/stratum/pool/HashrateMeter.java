package io.poolkit.stratum.pool;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepted share difficulty per key (an address, or the whole pool) in one-minute buckets over a
 * window (10 minutes by default); hashrate = difficulty sum * hashes per share / seconds covered.
 * Thread safe.
 */
final class HashrateMeter {

    private static final int MINUTES = 10;

    private final Clock clock;
    private final BigInteger hashesPerShare;
    private final long startEpochSecond;
    private final Map<String, Buckets> byKey = new ConcurrentHashMap<>();

    HashrateMeter(Clock clock, BigInteger hashesPerShare) {
        this.clock = clock;
        this.hashesPerShare = hashesPerShare;
        this.startEpochSecond = clock.instant().getEpochSecond();
    }

    void add(String key, BigDecimal difficulty) {
        byKey.computeIfAbsent(key, k -> new Buckets()).add(minute(), difficulty);
    }

    /** Hashes per second over the window (or since start, if shorter). */
    double hashrate(String key) {
        Buckets b = byKey.get(key);
        if (b == null) {
            return 0;
        }
        long now = clock.instant().getEpochSecond();
        long seconds = Math.max(1, Math.min(Duration.ofMinutes(MINUTES).toSeconds(), now - startEpochSecond));
        BigDecimal sum = b.sum(minute());
        return sum.multiply(new BigDecimal(hashesPerShare)).divide(BigDecimal.valueOf(seconds), MathContext.DECIMAL64)
                .doubleValue();
    }

    private long minute() {
        return clock.instant().getEpochSecond() / 60;
    }

    private static final class Buckets {
        private final long[] minutes = new long[MINUTES];
        private final BigDecimal[] sums = new BigDecimal[MINUTES];

        synchronized void add(long minute, BigDecimal difficulty) {
            int i = (int) (minute % MINUTES);
            if (minutes[i] != minute || sums[i] == null) {
                minutes[i] = minute;
                sums[i] = BigDecimal.ZERO;
            }
            sums[i] = sums[i].add(difficulty);
        }

        synchronized BigDecimal sum(long currentMinute) {
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < MINUTES; i++) {
                if (sums[i] != null && currentMinute - minutes[i] < MINUTES) {
                    total = total.add(sums[i]);
                }
            }
            return total;
        }
    }
}
