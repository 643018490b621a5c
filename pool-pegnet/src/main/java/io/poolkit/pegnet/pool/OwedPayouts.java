package io.poolkit.pegnet.pool;

import io.poolkit.pegnet.opr.OprPrices;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pool owes for one job's reward (Prosper's accountant), in pegtoshi:
 * <ul>
 * <li>{@code fee = trunc(reward * rate)} with the rate truncated to 8 decimals ({@link #NO_FEE} for none);</li>
 * <li>{@code remaining = reward - fee};</li>
 * <li>per user {@code proportion = trunc8(roundHalfAwayFromZero16(dec(userDifficulty) / dec(poolDifficulty)))}
 *     where {@code dec(x)} is the shortest decimal that reads back as the double {@code x};</li>
 * <li>{@code payout = trunc(remaining * proportion)}; {@code dust = remaining - sum(payouts)}, kept by nobody.</li>
 * </ul>
 * Difficulties are the doubles upstream sums ({@link ShareDifficulty#difficulty}); everything after is exact.
 */
public final class OwedPayouts {

    /** The rate meaning "no fee" (upstream's {@code -1}). */
    public static final BigDecimal NO_FEE = BigDecimal.ONE.negate();

    private OwedPayouts() {
    }

    /** One user's share of a job. */
    public record UserPayout(String user, double difficulty, BigDecimal proportion, long payout) {
    }

    /** The whole job. */
    public record Result(long reward, BigDecimal feeRate, long poolFee, long remaining, double poolDifficulty,
            List<UserPayout> users, long dust) {

        /** Copies the list. */
        public Result {
            users = List.copyOf(users);
        }
    }

    /** Parses a fee rate as configured: a decimal 0..1 truncated to 8 places, or "-1" for none. */
    public static BigDecimal parseFeeRate(String text) {
        if (text == null || text.isBlank() || new BigDecimal(text.strip()).signum() == 0) {
            throw new IllegalArgumentException("pool fee rate must be set: a decimal from 0 to 1, or -1 for no fee"
                    + " (an empty or zero rate is a config error upstream)");
        }
        BigDecimal rate = new BigDecimal(text.strip());
        if (rate.compareTo(NO_FEE) == 0) {
            return NO_FEE;
        }
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("pool fee rate " + text + " is outside 0..1 (or -1 for no fee)");
        }
        return rate.setScale(8, RoundingMode.DOWN);
    }

    /**
     * Splits {@code reward} among users by difficulty. {@code userDifficulty} iterates in the order users' totals
     * should be listed; {@code poolDifficulty} is the pool total as upstream summed it (share by share).
     */
    public static Result compute(long reward, BigDecimal feeRate, Map<String, Double> userDifficulty,
            double poolDifficulty) {
        long fee = feeRate.signum() <= 0 ? 0
                : new BigDecimal(reward).multiply(feeRate).setScale(0, RoundingMode.DOWN).longValueExact();
        long remaining = reward - fee;
        List<UserPayout> users = new ArrayList<>();
        long paid = 0;
        BigDecimal pool = OprPrices.shortestDecimal(poolDifficulty);
        for (Map.Entry<String, Double> u : new LinkedHashMap<>(userDifficulty).entrySet()) {
            BigDecimal prop = pool.signum() == 0 ? BigDecimal.ZERO.setScale(8)
                    : OprPrices.shortestDecimal(u.getValue()).divide(pool, 16, RoundingMode.HALF_UP)
                            .setScale(8, RoundingMode.DOWN);
            long payout = new BigDecimal(remaining).multiply(prop).setScale(0, RoundingMode.DOWN).longValueExact();
            paid += payout;
            users.add(new UserPayout(u.getKey(), u.getValue(), prop, payout));
        }
        return new Result(reward, feeRate, fee, remaining, poolDifficulty, users, remaining - paid);
    }
}
