package io.poolkit.hn.consensus;

/**
 * The per-round reward score of a hypernode ({@code stats/fill_stats.py get_score}). Rows scoring
 * at least {@link #SCORE_TRIGGER} share the week's pot by weight.
 *
 * <p>The reference computes the score in binary floating point, and a score near the trigger must
 * land on the same side on every machine, so this reproduces its double arithmetic deliberately,
 * operation for operation: with {@code n = sources - startCount}, start from 0; add
 * {@code min(n, 9) / 3} if {@code n >= 3}; subtract 1 if {@code n > 80}; add 1 if it forged;
 * subtract {@code startCount / 3 * weight}; add {@code min(testsSent / 10, 1)}; add
 * {@code okActionsReceived / 2}; subtract {@code koActionsReceived / 2}.
 */
public final class RewardScore {

    /** Lowest score that counts for rewards. */
    public static final double SCORE_TRIGGER = 0.0;

    private RewardScore() {
    }

    /** The score of a hypernode of {@code weight} with {@code activity} in a round. */
    public static double of(int weight, RoundActivity activity) {
        double score = 0;
        int transactions = activity.sources() - activity.startCount();
        if (transactions >= 3) {
            score += Math.min(transactions, 9) / 3.0;
        }
        if (transactions > 80) {
            score -= 1;
        }
        if (activity.forged() >= 1) {
            score += 1;
        }
        score -= activity.startCount() / 3.0 * weight;
        int testsSent = activity.noTestsSent() + activity.okTestsSent() + activity.koTestsSent();
        score += Math.min(testsSent / 10.0, 1);
        score += activity.okActionsReceived() / 2.0;
        score -= activity.koActionsReceived() / 2.0;
        return score;
    }
}
