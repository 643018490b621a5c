package io.poolkit.qtum.ppm;

/** Row codes of PPM's daily CSV log (first field of each row). */
public enum RowCode {
    /** Startup/system: program start, logging start, column labels. */
    SYSTEM("000"),
    /** A processed (delayed) block: the 21-column row. */
    BLOCK("100"),
    /** End of day: {@code 200, blocks,<count>}. */
    END_OF_DAY("200"),
    /** Payout rows. */
    PAYOUT("300"),
    /** Block reward (commented out in PPM). */
    REWARD("400"),
    /** Missed block (commented out in PPM). */
    MISSED_BLOCK("800"),
    /** Errors: QTUMD OFFLINE, NOT STAKING, LOW CONNECTIONS. */
    ERROR("900");

    private final String code;

    RowCode(String code) {
        this.code = code;
    }

    /** The three-digit code text. */
    public String code() {
        return code;
    }

    /** The row code of a log line's first field. */
    public static RowCode of(String code) {
        for (RowCode c : values()) {
            if (c.code.equals(code.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown PPM log row code '" + code + "'; known: 000 100 200 300 400 800 900");
    }
}
