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
 *
 * <p>Shares are read by acceptance time, not by id: with several servers, ids are handed out when
 * a batch is inserted, and batches commit in any order. A share reaches the store up to a
 * recorder's {@code maxDelay} (more while the store is failing) after it was accepted, so a scheme
 * should read a window only once it closed longer ago than that.
 */
public final class ShareRepository {

    private static final int FETCH_SIZE = 2_000;

    /** Rows per INSERT statement: 9 parameters each, well under SQLite's and PostgreSQL's parameter limits. */
    private static final int ROWS_PER_STATEMENT = 250;
    private static final String INSERT_HEAD = "INSERT INTO shares (server_id, share_key, address, worker, difficulty,"
            + " network_difficulty, job_id, height, accepted_at) VALUES ";
    private static final String FULL_INSERT = buildInsert(ROWS_PER_STATEMENT);

    /** The select list every share query reads, ending in {@code FROM shares}; {@link #map} reads its rows. */
    static final String COLUMNS = "SELECT id, server_id, address, worker, difficulty, network_difficulty,"
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
        int inserted = 0;
        for (int from = 0; from < shares.size(); from += ROWS_PER_STATEMENT) {
            List<KeyedShare> chunk = shares.subList(from, Math.min(shares.size(), from + ROWS_PER_STATEMENT));
            inserted += insertChunk(c, serverId, chunk);
        }
        return inserted;
    }

    /** One multi-row INSERT: one round trip, and its update count is the number of new rows. */
    private int insertChunk(Connection c, String serverId, List<KeyedShare> chunk) throws SQLException {
        Dialect dialect = jdbc.dialect();
        try (PreparedStatement ps = c.prepareStatement(insertSql(chunk.size()))) {
            int i = 1;
            for (KeyedShare keyed : chunk) {
                AcceptedShare s = keyed.share();
                ps.setString(i++, serverId);
                ps.setString(i++, keyed.key());
                ps.setString(i++, s.address());
                ps.setString(i++, s.worker());
                dialect.setDecimal(ps, i++, s.difficulty());
                dialect.setDecimal(ps, i++, s.networkDifficulty());
                ps.setString(i++, s.jobId());
                ps.setLong(i++, s.height());
                ps.setLong(i++, Jdbc.millis(s.acceptedAt()));
            }
            return ps.executeUpdate();
        }
    }

    private static String insertSql(int rows) {
        if (rows == ROWS_PER_STATEMENT) {
            return FULL_INSERT;
        }
        return buildInsert(rows);
    }

    private static String buildInsert(int rows) {
        StringBuilder sql = new StringBuilder(INSERT_HEAD);
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        return sql.append(" ON CONFLICT DO NOTHING").toString();
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

    /**
     * Deletes the shares accepted before {@code before}: for pruning once no scheme can still need
     * them (after the blocks they fall in were credited, and older than any PPLNS window).
     *
     * @return how many were deleted
     */
    public int deleteBefore(Instant before) {
        return jdbc.transaction("pruning shares", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pps_credited_shares WHERE share_id IN"
                    + " (SELECT id FROM shares WHERE accepted_at < ?)")) {
                ps.setLong(1, Jdbc.millis(before));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM shares WHERE accepted_at < ?")) {
                ps.setLong(1, Jdbc.millis(before));
                return ps.executeUpdate();
            }
        });
    }

    static StoredShare map(ResultSet rs) throws SQLException {
        AcceptedShare share = new AcceptedShare(rs.getString("address"), rs.getString("worker"),
                Dialect.getDecimal(rs, "difficulty"), Dialect.getDecimal(rs, "network_difficulty"),
                rs.getString("job_id"), rs.getLong("height"), Jdbc.instant(rs, "accepted_at"));
        return new StoredShare(rs.getLong("id"), rs.getString("server_id"), share);
    }
}
