package io.poolkit.core.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Credits: a block's split, or credit from another source. Each crediting is one transaction that
 * writes the batch, its lines and the balances together, and happens at most once per source.
 */
public final class CreditRepository {

    private static final String BATCH_COLUMNS = "SELECT id, chain, source, block_id, scheme, total, created_at"
            + " FROM credit_batches";
    private static final String CREDIT_COLUMNS = "SELECT id, batch_id, chain, address, kind, amount, state,"
            + " created_at, settled_at FROM credits";

    private final Jdbc jdbc;
    private final Clock clock;

    CreditRepository(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Splits a block's reward into credits. The lines must sum exactly to the block's reward. The
     * credits are pending while the block is pending and confirmed if it already is; an orphaned
     * block cannot be credited. Crediting a block that was already credited changes nothing and
     * returns the existing batch with {@code created == false}, whatever lines this call carried.
     *
     * @param blockId the block
     * @param scheme the scheme that made the split, e.g. {@code PPLNS}
     * @param lines the split, at most one line per address and kind
     */
    public Recorded<CreditBatch> creditBlock(long blockId, String scheme, List<CreditLine> lines) {
        Checks.token("scheme", scheme, Checks.SCHEME);
        List<CreditLine> split = checkedLines(lines);
        long total = total(split);
        return jdbc.transaction("crediting block " + blockId, c -> {
            Optional<CreditBatch> existing = findBatch(c, CreditBatch.blockSource(blockId));
            if (existing.isPresent()) {
                return new Recorded<>(existing.get(), false);
            }
            long now = clock.millis();
            // Claiming the block first locks its row, so a concurrent confirm or orphan waits for this split.
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE blocks SET credited_at = ? WHERE id = ? AND credited_at IS NULL AND state <> 'orphaned'")) {
                ps.setLong(1, now);
                ps.setLong(2, blockId);
                if (ps.executeUpdate() != 1) {
                    Optional<CreditBatch> raced = findBatch(c, CreditBatch.blockSource(blockId));
                    if (raced.isPresent()) {
                        return new Recorded<>(raced.get(), false);
                    }
                    Block b = BlockRepository.require(c, blockId);
                    if (b.state() == BlockState.ORPHANED) {
                        throw new LedgerStateException("block " + blockId + " (" + b.found().hash()
                                + ") is orphaned; its reward cannot be credited");
                    }
                    throw new LedgerStateException("block " + blockId + " is marked credited but has no credit batch");
                }
            }
            Block block = BlockRepository.require(c, blockId);
            if (total != block.found().reward()) {
                throw new IllegalArgumentException("the split of block " + blockId + " sums to " + total
                        + " but its reward is " + block.found().reward());
            }
            CreditState state = block.state() == BlockState.CONFIRMED ? CreditState.CONFIRMED : CreditState.PENDING;
            return insertBatch(c, block.found().chain(), CreditBatch.blockSource(blockId), Optional.of(blockId),
                    scheme, split, state, now);
        });
    }

    /**
     * Credits from a source other than a block (a PPS period, a weight split, an operator's
     * adjustment): confirmed at once. A source that was already credited changes nothing and returns
     * the existing batch with {@code created == false}.
     *
     * @param chain the chain whose coins are credited
     * @param source a unique name for what is credited, e.g. {@code pps:stratum-1:2024-05-01T10}; names
     *     starting with {@code block:} are reserved for block splits
     * @param scheme the scheme, e.g. {@code PPS}
     * @param lines the credits, at most one line per address and kind
     */
    public Recorded<CreditBatch> credit(String chain, String source, String scheme, List<CreditLine> lines) {
        Checks.token("chain", chain, Checks.CHAIN);
        Checks.token("credit source", source, Checks.SOURCE);
        if (source.startsWith("block:")) {
            throw new IllegalArgumentException("credit source names starting with 'block:' are reserved for block splits: "
                    + source);
        }
        Checks.token("scheme", scheme, Checks.SCHEME);
        List<CreditLine> checked = checkedLines(lines);
        return jdbc.transaction("crediting " + source, c -> {
            Optional<CreditBatch> existing = findBatch(c, source);
            if (existing.isPresent()) {
                return new Recorded<>(existing.get(), false);
            }
            long now = clock.millis();
            return insertBatch(c, chain, source, Optional.empty(), scheme, checked, CreditState.CONFIRMED, now);
        });
    }

