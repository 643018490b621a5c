package io.poolkit.stratum.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Per-IP connection limits and temporary bans. Thread safe. */
final class ConnectionGuard {

    private final int maxPerIp;
    private final Duration banDuration;
    private final Clock clock;
    private final Map<String, AtomicInteger> perIp = new ConcurrentHashMap<>();
    private final Map<String, Instant> bannedUntil = new ConcurrentHashMap<>();

    ConnectionGuard(int maxPerIp, Duration banDuration, Clock clock) {
        this.maxPerIp = maxPerIp;
        this.banDuration = banDuration;
        this.clock = clock;
    }

    /** Registers a connection from {@code ip}; false (and nothing registered) if banned or over the limit. */
    boolean admit(String ip) {
        Instant until = bannedUntil.get(ip);
        if (until != null) {
            if (clock.instant().isBefore(until)) {
                return false;
            }
            bannedUntil.remove(ip, until);
        }
        AtomicInteger count = perIp.computeIfAbsent(ip, k -> new AtomicInteger());
        if (count.incrementAndGet() > maxPerIp) {
            count.decrementAndGet();
            return false;
        }
        return true;
    }

    void release(String ip) {
        perIp.computeIfPresent(ip, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    void ban(String ip) {
        bannedUntil.put(ip, clock.instant().plus(banDuration));
    }

    boolean isBanned(String ip) {
        Instant until = bannedUntil.get(ip);
        return until != null && clock.instant().isBefore(until);
    }
}
