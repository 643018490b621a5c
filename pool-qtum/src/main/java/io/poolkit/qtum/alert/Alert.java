package io.poolkit.qtum.alert;

/**
 * One alert.
 *
 * @param kind what happened
 * @param subject short subject (PPM: e.g. {@code .REWARD})
 * @param body message text
 */
public record Alert(Kind kind, String subject, String body) {

    /** The alerts PPM sends, and the reorg alarm it lacks. */
    public enum Kind {
        /** Our staker won a pool block. */
        POOL_BLOCK,
        /** qtumd cannot be reached. */
        QTUMD_DOWN,
        /** qtumd is not staking. */
        NOT_STAKING,
        /** Few peer connections. */
        LOW_CONNECTIONS,
        /** The last processed block left the main chain: crediting stopped. */
        REORG_BEYOND_DELAY,
        /** No block for 30 minutes. */
        STALE_CHAIN,
        /** The daily payout summary. */
        PAYOUT_SUMMARY,
        /** The hourly status (dropped, not queued, in quiet hours). */
        HOURLY_STATUS
    }
}
