package io.poolkit.core.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs units of work on pooled connections: in one transaction when several rows must change
 * together, in auto-commit for single reads. SQL errors become {@link LedgerException}s that say
 * what was being done; a {@link LedgerException} thrown by the work rolls back and passes unchanged.
 */
final class Jdbc {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String where;

    Jdbc(DataSource dataSource, Dialect dialect, String where) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.where = where;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    <T> T transaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
            // The pool restores auto-commit when the connection is returned.
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs a read in auto-commit mode. */
    <T> T read(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs a read that may step through many rows: in a transaction where the driver needs one to stream. */
    <T> T stream(String what, Work<T> work) {
        if (dialect.streamsInTransaction()) {
            return transaction(what, work);
        }
        return read(what, work);
    }

    private LedgerException failure(String what, SQLException e) {
        return new LedgerException(what + " failed on the ledger at " + where + ": " + e.getMessage(), e);
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    // Small helpers for the repositories.

    static void setOptionalLong(PreparedStatement ps, int index, Optional<Long> value) throws SQLException {
        if (value.isPresent()) {
            ps.setLong(index, value.get());
        } else {
            ps.setNull(index, Types.BIGINT);
        }
    }

    static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return optionalLong(rs, column).map(Instant::ofEpochMilli);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return Instant.ofEpochMilli(rs.getLong(column));
    }

    static long millis(Instant instant) {
        return instant.toEpochMilli();
    }
}
