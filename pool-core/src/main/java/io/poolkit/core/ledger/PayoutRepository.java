package io.poolkit.core.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Payouts for a crash-safe runner. The runner records a payout ({@link #plan}, which debits the
 * balances into {@code in_flight}) before it sends anything, marks it {@link #markSending sending}
 * immediately before calling the wallet, and {@link #markSent sent} with the txid after. After a
 * crash, {@link #unfinished} lists what to reconcile with the wallet by {@link Payout#label()}:
 * a {@code SENDING} payout found in the wallet is marked sent; one provably never broadcast is
 * {@link #markFailed failed}, which returns its amounts to the balances. Every transition is
 * conditional on the state it leaves, so a repeated call never moves money twice.
 */
public final class PayoutRepository {

    private static final String COLUMNS = "SELECT id, chain, run_key, label, state, txid, tx_fee, created_at,"
            + " sending_at, sent_at, confirmed_at, failed_at, note FROM payouts";

    private final Jdbc jdbc;
    private final Clock clock;

    PayoutRepository(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a payout as planned and moves each output's amount from the address's confirmed
     * balance to in flight, all in one transaction. Refused, with nothing changed, if any address's
     * confirmed balance is smaller than its output or if the label is already used.
     */
    public Payout plan(PayoutPlan plan) {
        return jdbc.transaction("planning payout " + plan.label(), c -> {
            if (idByLabel(c, plan.label()).isPresent()) {
                throw new LedgerStateException("payout label " + plan.label() + " is already used");
            }
            long now = clock.millis();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO payouts (chain, run_key, label, state, tx_fee,"
                    + " created_at, note) VALUES (?, ?, ?, 'planned', 0, ?, '')")) {
                ps.setString(1, plan.chain());
                ps.setString(2, plan.runKey());
                ps.setString(3, plan.label());
                ps.setLong(4, now);
                ps.executeUpdate();
            }
            long id = idByLabel(c, plan.label()).orElseThrow(
                    () -> new LedgerException("payout " + plan.label() + " vanished"));
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO payout_outputs (payout_id, address, amount, fee) VALUES (?, ?, ?, ?)")) {
                for (PayoutOutput o : plan.outputs()) {
                    ps.setLong(1, id);
                    ps.setString(2, o.address());
                    ps.setLong(3, o.amount());
                    ps.setLong(4, o.fee());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            // Balances are always locked in address order, so concurrent writers cannot deadlock.
            List<PayoutOutput> byAddress = plan.outputs().stream()
                    .sorted(Comparator.comparing(PayoutOutput::address)).toList();
            for (PayoutOutput o : byAddress) {
                Balances.move(c, plan.chain(), o.address(), 0, -o.amount(), o.amount(), 0, now,
                        "planning payout " + plan.label() + " of " + o.amount());
            }
            return require(c, id);
        });
    }

    /**
     * Marks a planned payout as being sent; call it immediately before the wallet call. Marking a
     * payout that is already sending is refused: the runner must reconcile it with the wallet instead
     * of sending again.
     */
    public Payout markSending(long id) {
        return jdbc.transaction("marking payout " + id + " sending", c -> {
            if (!transition(c, id, "sending", "sending_at", PayoutState.PLANNED)) {
                throw refused(c, id, "mark it sending");
            }
            return require(c, id);
        });
    }

    /**
     * Records that the wallet accepted the payout's transaction: in flight moves to paid. Repeating
     * the call with the same txid changes nothing; a different txid is refused.
     */
    public Payout markSent(long id, String txid, long txFee) {
        String tx = Checks.hash64("txid", txid);
        Checks.nonNegative("transaction fee", txFee);
        return jdbc.transaction("marking payout " + id + " sent", c -> {
            long now = clock.millis();
            try (PreparedStatement ps = c.prepareStatement("UPDATE payouts SET state = 'sent', sent_at = ?, txid = ?,"
                    + " tx_fee = ? WHERE id = ? AND state = 'sending'")) {
                ps.setLong(1, now);
                ps.setString(2, tx);
                ps.setLong(3, txFee);
                ps.setLong(4, id);
                if (ps.executeUpdate() != 1) {
                    Payout p = require(c, id);
                    if ((p.state() == PayoutState.SENT || p.state() == PayoutState.CONFIRMED)
                            && p.txid().equals(Optional.of(tx))) {
                        return p;
                    }
                    throw refused(c, id, "mark it sent with txid " + tx);
                }
            }
            Payout p = require(c, id);
            for (PayoutOutput o : p.outputs()) {
                Balances.move(c, p.chain(), o.address(), 0, 0, -o.amount(), o.amount(), now,
                        "recording payout " + p.label() + " as sent");
            }
            return p;
        });
    }

    /** Records that the payout's transaction is in a block. Repeating it changes nothing. */
    public Payout markConfirmed(long id) {
        return jdbc.transaction("marking payout " + id + " confirmed", c -> {
            if (!transition(c, id, "confirmed", "confirmed_at", PayoutState.SENT)) {
                Payout p = require(c, id);
                if (p.state() == PayoutState.CONFIRMED) {
                    return p;
                }
                throw refused(c, id, "mark it confirmed");
            }
            return require(c, id);
        });
    }

    /**
     * Gives up a planned or sending payout and returns its amounts to the confirmed balances. Call it
     * only when the payout's transaction was certainly not broadcast (it is not in the wallet and the
     * send returned an error); if that cannot be told, leave the payout sending and ask an operator.
     */
    public Payout markFailed(long id, String reason) {
        String note = Checks.text("reason", reason, Checks.NOTE);
        return jdbc.transaction("marking payout " + id + " failed", c -> {
            long now = clock.millis();
            try (PreparedStatement ps = c.prepareStatement("UPDATE payouts SET state = 'failed', failed_at = ?, note = ?"
                    + " WHERE id = ? AND state IN ('planned', 'sending')")) {
                ps.setLong(1, now);
                ps.setString(2, note);
                ps.setLong(3, id);
                if (ps.executeUpdate() != 1) {
                    throw refused(c, id, "mark it failed");
                }
            }
            Payout p = require(c, id);
            for (PayoutOutput o : p.outputs()) {
                Balances.move(c, p.chain(), o.address(), 0, o.amount(), -o.amount(), 0, now,
                        "returning failed payout " + p.label());
            }
            return p;
        });
    }

    public Optional<Payout> find(long id) {
        return jdbc.read("reading payout " + id, c -> find(c, id));
    }

    public Optional<Payout> findByLabel(String label) {
        return jdbc.read("reading payout " + label, c -> findByLabel(c, label));
    }

    /** Payouts of a chain that are planned, sending or sent (not yet confirmed), oldest first: what a restart reconciles. */
    public List<Payout> unfinished(String chain) {
        return list("listing unfinished payouts", COLUMNS
                + " WHERE chain = ? AND state IN ('planned', 'sending', 'sent') ORDER BY id", chain, Integer.MAX_VALUE);
    }

    /** The latest payouts of a chain, newest first. */
    public List<Payout> recent(String chain, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return list("listing payouts", COLUMNS + " WHERE chain = ? ORDER BY id DESC", chain, limit);
    }

    private boolean transition(Connection c, long id, String to, String timeColumn, PayoutState from)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE payouts SET state = ?, " + timeColumn + " = ?"
                + " WHERE id = ? AND state = ?")) {
            ps.setString(1, to);
            ps.setLong(2, clock.millis());
            ps.setLong(3, id);
            ps.setString(4, from.column());
            return ps.executeUpdate() == 1;
        }
    }

    private static LedgerStateException refused(Connection c, long id, String action) throws SQLException {
        Payout p = require(c, id);
        return new LedgerStateException("payout " + id + " (" + p.label() + ") is " + p.state().column()
                + "; cannot " + action);
    }

    private List<Payout> list(String what, String sql, String chain, int limit) {
        return jdbc.read(what, c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, chain);
                ps.setMaxRows(limit == Integer.MAX_VALUE ? 0 : limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong("id"));
                    }
                }
            }
            List<Payout> out = new ArrayList<>();
            for (long id : ids) {
                out.add(require(c, id));
            }
            return out;
        });
    }

    private static Payout require(Connection c, long id) throws SQLException {
        return find(c, id).orElseThrow(() -> new LedgerStateException("no payout with id " + id));
    }

    private static Optional<Payout> findByLabel(Connection c, String label) throws SQLException {
        Optional<Long> id = idByLabel(c, label);
        return id.isPresent() ? find(c, id.get()) : Optional.empty();
    }

    private static Optional<Long> idByLabel(Connection c, String label) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM payouts WHERE label = ?")) {
            ps.setString(1, label);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static Optional<Payout> find(Connection c, long id) throws SQLException {
        List<PayoutOutput> outputs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT address, amount, fee FROM payout_outputs WHERE payout_id = ? ORDER BY address")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    outputs.add(new PayoutOutput(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                PayoutState state = PayoutState.ofColumn(rs.getString("state"));
                Instant created = Jdbc.instant(rs, "created_at");
                Instant updated = created;
                for (String column : new String[] {"sending_at", "sent_at", "confirmed_at", "failed_at"}) {
                    Optional<Instant> t = Jdbc.optionalInstant(rs, column);
                    if (t.isPresent() && t.get().isAfter(updated)) {
                        updated = t.get();
                    }
                }
                PayoutPlan plan = new PayoutPlan(rs.getString("chain"), rs.getString("run_key"), rs.getString("label"),
                        outputs);
                return Optional.of(new Payout(id, plan, state, Optional.ofNullable(rs.getString("txid")),
                        rs.getLong("tx_fee"), created, updated, rs.getString("note")));
            }
        }
    }
}
