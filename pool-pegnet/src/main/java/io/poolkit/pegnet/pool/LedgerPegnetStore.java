package io.poolkit.pegnet.pool;

import io.poolkit.pegnet.opr.OprPrices;
import io.poolkit.core.ledger.CreditKind;
import io.poolkit.core.ledger.CreditLine;
import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerException;
import io.poolkit.core.ledger.LedgerStore;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PegNet pool's state in the pool-core ledger (SQLite or PostgreSQL). Open jobs and their shares, each job's
 * owed summary and per-user split, submission attempts and EMAs live in the {@code pegnet_*} tables of migration
 * V3; what users are owed is also credited into {@code credit_batches}/{@code credits}/{@code balances} under the
 * source {@code pegnet-job:HEIGHT} (chain {@code pegnet}, scheme {@code PEGNET-PROP}), which makes it
 * exactly-once: a crash between crediting and closing the job re-closes it on the next reward without crediting
 * twice. Targets are unsigned 64-bit values stored as their signed bit pattern (upstream shifted them and lost a
 * bit). Thread safe (one connection, synchronized).
 */
public final class LedgerPegnetStore implements AccountantStore, SubmissionLog, AutoCloseable {

    /** The ledger chain name of PEG credits. */
    public static final String CHAIN = "pegnet";
    /** The credit scheme name. */
    public static final String SCHEME = "PEGNET-PROP";

    private final LedgerStore ledger;
    private final Connection db;
    private final String feeAccount;

