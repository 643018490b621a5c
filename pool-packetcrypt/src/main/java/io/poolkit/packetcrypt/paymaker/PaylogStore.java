package io.poolkit.packetcrypt.paymaker;

import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerException;
import io.poolkit.core.ledger.LedgerStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The PayMaker's accepted pay logs in the pool-core ledger database (table {@code pc_paylogs},
 * migration V4), so a restart replays exactly what was credited. Opening it migrates the ledger
 * schema through {@link LedgerStore}; rows are written with plain JDBC on the same URL.
 */
public final class PaylogStore implements AutoCloseable {

    /**
     * One stored log.
     *
     * @param logId      first 32 hex digits of the body's SHA-256
     * @param newestTime time of its newest event, ms
     * @param body       the ndjson body
     */
    public record StoredLog(String logId, long newestTime, String body) {
    }

    private final LedgerConfig config;
    private final LedgerStore ledger;

    private PaylogStore(LedgerConfig config, LedgerStore ledger) {
        this.config = config;
        this.ledger = ledger;
    }

    /** Opens (and migrates) the ledger at {@code config}. */
    public static PaylogStore open(LedgerConfig config) {
        return new PaylogStore(config, LedgerStore.open(config));
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.user().orElse(null), config.password().orElse(null));
    }

    /**
     * Stores a log unless one with the same id is already stored.
     *
     * @return true if stored now, false if it was already there (a replayed upload)
     */
    public boolean insertIfAbsent(String logId, long newestTime, String body, long receivedAt) {
        try (Connection c = connect()) {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pc_paylogs WHERE log_id = ?")) {
                q.setString(1, logId);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO pc_paylogs (log_id, newest_time, body, received_at) VALUES (?, ?, ?, ?)")) {
                ins.setString(1, logId);
                ins.setLong(2, newestTime);
                ins.setString(3, body);
                ins.setLong(4, receivedAt);
                ins.executeUpdate();
                return true;
            } catch (SQLException e) {
                // A concurrent insert of the same log won the race: it is stored once.
                if (exists(c, logId)) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new LedgerException("storing pay log " + logId + " at " + config.redactedUrl() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c, String logId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pc_paylogs WHERE log_id = ?")) {
            q.setString(1, logId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The newest event time over all stored logs, 0 if none. */
    public long newestTime() {
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
                "SELECT COALESCE(MAX(newest_time), 0) FROM pc_paylogs"); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new LedgerException("reading pay logs at " + config.redactedUrl() + " failed: " + e.getMessage(), e);
        }
    }

    /** Logs whose newest event is at or after {@code fromTime}, oldest first (then by id). */
    public List<StoredLog> since(long fromTime) {
        List<StoredLog> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
                "SELECT log_id, newest_time, body FROM pc_paylogs WHERE newest_time >= ? ORDER BY newest_time, log_id")) {
            q.setLong(1, fromTime);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredLog(rs.getString(1), rs.getLong(2), rs.getString(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new LedgerException("reading pay logs at " + config.redactedUrl() + " failed: " + e.getMessage(), e);
        }
    }

    /** Closes the ledger. */
    @Override
    public void close() {
        ledger.close();
    }
}
