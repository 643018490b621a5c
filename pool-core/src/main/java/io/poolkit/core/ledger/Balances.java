package io.poolkit.core.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Changes to the balances table, always made inside the caller's transaction together with the
 * credit or payout rows that explain them.
 */
final class Balances {

    private static final String ADD = "INSERT INTO balances (chain, address, pending, confirmed, in_flight, paid, updated_at)"
            + " VALUES (?, ?, ?, ?, 0, 0, ?) ON CONFLICT (chain, address) DO UPDATE SET"
            + " pending = balances.pending + excluded.pending, confirmed = balances.confirmed + excluded.confirmed,"
            + " updated_at = excluded.updated_at";

    private static final String MOVE = "UPDATE balances SET pending = pending + ?, confirmed = confirmed + ?,"
            + " in_flight = in_flight + ?, paid = paid + ?, updated_at = ?"
            + " WHERE chain = ? AND address = ? AND pending + ? >= 0 AND confirmed + ? >= 0 AND in_flight + ? >= 0"
            + " AND paid + ? >= 0";

    private Balances() {
    }

    /** Adds new credit (both amounts not negative), creating the row on first credit. */
    static void add(Connection c, String chain, String address, long pending, long confirmed, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ADD)) {
            ps.setString(1, chain);
            ps.setString(2, address);
            ps.setLong(3, pending);
            ps.setLong(4, confirmed);
            ps.setLong(5, now);
            ps.executeUpdate();
        }
    }

    /**
     * Moves amounts between the columns of an existing balance; refuses (and changes nothing) if any
     * column would go negative.
     */
    static void move(Connection c, String chain, String address, long dPending, long dConfirmed, long dInFlight,
            long dPaid, long now, String why) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MOVE)) {
            ps.setLong(1, dPending);
            ps.setLong(2, dConfirmed);
            ps.setLong(3, dInFlight);
            ps.setLong(4, dPaid);
            ps.setLong(5, now);
            ps.setString(6, chain);
            ps.setString(7, address);
            ps.setLong(8, dPending);
            ps.setLong(9, dConfirmed);
            ps.setLong(10, dInFlight);
            ps.setLong(11, dPaid);
            if (ps.executeUpdate() != 1) {
                throw new LedgerStateException(why + ": the balance of " + address + " on " + chain
                        + " is missing or too small");
            }
        }
    }
}
