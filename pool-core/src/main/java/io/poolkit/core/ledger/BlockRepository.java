package io.poolkit.core.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Found blocks and their maturity. Confirming or orphaning a block moves its credits and the
 * balances they feed in the same transaction.
 */
public final class BlockRepository {

    private static final String INSERT = "INSERT INTO blocks (chain, height, hash, server_id, finder_address,"
            + " finder_worker, reward, network_difficulty, found_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')"
            + " ON CONFLICT DO NOTHING";

    private static final String COLUMNS = "SELECT id, chain, height, hash, server_id, finder_address, finder_worker,"
            + " reward, network_difficulty, found_at, state, confirmed_at, orphaned_at, credited_at FROM blocks";

    private final Jdbc jdbc;
    private final Clock clock;

    BlockRepository(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a found block as pending. Recording a block (same chain and hash) again changes nothing
     * and returns the stored block with {@code created == false}.
     */
    public Recorded<Block> record(String serverId, FoundBlock block) {
        Checks.token("server id", serverId, Checks.SERVER_ID);
        return jdbc.transaction("recording block " + block.hash(), c -> {
            int inserted = insert(c, serverId, List.of(block));
            Block stored = find(c, block.chain(), block.hash()).orElseThrow(
                    () -> new LedgerException("block " + block.hash() + " vanished after it was recorded"));
            return new Recorded<>(stored, inserted == 1);
        });
    }

    int insert(Connection c, String serverId, List<FoundBlock> blocks) throws SQLException {
        if (blocks.isEmpty()) {
            return 0;
        }
        int inserted = 0;
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (FoundBlock b : blocks) {
                ps.setString(1, b.chain());
                ps.setLong(2, b.height());
                ps.setString(3, b.hash());
                ps.setString(4, serverId);
                ps.setString(5, b.finderAddress());
                ps.setString(6, b.finderWorker());
                ps.setLong(7, b.reward());
                jdbc.dialect().setDecimal(ps, 8, b.networkDifficulty());
                ps.setLong(9, Jdbc.millis(b.foundAt()));
                inserted += ps.executeUpdate();
            }
        }
        return inserted;
    }

    public Optional<Block> find(long id) {
        return jdbc.read("reading block " + id, c -> find(c, id));
    }

    public Optional<Block> find(String chain, String hash) {
        String h = Checks.hash64("block hash", hash);
        return jdbc.read("reading block " + h, c -> find(c, chain, h));
    }

    /** The blocks in a state, by height then id. */
    public List<Block> inState(BlockState state) {
        return list("listing " + state.column() + " blocks", COLUMNS + " WHERE state = ? ORDER BY height, id",
                state.column());
    }

    /** Blocks of a chain that are not orphaned and whose reward has not been split yet, by height then id. */
    public List<Block> uncredited(String chain) {
        return list("listing uncredited blocks", COLUMNS
                + " WHERE chain = ? AND credited_at IS NULL AND state <> 'orphaned' ORDER BY height, id", chain);
    }