    /**
     * Pays shares once each, pay-per-share style: takes up to {@code maxShares} shares accepted up to
     * {@code upToInclusive} that no earlier PPS crediting of {@code chain} paid (lowest id first),
     * values them with {@code valuer}, and writes the batch, its lines, the balances and a mark per
     * share in one transaction. A share is marked at most once per chain (the table's key), so it is
     * never paid twice, even by two concurrent runs (the later one fails and changes nothing); a share
     * that reached the ledger late is paid by the next call. Credits are confirmed at once.
     *
     * @param chain the chain whose coins are credited
     * @param scheme the scheme name stored with the batch, e.g. {@code PPS}
     * @param upToInclusive the latest acceptance time to pay
     * @param maxShares the most shares one batch pays (bounds memory and transaction size)
     * @param valuer the credit lines for a list of shares, at most one line per address and kind
     * @return the batch written, or empty if no share was waiting
     */
    public Optional<CreditBatch> creditPpsShares(String chain, String scheme, Instant upToInclusive, int maxShares,
            Function<List<AcceptedShare>, List<CreditLine>> valuer) {
        Checks.token("chain", chain, Checks.CHAIN);
        Checks.token("scheme", scheme, Checks.SCHEME);
        if (maxShares < 1) {
            throw new IllegalArgumentException("maxShares must be positive, got " + maxShares);
        }
        return jdbc.transaction("crediting PPS shares of " + chain, c -> {
            List<StoredShare> shares = unpaidPpsShares(c, chain, upToInclusive, maxShares);
            if (shares.isEmpty()) {
                return Optional.empty();
            }
            List<CreditLine> lines = checkedLines(valuer.apply(shares.stream().map(StoredShare::share).toList()));
            String source = "pps:" + chain + ":shares:" + shares.get(0).id() + "-" + shares.get(shares.size() - 1).id();
            Recorded<CreditBatch> r = insertBatch(c, chain, source, Optional.empty(), scheme, lines,
                    CreditState.CONFIRMED, clock.millis());
            if (!r.created()) {
                throw new LedgerStateException("PPS batch " + source + " exists but its shares are unmarked");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO pps_credited_shares (chain, share_id, batch_id) VALUES (?, ?, ?)")) {
                for (StoredShare s : shares) {
                    ps.setString(1, chain);
                    ps.setLong(2, s.id());
                    ps.setLong(3, r.value().id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return Optional.of(r.value());
        });
    }

    private static List<StoredShare> unpaidPpsShares(Connection c, String chain, Instant upToInclusive, int max)
            throws SQLException {
        List<StoredShare> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ShareRepository.COLUMNS + " s WHERE s.accepted_at <= ?"
                + " AND NOT EXISTS (SELECT 1 FROM pps_credited_shares m WHERE m.chain = ? AND m.share_id = s.id)"
                + " ORDER BY s.id")) {
            ps.setLong(1, Jdbc.millis(upToInclusive));
            ps.setString(2, chain);
            ps.setMaxRows(max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(ShareRepository.map(rs));
                }
            }
        }
        return out;
    }

    /** The crediting of a source, if it happened. */
    public Optional<CreditBatch> batch(String source) {
        return jdbc.read("reading credit batch " + source, c -> findBatch(c, source));
    }

    /** The crediting of a block, if it happened. */
    public Optional<CreditBatch> batchOfBlock(long blockId) {
        return batch(CreditBatch.blockSource(blockId));
    }

