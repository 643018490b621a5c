package io.poolkit.core.ledger.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Marks the shares that schema version 1's PPS periods already paid, so that upgrading to per-share
 * PPS marks never pays them again. A version 1 PPS batch has the source {@code pps:CHAIN:END_MILLIS}
 * and paid every share accepted up to its end; each such share is marked with the first batch whose
 * period covered it. Written in Java because the period end must be parsed from the source, and
 * SQLite and PostgreSQL share no safe way to do that in SQL.
 */
public class V2_1__Mark_pps_shares_of_v1_periods extends BaseJavaMigration {

    private static final Pattern V1_SOURCE = Pattern.compile("pps:(.+):(\\d{1,18})");

    /** Flyway instantiates migrations through this constructor. */
    public V2_1__Mark_pps_shares_of_v1_periods() {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<long[]> periods = new ArrayList<>();
        List<String> chains = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, chain, source FROM credit_batches"
                + " WHERE scheme = 'PPS' AND block_id IS NULL ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Matcher m = V1_SOURCE.matcher(rs.getString("source"));
                if (m.matches() && m.group(1).equals(rs.getString("chain"))) {
                    periods.add(new long[] {rs.getLong("id"), Long.parseLong(m.group(2))});
                    chains.add(m.group(1));
                }
            }
        }
        try (PreparedStatement mark = c.prepareStatement("INSERT INTO pps_credited_shares (chain, share_id, batch_id)"
                + " SELECT ?, s.id, ? FROM shares s WHERE s.accepted_at <= ? AND NOT EXISTS"
                + " (SELECT 1 FROM pps_credited_shares m WHERE m.chain = ? AND m.share_id = s.id)")) {
            for (int i = 0; i < periods.size(); i++) {
                mark.setString(1, chains.get(i));
                mark.setLong(2, periods.get(i)[0]);
                mark.setLong(3, periods.get(i)[1]);
                mark.setString(4, chains.get(i));
                mark.executeUpdate();
            }
        }
    }
}