    /**
     * Opens the pegnet tables of the ledger at {@code config} (migrating it first); the pool fee is credited to
     * {@code feeAccount}.
     */
    public LedgerPegnetStore(LedgerStore ledger, LedgerConfig config, String feeAccount) {
        this.ledger = ledger;
        this.feeAccount = feeAccount;
        ledger.migrate();
        try {
            this.db = DriverManager.getConnection(config.jdbcUrl(), config.user().orElse(null),
                    config.password().orElse(null));
            if (config.jdbcUrl().startsWith("jdbc:sqlite:")) {
                try (Statement s = db.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 10000");
                }
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot open the pegnet tables at " + config.redactedUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The source name of a job's crediting. */
    public static String source(long jobId) {
        return "pegnet-job:" + jobId;
    }

    @Override
    public synchronized void openJob(long jobId, Instant at) {
        run("opening job " + jobId, () -> {
            if (!jobState(jobId).isPresent()) {
                try (PreparedStatement ps = db.prepareStatement(
                        "INSERT INTO pegnet_jobs (job_id, state, opened_at) VALUES (?, 'open', ?)")) {
                    ps.setLong(1, jobId);
                    ps.setLong(2, at.toEpochMilli());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public synchronized void saveShare(StoredShare s) {
        run("saving a share", () -> {
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO pegnet_shares (job_id, username, miner_id,"
                    + " target, accepted_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, s.jobId());
                ps.setString(2, s.user());
                ps.setString(3, s.minerId());
                ps.setLong(4, s.target());
                ps.setLong(5, s.at().toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized List<Long> openJobs() {
        return run("reading open jobs", () -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT job_id FROM pegnet_jobs WHERE state = 'open' ORDER BY job_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    @Override
    public synchronized List<StoredShare> openShares() {
        return run("reading open shares", () -> {
            List<StoredShare> out = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT s.job_id, s.username, s.miner_id, s.target,"
                    + " s.accepted_at FROM pegnet_shares s JOIN pegnet_jobs j ON j.job_id = s.job_id"
                    + " WHERE j.state = 'open' ORDER BY s.id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredShare(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
            return out;
        });
    }

    @Override
    public synchronized boolean close(long jobId, int graded, int winning, OwedPayouts.Result owed, Instant at) {
        if (jobState(jobId).filter("closed"::equals).isPresent()) {
            return false;
        }
        List<CreditLine> lines = new ArrayList<>();
        for (OwedPayouts.UserPayout u : owed.users()) {
            if (u.payout() > 0) {
                lines.add(new CreditLine(u.user(), CreditKind.SHARE, u.payout()));
            }
        }
        if (owed.poolFee() > 0) {
            lines.add(new CreditLine(feeAccount, CreditKind.POOL_FEE, owed.poolFee()));
        }
        if (!lines.isEmpty()) {
            ledger.credits().credit(CHAIN, source(jobId), SCHEME, lines); // idempotent by source
        }
        return run("closing job " + jobId, () -> {
            db.setAutoCommit(false);
            try {
                if (jobState(jobId).isEmpty()) {
                    try (PreparedStatement ps = db.prepareStatement(
                            "INSERT INTO pegnet_jobs (job_id, state, opened_at) VALUES (?, 'open', ?)")) {
                        ps.setLong(1, jobId);
                        ps.setLong(2, at.toEpochMilli());
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = db.prepareStatement("UPDATE pegnet_jobs SET state = 'closed', reward = ?,"
                        + " graded = ?, winning = ?, fee_rate = ?, pool_fee = ?, dust = ?, pool_difficulty = ?,"
                        + " closed_at = ? WHERE job_id = ? AND state = 'open'")) {
                    ps.setLong(1, owed.reward());
                    ps.setInt(2, graded);
                    ps.setInt(3, winning);
                    ps.setString(4, owed.feeRate().toPlainString());
                    ps.setLong(5, owed.poolFee());
                    ps.setLong(6, owed.dust());
                    ps.setString(7, OprPrices.shortestDecimal(owed.poolDifficulty()).toPlainString());
                    ps.setLong(8, at.toEpochMilli());
                    ps.setLong(9, jobId);
                    if (ps.executeUpdate() != 1) {
                        db.rollback();
                        return false;
                    }
                }
                try (PreparedStatement ps = db.prepareStatement("INSERT INTO pegnet_user_owed (job_id, username,"
                        + " difficulty, proportion, payout) VALUES (?, ?, ?, ?, ?)")) {
                    for (OwedPayouts.UserPayout u : owed.users()) {
                        ps.setLong(1, jobId);
                        ps.setString(2, u.user());
                        ps.setString(3, OprPrices.shortestDecimal(u.difficulty()).toPlainString());
                        ps.setString(4, u.proportion().toPlainString());
                        ps.setLong(5, u.payout());
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = db.prepareStatement("DELETE FROM pegnet_shares WHERE job_id = ?")) {
                    ps.setLong(1, jobId);
                    ps.executeUpdate();
                }
                db.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        });
    }

    @Override
    public synchronized void record(Attempt a) {
        run("recording a submission", () -> {
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO pegnet_submissions (job_id, username,"
                    + " miner_id, opr_hash, nonce, target, outcome, entry_hash, commit_txid, error, attempted_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, a.jobId());
                ps.setString(2, a.user());
                ps.setString(3, a.minerId());
                ps.setString(4, a.oprHashHex());
                ps.setString(5, a.nonceHex());
                ps.setLong(6, a.target());
                ps.setString(7, a.outcome().name());
                ps.setString(8, a.entryHash());
                ps.setString(9, a.commitTxId());
                ps.setString(10, a.error().length() > 500 ? a.error().substring(0, 500) : a.error());
                ps.setLong(11, a.at().toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Submission attempts of a job, in order. */
    public synchronized List<Attempt> attempts(long jobId) {
        return run("reading submissions", () -> {
            List<Attempt> out = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT job_id, username, miner_id, opr_hash, nonce,"
                    + " target, outcome, entry_hash, commit_txid, error, attempted_at FROM pegnet_submissions"
                    + " WHERE job_id = ? ORDER BY id")) {
                ps.setLong(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Attempt(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getLong(6), Outcome.valueOf(rs.getString(7)), rs.getString(8),
                                rs.getString(9), rs.getString(10), Instant.ofEpochMilli(rs.getLong(11))));
                    }
                }
            }
            return out;
        });
    }

    /** Stores the EMA after block {@code height} (idempotent per height). */
    public synchronized void saveEma(long height, long minimumTarget, long ema) {
        run("saving the EMA", () -> {
            try (PreparedStatement del = db.prepareStatement("DELETE FROM pegnet_emas WHERE block_height = ?");
                    PreparedStatement ps = db.prepareStatement(
                            "INSERT INTO pegnet_emas (block_height, minimum_target, ema) VALUES (?, ?, ?)")) {
                del.setLong(1, height);
                del.executeUpdate();
                ps.setLong(1, height);
                ps.setLong(2, minimumTarget);
                ps.setLong(3, ema);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The latest stored EMA and its height. */
    public synchronized Optional<long[]> latestEma() {
        return run("reading the EMA", () -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT block_height, ema FROM pegnet_emas ORDER BY block_height DESC LIMIT 1");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new long[] {rs.getLong(1), rs.getLong(2)}) : Optional.empty();
            }
        });
    }

    /** A closed job's summary. */
    public record JobSummary(long jobId, long reward, int graded, int winning, BigDecimal feeRate, long poolFee,
            long dust, String poolDifficulty) {
    }

    /** Closed jobs, newest first, at most {@code limit}. */
    public synchronized List<JobSummary> closedJobs(int limit) {
        return run("reading jobs", () -> {
            List<JobSummary> out = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT job_id, reward, graded, winning, fee_rate,"
                    + " pool_fee, dust, pool_difficulty FROM pegnet_jobs WHERE state = 'closed'"
                    + " ORDER BY job_id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new JobSummary(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4),
                                new BigDecimal(rs.getString(5)), rs.getLong(6), rs.getLong(7), rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }

    /** One user's split of a closed job. */
    public record UserOwed(long jobId, String user, String difficulty, BigDecimal proportion, long payout) {
    }

    /** The per-user split of a closed job. */
    public synchronized List<UserOwed> owed(long jobId) {
        return run("reading owed payouts", () -> {
            List<UserOwed> out = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT username, difficulty, proportion, payout"
                    + " FROM pegnet_user_owed WHERE job_id = ? ORDER BY username")) {
                ps.setLong(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new UserOwed(jobId, rs.getString(1), rs.getString(2), new BigDecimal(rs.getString(3)),
                                rs.getLong(4)));
                    }
                }
            }
            return out;
        });
    }

    private Optional<String> jobState(long jobId) {
        return run("reading job " + jobId, () -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT state FROM pegnet_jobs WHERE job_id = ?")) {
                ps.setLong(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private interface Sql<T> {
        T run() throws SQLException;
    }

    private <T> T run(String what, Sql<T> sql) {
        try {
            return sql.run();
        } catch (SQLException e) {
            throw new LedgerException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** Closes the connection (not the ledger). */
    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new LedgerException("closing the pegnet tables failed: " + e.getMessage(), e);
        }
    }
}
