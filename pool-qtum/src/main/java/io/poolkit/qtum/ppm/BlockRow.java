package io.poolkit.qtum.ppm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The 21-column {@code 100} row of PPM's daily log, one per processed (delayed) block.
 *
 * <p>The decimal columns are display values that PPM formats from Python floats ({@code %.1f},
 * {@code %.3f}, {@code ' 08.1f'}). They are reproduced deliberately the same way here: the satoshi
 * amount is divided by 1e8 as a double and that binary value is rounded half-even, exactly as Python's
 * formatting does. No accounting uses these columns.
 *
 * @param blockTimeUnix block time from getblock {@code time}
 * @param height processed (delayed) height
 * @param balanceSats wallet balance
 * @param stakeSats wallet stake
 * @param stakerWeightSats getstakinginfo {@code weight}
 * @param netStakeWeightSats getstakinginfo {@code netstakeweight}
 * @param delegateWeightSats delegate weight (getstakinginfo {@code delegateweight}; may be negative in
 *        README-era logs, where it was weight minus balance)
 * @param delegations number of delegations (all fees)
 * @param connections peer connections
 * @param staking whether the node is staking
 * @param expectedTimeSeconds getstakinginfo {@code expectedtime}
 * @param stakerAddress coinstake vin[0] owner
 * @param stakerRewardSats staker reward
 * @param delegateAddress delegate paid by the coinstake, if any
 * @param delegateRewardSats delegate reward
 * @param percentFee PPM's percent fee, empty when undefined ({@code nan})
 * @param myPool whether the block is our pool block
 * @param poolBalanceSats pool balance after this block
 * @param debug free text (may be empty)
 */
public record BlockRow(long blockTimeUnix, int height, long balanceSats, long stakeSats, long stakerWeightSats,
        long netStakeWeightSats, long delegateWeightSats, int delegations, int connections, boolean staking,
        long expectedTimeSeconds, String stakerAddress, long stakerRewardSats, Optional<String> delegateAddress,
        long delegateRewardSats, OptionalInt percentFee, boolean myPool, long poolBalanceSats, String debug) {

    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** The 21 fields of the row, formatted as PPM writes them; block time shown in {@code zone}. */
    public List<String> fields(ZoneId zone) {
        return List.of(
                RowCode.BLOCK.code(),
                Long.toString(blockTimeUnix),
                HMS.format(Instant.ofEpochSecond(blockTimeUnix).atZone(zone)),
                Integer.toString(height),
                fixed(qtum(balanceSats), 1),
                fixed(qtum(stakeSats), 1),
                spaceZeroPadded(qtum(stakerWeightSats)),
                Long.toString(netStakeWeightSats / 100_000_000L),
                Long.toString(delegateWeightSats / 100_000_000L),
                Integer.toString(delegations),
                Integer.toString(connections),
                staking ? " yes" : " NOT",
                fixed(expectedTimeSeconds / 3600.0, 1),
                stakerAddress,
                fixed(qtum(stakerRewardSats), 3),
                delegateAddress.orElse("none"),
                fixed(qtum(delegateRewardSats), 3),
                percentFee.isPresent() ? Integer.toString(percentFee.getAsInt()) : "nan",
                myPool ? "yes" : "no",
                fixed(qtum(poolBalanceSats), 3),
                debug);
    }

    /** The row as one comma-joined line (no line ending). */
    public String line(ZoneId zone) {
        return String.join(",", fields(zone));
    }

    private static double qtum(long sats) {
        return sats / 1e8;
    }

    static String fixed(double value, int decimals) {
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Python's {@code format(v, ' 08.1f')}: sign or space, then zero padding to a width of 8. */
    static String spaceZeroPadded(double value) {
        String body = fixed(Math.abs(value), 1);
        StringBuilder sb = new StringBuilder(value < 0 ? "-" : " ");
        for (int i = body.length() + 1; i < 8; i++) {
            sb.append('0');
        }
        return sb.append(body).toString();
    }
}