    /**
     * The block of the same chain found just before {@code block} (by found time, then id), orphans
     * left out: where a PROP round for {@code block} starts.
     */
    public Optional<Block> previous(Block block) {
        return jdbc.read("reading the block before " + block.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE chain = ? AND state <> 'orphaned'"
                    + " AND (found_at < ? OR (found_at = ? AND id < ?)) ORDER BY found_at DESC, id DESC")) {
                long at = Jdbc.millis(block.found().foundAt());
                ps.setString(1, block.found().chain());
                ps.setLong(2, at);
                ps.setLong(3, at);
                ps.setLong(4, block.id());
                ps.setMaxRows(1);
                return one(ps);
            }
        });
    }

    /** The pending blocks of a chain, by height then id: what a maturity check looks at. */
    public List<Block> pending(String chain) {
        return list("listing pending blocks", COLUMNS + " WHERE chain = ? AND state = 'pending' ORDER BY height, id",
                chain);
    }

    /** The most recently found blocks, newest first. */
    public List<Block> recent(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return list("listing recent blocks", COLUMNS + " ORDER BY found_at DESC, id DESC LIMIT " + limit);
    }

    /**
     * Marks a pending block mature: its pending credits become confirmed, and the balances with them.
     * Confirming a confirmed block changes nothing; confirming an orphaned block is refused.
     */
    public Block confirm(long id) {
        return jdbc.transaction("confirming block " + id, c -> {
            long now = clock.millis();
            if (!update(c, "UPDATE blocks SET state = 'confirmed', confirmed_at = ? WHERE id = ? AND state = 'pending'",
                    now, id)) {
                Block b = require(c, id);
                if (b.state() == BlockState.ORPHANED) {
                    throw new LedgerStateException("block " + id + " (" + b.found().hash() + ") is orphaned and cannot be confirmed");
                }
                return b;
            }
            settleCredits(c, id, CreditState.CONFIRMED, now);
            return require(c, id);
        });
    }

    /**
     * Marks a pending block orphaned: its pending credits are cancelled and leave the balances.
     * Orphaning an orphaned block changes nothing; orphaning a confirmed block is refused (its credits
     * may have been paid: that needs an operator).
     */
    public Block orphan(long id) {
        return jdbc.transaction("orphaning block " + id, c -> {
            long now = clock.millis();
            if (!update(c, "UPDATE blocks SET state = 'orphaned', orphaned_at = ? WHERE id = ? AND state = 'pending'",
                    now, id)) {
                Block b = require(c, id);
                if (b.state() == BlockState.CONFIRMED) {
                    throw new LedgerStateException("block " + id + " (" + b.found().hash()
                            + ") is confirmed; its credits may have been paid, so it is not orphaned automatically");
                }
                return b;
            }
            settleCredits(c, id, CreditState.CANCELLED, now);
            return require(c, id);
        });
    }

    private static void settleCredits(Connection c, long blockId, CreditState to, long now) throws SQLException {
        Map<String, Long> perAddress = new TreeMap<>();
        String chain = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT cr.chain, cr.address, cr.amount FROM credits cr"
                + " JOIN credit_batches b ON b.id = cr.batch_id WHERE b.block_id = ? AND cr.state = 'pending'")) {
            ps.setLong(1, blockId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    chain = rs.getString(1);
                    perAddress.merge(rs.getString(2), rs.getLong(3), Math::addExact);
                }
            }
        }
        if (perAddress.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE credits SET state = ?, settled_at = ? WHERE state = 'pending'"
                + " AND batch_id IN (SELECT id FROM credit_batches WHERE block_id = ?)")) {
            ps.setString(1, to.column());
            ps.setLong(2, now);
            ps.setLong(3, blockId);
            ps.executeUpdate();
        }
        String why = (to == CreditState.CONFIRMED ? "confirming" : "cancelling") + " the credits of block " + blockId;
        for (Map.Entry<String, Long> e : perAddress.entrySet()) {
            long amount = e.getValue();
            Balances.move(c, chain, e.getKey(), -amount, to == CreditState.CONFIRMED ? amount : 0, 0, 0, now, why);
        }
    }

    private static boolean update(Connection c, String sql, long now, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, now);
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        }
    }

    static Block require(Connection c, long id) throws SQLException {
        return find(c, id).orElseThrow(() -> new LedgerStateException("no block with id " + id));
    }

    static Optional<Block> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE id = ?")) {
            ps.setLong(1, id);
            return one(ps);
        }
    }

    static Optional<Block> find(Connection c, String chain, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE chain = ? AND hash = ?")) {
            ps.setString(1, chain);
            ps.setString(2, hash);
            return one(ps);
        }
    }

    private List<Block> list(String what, String sql, String... params) {
        return jdbc.read(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setString(i + 1, params[i]);
                }
                List<Block> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
                return out;
            }
        });
    }

    private static Optional<Block> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    private static Block map(ResultSet rs) throws SQLException {
        FoundBlock found = new FoundBlock(rs.getString("chain"), rs.getLong("height"), rs.getString("hash"),
                rs.getString("finder_address"), rs.getString("finder_worker"), rs.getLong("reward"),
                Dialect.getDecimal(rs, "network_difficulty"), Jdbc.instant(rs, "found_at"));
        return new Block(rs.getLong("id"), rs.getString("server_id"), found, BlockState.ofColumn(rs.getString("state")),
                Jdbc.optionalInstant(rs, "confirmed_at"), Jdbc.optionalInstant(rs, "orphaned_at"),
                Jdbc.optionalInstant(rs, "credited_at"));
    }
}
