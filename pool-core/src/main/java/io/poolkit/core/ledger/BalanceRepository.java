package io.poolkit.core.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Balances, read-only: they change only with the credits and payouts that explain them (see
 * {@link CreditRepository}, {@link BlockRepository#confirm}, {@link PayoutRepository}).
 */
public final class BalanceRepository {

    private static final String COLUMNS = "SELECT chain, address, pending, confirmed, in_flight, paid FROM balances";

    private final Jdbc jdbc;

    BalanceRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The balance of an address; all zero if the ledger never credited it. */
    public Balance of(String chain, String address) {
        return jdbc.read("reading the balance of " + address, c -> {
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE chain = ? AND address = ?")) {
                ps.setString(1, chain);
                ps.setString(2, address);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? map(rs) : Balance.zero(chain, address);
                }
            }
        });
    }

    /** Every balance of a chain, by address. */
    public List<Balance> all(String chain) {
        return list("listing balances", COLUMNS + " WHERE chain = ? ORDER BY address", chain, 0);
    }

    /** The balances of a chain whose confirmed amount is at least {@code minimum}, by address: what a payout may pay. */
    public List<Balance> payable(String chain, long minimum) {
        Checks.positive("minimum payout", minimum);
        return list("listing payable balances", COLUMNS + " WHERE chain = ? AND confirmed >= ? ORDER BY address", chain,
                minimum);
    }

    private List<Balance> list(String what, String sql, String chain, long minimum) {
        return jdbc.read(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, chain);
                if (minimum > 0) {
                    ps.setLong(2, minimum);
                }
                List<Balance> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
                return out;
            }
        });
    }

    private static Balance map(ResultSet rs) throws SQLException {
        return new Balance(rs.getString("chain"), rs.getString("address"), rs.getLong("pending"),
                rs.getLong("confirmed"), rs.getLong("in_flight"), rs.getLong("paid"));
    }
}
