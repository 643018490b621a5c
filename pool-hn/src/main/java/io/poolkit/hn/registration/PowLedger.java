package io.poolkit.hn.registration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * The PoW ledger rows that registration reads, in memory, answering the plugin's queries: the
 * balance of an address at a height, the weight it gives, the reference height of a timestamp
 * and the registration events between two heights.
 *
 * <p>Amounts are exact base units; the reference sums floats in SQLite. The two agree except where
 * float rounding would move a balance across a multiple of 10000 BIS.
 */
public final class PowLedger implements WeightLookup {

    /** Balance that gives one unit of weight: 10000 BIS. */
    public static final long WEIGHT_UNIT = 10_000L * PowLedgerRow.UNITS_PER_BIS;
    /** Highest weight. */
    public static final int MAX_WEIGHT = 3;
    /** How many blocks the PoW chain must have past the reference height before the list is computed. */
    public static final int REQUIRED_BLOCKS_AFTER_REFERENCE = 20;

    private final List<PowLedgerRow> rows;

    public PowLedger(List<PowLedgerRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * The balance of {@code address} over rows up to {@code height} inclusive: received
     * {@code amount + reward} minus sent {@code amount + fee}. Empty (SQL NULL) when the address has
     * no received row or no sent row up to that height, as the plugin's query gives.
     */
    public OptionalLong balanceAt(String address, long height) {
        long credit = 0;
        long debit = 0;
        boolean anyCredit = false;
        boolean anyDebit = false;
        for (PowLedgerRow r : rows) {
            if (r.blockHeight() > height) {
                continue;
            }
            if (r.recipient().equals(address)) {
                credit = Math.addExact(credit, Math.addExact(r.amount(), r.reward()));
                anyCredit = true;
            }
            if (r.address().equals(address)) {
                debit = Math.addExact(debit, Math.addExact(r.amount(), r.fee()));
                anyDebit = true;
            }
        }
        return anyCredit && anyDebit ? OptionalLong.of(credit - debit) : OptionalLong.empty();
    }

    /** {@code min(3, floor(balance / 10000 BIS))} at {@code height}, or -1 if the balance is NULL. */
    @Override
    public int weightAt(String powAddress, long height) {
        OptionalLong balance = balanceAt(powAddress, height);
        if (balance.isEmpty()) {
            return -1;
        }
        return (int) Math.min(MAX_WEIGHT, Math.floorDiv(balance.getAsLong(), WEIGHT_UNIT));
    }

    /**
     * The reference height of {@code timestamp}: the highest block with a mining reward row
     * ({@code reward > 0}) at or before it. Empty if there is none, or if the chain is not yet more
     * than {@value #REQUIRED_BLOCKS_AFTER_REFERENCE} blocks past it (the plugin's "POW is late").
     */
    public OptionalLong referenceHeight(long timestamp) {
        BigDecimal ts = BigDecimal.valueOf(timestamp);
        long best = 0;
        long tip = 0;
        for (PowLedgerRow r : rows) {
            tip = Math.max(tip, r.blockHeight());
            if (r.reward() > 0 && r.timestamp().compareTo(ts) <= 0) {
                best = Math.max(best, r.blockHeight());
            }
        }
        if (best <= 0 || tip - best <= REQUIRED_BLOCKS_AFTER_REFERENCE) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(best);
    }

    /** Registration and unregistration rows with {@code from <= height <= to}, by height (row order within a block). */
    public List<RegistrationEvent> registrationEvents(long from, long to) {
        List<RegistrationEvent> events = new ArrayList<>();
        for (PowLedgerRow r : rows) {
            boolean registration = r.operation().equals(RegistrationEvent.REGISTER)
                    || r.operation().equals(RegistrationEvent.UNREGISTER);
            if (registration && r.blockHeight() >= from && r.blockHeight() <= to) {
                events.add(RegistrationEvent.of(r));
            }
        }
        events.sort(Comparator.comparingLong(RegistrationEvent::blockHeight));
        return events;
    }
}