    /** The latest crediting of a chain by a scheme, if any. */
    public Optional<CreditBatch> latestBatch(String chain, String scheme) {
        return jdbc.read("reading the latest " + scheme + " credit batch", c -> {
            try (PreparedStatement ps = c.prepareStatement(BATCH_COLUMNS + " WHERE chain = ? AND scheme = ?"
                    + " ORDER BY id DESC")) {
                ps.setString(1, chain);
                ps.setString(2, scheme);
                ps.setMaxRows(1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(mapBatch(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The lines of a crediting, by address then kind. */
    public List<Credit> ofBatch(long batchId) {
        return credits("reading credits of batch " + batchId,
                CREDIT_COLUMNS + " WHERE batch_id = ? ORDER BY address, kind", ps -> ps.setLong(1, batchId));
    }

    /** Every credit of an address on a chain, oldest first. */
    public List<Credit> ofAddress(String chain, String address) {
        return credits("reading credits of " + address, CREDIT_COLUMNS + " WHERE chain = ? AND address = ? ORDER BY id",
                ps -> {
                    ps.setString(1, chain);
                    ps.setString(2, address);
                });
    }

    /** The sum of an address's credits in a state, per address, for every address of a chain. */
    public Map<String, Long> totals(String chain, CreditState state) {
        return jdbc.read("summing credits", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT address, SUM(amount) FROM credits WHERE chain = ? AND state = ? GROUP BY address")) {
                ps.setString(1, chain);
                ps.setString(2, state.column());
                Map<String, Long> out = new TreeMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
                return out;
            }
        });
    }

    private static List<CreditLine> checkedLines(List<CreditLine> lines) {
        List<CreditLine> copy = List.copyOf(lines);
        Set<String> seen = new HashSet<>();
        for (CreditLine line : copy) {
            if (!seen.add(line.address() + '\n' + line.kind())) {
                throw new IllegalArgumentException("a split holds one line per address and kind; " + line.address()
                        + " has two " + line.kind().column() + " lines");
            }
        }
        return copy;
    }

    private static long total(List<CreditLine> lines) {
        return lines.stream().mapToLong(CreditLine::amount).reduce(0L, Math::addExact);
    }

    /** Writes the batch, its lines and the balances; a batch written meanwhile by another writer wins. */
    private static Recorded<CreditBatch> insertBatch(Connection c, String chain, String source, Optional<Long> blockId,
            String scheme, List<CreditLine> lines, CreditState state, long now) throws SQLException {
        long total = total(lines);
        int inserted;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO credit_batches (chain, source, block_id, scheme,"
                + " total, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, chain);
            ps.setString(2, source);
            Jdbc.setOptionalLong(ps, 3, blockId);
            ps.setString(4, scheme);
            ps.setLong(5, total);
            ps.setLong(6, now);
            inserted = ps.executeUpdate();
        }
        CreditBatch batch = findBatch(c, source).orElseThrow(
                () -> new LedgerException("credit batch " + source + " vanished"));
        if (inserted == 1) {
            insertLines(c, batch, lines, state, now);
        }
        return new Recorded<>(batch, inserted == 1);
    }

    private static void insertLines(Connection c, CreditBatch batch, List<CreditLine> lines, CreditState state,
            long now) throws SQLException {
        Map<String, Long> perAddress = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO credits (batch_id, chain, address, kind, amount,"
                + " state, created_at, settled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CreditLine line : lines) {
                ps.setLong(1, batch.id());
                ps.setString(2, batch.chain());
                ps.setString(3, line.address());
                ps.setString(4, line.kind().column());
                ps.setLong(5, line.amount());
                ps.setString(6, state.column());
                ps.setLong(7, now);
                Jdbc.setOptionalLong(ps, 8, state == CreditState.PENDING ? Optional.empty() : Optional.of(now));
                ps.addBatch();
                perAddress.merge(line.address(), line.amount(), Math::addExact);
            }
            ps.executeBatch();
        }
        for (Map.Entry<String, Long> e : perAddress.entrySet()) {
            long amount = e.getValue();
            Balances.add(c, batch.chain(), e.getKey(), state == CreditState.PENDING ? amount : 0,
                    state == CreditState.CONFIRMED ? amount : 0, now);
        }
    }

    private static Optional<CreditBatch> findBatch(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BATCH_COLUMNS + " WHERE source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapBatch(rs)) : Optional.empty();
            }
        }
    }

    private static CreditBatch mapBatch(ResultSet rs) throws SQLException {
        return new CreditBatch(rs.getLong("id"), rs.getString("chain"), rs.getString("source"),
                Jdbc.optionalLong(rs, "block_id"), rs.getString("scheme"), rs.getLong("total"),
                Jdbc.instant(rs, "created_at"));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Credit> credits(String what, String sql, Binder binder) {
        return jdbc.read(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                List<Credit> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        CreditLine line = new CreditLine(rs.getString("address"),
                                CreditKind.ofColumn(rs.getString("kind")), rs.getLong("amount"));
                        out.add(new Credit(rs.getLong("id"), rs.getLong("batch_id"), rs.getString("chain"), line,
                                CreditState.ofColumn(rs.getString("state")), Jdbc.instant(rs, "created_at"),
                                Jdbc.optionalInstant(rs, "settled_at")));
                    }
                }
                return out;
            }
        });
    }
}
