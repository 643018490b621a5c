package io.poolkit.core.payout;

import io.poolkit.core.ledger.AcceptedShare;
import io.poolkit.core.ledger.CreditKind;
import io.poolkit.core.ledger.CreditLine;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Pay per share: each share is worth {@code blockReward * difficulty / networkDifficulty} less the
 * pool fee, paid from the pool's funds whether or not a block is found (the pool carries the
 * variance). An address's credit for a period is the exact sum of its shares' values, rounded down
 * once; the pool keeps the fee and the fractions.
 *
 * @param fee the pool fee taken from each share's value
 * @param blockReward the expected block reward a share is valued against, base units
 */
public record Pps(PoolFee fee, long blockReward) {

    public Pps {
        Objects.requireNonNull(fee, "fee");
        if (blockReward <= 0) {
            throw new IllegalArgumentException("the PPS block reward must be positive, got " + blockReward);
        }
    }

    /** The credits for {@code shares}: one PPS line per address with a positive value, by address. */
    public List<CreditLine> credits(Iterable<AcceptedShare> shares) {
        Map<String, BigInteger[]> sums = new TreeMap<>();
        BigInteger keep = BigInteger.valueOf(blockReward).multiply(BigInteger.valueOf(1000 - fee.perMille()));
        for (AcceptedShare s : shares) {
            BigInteger[] d = fraction(s.difficulty());
            BigInteger[] n = fraction(s.networkDifficulty());
            // value = keep * d / (1000 * n)
            BigInteger num = keep.multiply(d[0]).multiply(n[1]);
            BigInteger den = BigInteger.valueOf(1000).multiply(d[1]).multiply(n[0]);
            sums.merge(s.address(), new BigInteger[] {num, den}, (a, b) -> new BigInteger[] {
                a[0].multiply(b[1]).add(b[0].multiply(a[1])), a[1].multiply(b[1])});
        }
        List<CreditLine> lines = new ArrayList<>();
        sums.forEach((address, f) -> {
            long amount = f[0].divide(f[1]).longValueExact();
            if (amount > 0) {
                lines.add(new CreditLine(address, CreditKind.PPS, amount));
            }
        });
        return List.copyOf(lines);
    }

    private static BigInteger[] fraction(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0) {
            return new BigInteger[] {s.toBigIntegerExact(), BigInteger.ONE};
        }
        return new BigInteger[] {s.unscaledValue(), BigInteger.TEN.pow(s.scale())};
    }
}
