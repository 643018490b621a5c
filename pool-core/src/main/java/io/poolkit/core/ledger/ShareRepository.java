package io.poolkit.core.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Accepted shares: written in batches by the stratum servers, read by the reward schemes. Sums of
 * difficulty are computed exactly in Java (SQLite has no exact decimal arithmetic).
 */
public final class ShareRepository {

    private static final int FETCH_SIZE = 2_000;

    private static final String INSERT = "INSERT INTO shares (server_id, share_key, address, worker, difficulty,"
            + " network_difficulty, job_id, height, accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private static final String COLUMNS = "SELECT id, server_id, address, worker, difficulty, network_difficulty,"
            + " job_id, height, accepted_at FROM shares";

    private final Jdbc jdbc;

    ShareRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores shares in one transaction; shares whose key this server already stored are skipped.
     *
     * @return how many were new
     */
    public int insert(String serverId, List<KeyedShare> shares) {
        Checks.token("server id", serverId, Checks.SERVER_ID);
        if (shares.isEmpty()) {
            return 0;
        }
        return jdbc.transaction("storing " + shares.size() + " shares", c -> insert(c, serverId, shares));
    }

    int insert(Connection c, String serverId, List<KeyedShare> shares) throws SQLException {
        Dialect dialect = jdbc.dialect();
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (KeyedShare keyed : shares) {
                AcceptedShare s = keyed.share();
                ps.setString(1, serverId);
                ps.setString(2, keyed.key());
                ps.setString(3, s.address());
                ps.setString(4, s.worker());
                dialect.setDecimal(ps, 5, s.difficulty());
                dialect.setDecimal(ps, 6, s.networkDifficulty());
                ps.setString(7, s.jobId());
                ps.setLong(8, s.height());
                ps.setLong(9, Jdbc.millis(s.acceptedAt()));
                ps.addBatch();
            }
            int inserted = 0;
            for (int count : ps.executeBatch()) {
                if (count > 0) {
                    inserted += count;
                }
            }
            return inserted;
        }
    }

    /** The number of stored shares. */
    public long count() {
        return jdbc.read("counting shares", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM shares");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The number of shares a server stored. */
    public long count(String serverId) {
        return jdbc.read("counting shares", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM shares WHERE server_id = ?")) {
                ps.setString(1, serverId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Visits the shares accepted after {@code fromExclusive} up to and including {@code toInclusive},
     * oldest first (ties by id): a PROP round is the shares between two blocks.
     */
    public void forEachBetween(Instant fromExclusive, Instant toInclusive, Consumer<StoredShare> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        jdbc.stream("reading shares", c -> {
            try (PreparedStatement ps = c.prepareStatement(COLUMNS
                    + " WHERE accepted_at > ? AND accepted_at <= ? ORDER BY accepted_at, id")) {
                ps.setFetchSize(FETCH_SIZE);
                ps.setLong(1, Jdbc.millis(fromExclusive));
                ps.setLong(2, Jdbc.millis(toInclusive));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        visitor.accept(map(rs));
                    }
                }
            }
            return null;
        });
    }

    /** The shares of {@link #forEachBetween} as a list. */
    public List<StoredShare> between(Instant fromExclusive, Instant toInclusive) {
        List<StoredShare> out = new ArrayList<>();
        forEachBetween(fromExclusive, toInclusive, out::add);
        return out;
    }

    /**
     * Visits the shares accepted up to and including {@code upToInclusive}, newest first (ties by
     * descending id), while {@code visitor} returns true: a PPLNS window walks back until it has N
     * difficulty units.
     */
    public void forEachBackward(Instant upToInclusive, Predicate<StoredShare> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        jdbc.stream("reading shares", c -> {
            try (PreparedStatement ps = c.prepareStatement(COLUMNS
                    + " WHERE accepted_at <= ? ORDER BY accepted_at DESC, id DESC")) {
                ps.setFetchSize(FETCH_SIZE);
                ps.setLong(1, Jdbc.millis(upToInclusive));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!visitor.test(map(rs))) {
                            break;
                        }
                    }
                }
            }
            return null;
        });
    }

    /** The exact sum of share difficulty per address over the shares of {@link #forEachBetween}, by address. */
    public Map<String, BigDecimal> difficultyByAddress(Instant fromExclusive, Instant toInclusive) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        forEachBetween(fromExclusive, toInclusive,
                s -> sums.merge(s.share().address(), s.share().difficulty(), BigDecimal::add));
        return sums;
    }

    private static StoredShare map(ResultSet rs) throws SQLException {
        AcceptedShare share = new AcceptedShare(rs.getString("address"), rs.getString("worker"),
                Dialect.getDecimal(rs, "difficulty"), Dialect.getDecimal(rs, "network_difficulty"),
                rs.getString("job_id"), rs.getLong("height"), Jdbc.instant(rs, "accepted_at"));
        return new StoredShare(rs.getLong("id"), rs.getString("server_id"), share);
    }
}
