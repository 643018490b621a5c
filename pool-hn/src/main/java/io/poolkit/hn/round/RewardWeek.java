package io.poolkit.hn.round;

/**
 * A weekly HN reward period. A week ends on Saturday at 08:00 UTC and covers 168 rounds; week 2
 * (the first full one) ran from round 466 to round 633 and ended at 1536998400, when round 634
 * began. The week number is the one the reward tooling and the operators use.
 *
 * @param week the week number, 2 or more
 */
public record RewardWeek(int week) {

    /** Rounds in one reward week. */
    public static final int ROUNDS_PER_WEEK = 168;
    /** Seconds in a week. */
    public static final long WEEK_SECONDS = 604800;
    private static final int FIRST_WEEK = 2;
    private static final long FIRST_WEEK_END = 1536998400L;
    private static final long FIRST_WEEK_START_ROUND = 466;

    public RewardWeek {
        if (week < FIRST_WEEK) {
            throw new IllegalArgumentException("reward weeks are numbered from " + FIRST_WEEK + ", got " + week);
        }
    }

    /** The week whose rounds include {@code round}. */
    public static RewardWeek containingRound(long round) {
        if (round < FIRST_WEEK_START_ROUND) {
            throw new IllegalArgumentException("round " + round + " is before the first reward week (round "
                    + FIRST_WEEK_START_ROUND + ")");
        }
        return new RewardWeek(Math.toIntExact(FIRST_WEEK + (round - FIRST_WEEK_START_ROUND) / ROUNDS_PER_WEEK));
    }

    /** The first round of the week. */
    public long startRound() {
        return FIRST_WEEK_START_ROUND + (long) ROUNDS_PER_WEEK * (week - FIRST_WEEK);
    }

    /** The last round of the week (inclusive). */
    public long endRound() {
        return startRound() + ROUNDS_PER_WEEK - 1;
    }

    /** Unix time at which the week ends: the start of the round after {@link #endRound()}. */
    public long endTimestamp() {
        return FIRST_WEEK_END + WEEK_SECONDS * (week - FIRST_WEEK);
    }
}
