package io.poolkit.core.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to open a ledger store.
 *
 * <p>A password is kept out of the URL: {@link #of(String)} moves a {@code password=} parameter
 * into {@link #password()}, and {@link #toString()} and {@link #redactedUrl()} never show it.
 *
 * @param jdbcUrl {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST:PORT/DATABASE[?user=...]}
 * @param user the database user, if not in the URL
 * @param password the database password, if any
 * @param maxPoolSize the most connections the pool opens
 * @param busyTimeout how long SQLite waits for another writer's lock, and how long the pool waits
 *     for a free connection
 * @param migrateOnOpen whether {@link LedgerStore#open} brings the schema up to date (the zero
 *     set-up default) or leaves that to {@link LedgerStore#migrate}
 * @param clock the source of the times the store writes (state changes, credits, payouts)
 */
public record LedgerConfig(String jdbcUrl, Optional<String> user, Optional<String> password, int maxPoolSize,
        Duration busyTimeout, boolean migrateOnOpen, Clock clock) {

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;])password=([^&;]*)");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@?]*)@");

    public LedgerConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Dialect.ofUrl(jdbcUrl);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, got " + maxPoolSize);
        }
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busyTimeout out of range: " + busyTimeout);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * A configuration with the defaults for a database URL, or for a plain file path (a SQLite file).
     * A {@code password=} parameter in the URL is moved into {@link #password()}.
     */
    public static LedgerConfig of(String urlOrPath) {
        Objects.requireNonNull(urlOrPath, "urlOrPath");
        String url = urlOrPath.strip();
        if (url.isEmpty()) {
            throw new IllegalArgumentException("empty ledger database URL");
        }
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            return sqlite(Path.of(url));
        }
        Optional<String> password = Optional.empty();
        int query = url.indexOf('?');
        if (query >= 0) {
            StringBuilder kept = new StringBuilder();
            for (String param : url.substring(query + 1).split("&")) {
                if (param.toLowerCase(Locale.ROOT).startsWith("password=")) {
                    password = Optional.of(param.substring("password=".length()));
                } else if (!param.isEmpty()) {
                    kept.append(kept.length() == 0 ? "?" : "&").append(param);
                }
            }
            url = url.substring(0, query) + kept;
        }
        Dialect dialect = Dialect.ofUrl(url);
        return new LedgerConfig(url, Optional.empty(), password, dialect == Dialect.SQLITE ? 4 : 8,
                Duration.ofSeconds(30), true, Clock.systemUTC());
    }

    /** A SQLite file, created (with its folder) on first use. */
    public static LedgerConfig sqlite(Path file) {
        return new LedgerConfig("jdbc:sqlite:" + file.toAbsolutePath(), Optional.empty(), Optional.empty(), 4,
                Duration.ofSeconds(30), true, Clock.systemUTC());
    }

    public LedgerConfig withCredentials(String user, String password) {
        return new LedgerConfig(jdbcUrl, Optional.of(user), Optional.of(password), maxPoolSize, busyTimeout,
                migrateOnOpen, clock);
    }

    public LedgerConfig withUser(String user) {
        return new LedgerConfig(jdbcUrl, Optional.of(user), password, maxPoolSize, busyTimeout, migrateOnOpen, clock);
    }

    public LedgerConfig withPassword(String password) {
        return new LedgerConfig(jdbcUrl, user, Optional.of(password), maxPoolSize, busyTimeout, migrateOnOpen, clock);
    }

    public LedgerConfig withMaxPoolSize(int size) {
        return new LedgerConfig(jdbcUrl, user, password, size, busyTimeout, migrateOnOpen, clock);
    }

    public LedgerConfig withBusyTimeout(Duration timeout) {
        return new LedgerConfig(jdbcUrl, user, password, maxPoolSize, timeout, migrateOnOpen, clock);
    }

    public LedgerConfig withMigrateOnOpen(boolean migrate) {
        return new LedgerConfig(jdbcUrl, user, password, maxPoolSize, busyTimeout, migrate, clock);
    }

    public LedgerConfig withClock(Clock newClock) {
        return new LedgerConfig(jdbcUrl, user, password, maxPoolSize, busyTimeout, migrateOnOpen, newClock);
    }

    /** {@code sqlite} or {@code postgresql}. */
    public String databaseKind() {
        return Dialect.ofUrl(jdbcUrl).label();
    }

    /** The URL with any password in it masked: fit for logs and messages. */
    public String redactedUrl() {
        return redact(jdbcUrl);
    }

    static String redact(String url) {
        String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1password=***");
        return USER_INFO.matcher(masked).replaceAll("//***@");
    }

    @Override
    public String toString() {
        return "LedgerConfig[url=" + redactedUrl() + ", user=" + user.orElse("-") + ", password="
                + (password.isPresent() ? "***" : "-") + ", maxPoolSize=" + maxPoolSize + ", busyTimeout="
                + busyTimeout + ", migrateOnOpen=" + migrateOnOpen + "]";
    }
}
