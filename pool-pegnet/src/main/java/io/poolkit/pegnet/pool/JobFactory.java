package io.poolkit.pegnet.pool;

import io.poolkit.pegnet.opr.Opr;
import io.poolkit.pegnet.opr.OprCodec;
import io.poolkit.pegnet.opr.OprEntry;
import io.poolkit.pegnet.opr.OprV1Json;
import io.poolkit.pegnet.opr.OprVersions;
import java.util.List;

/**
 * Builds the pool's OPR for a height: the version of that height, the pool's identity and coinbase, the previous
 * block's winners, prices from the {@link PriceSource}; encoded as v1 JSON or v2+ protobuf.
 */
public final class JobFactory {

    private final String identity;
    private final String coinbase;
    private final PriceSource prices;

    /** For a pool mining as {@code identity} paid to FA address {@code coinbase}. */
    public JobFactory(String identity, String coinbase, PriceSource prices) {
        if (!identity.matches("[a-zA-Z0-9,]+")) {
            throw new IllegalArgumentException("the pool identity must match [a-zA-Z0-9,]+ (OPR rule): " + identity);
        }
        this.identity = identity;
        this.coinbase = coinbase;
        this.prices = prices;
    }

    /** The pool's identity. */
    public String identity() {
        return identity;
    }

    /** The pool's coinbase address. */
    public String coinbase() {
        return coinbase;
    }

    /** The job for block {@code height} listing {@code previousWinners}. */
    public PegnetJob build(long height, List<String> previousWinners) {
        int version = OprVersions.versionAt(Math.toIntExact(height));
        long[] units = prices.units(version);
        Opr opr;
        byte[] content;
        if (version == 1) {
            double[] p = new double[units.length];
            for (int i = 0; i < units.length; i++) {
                p[i] = units[i] / 1e8;
            }
            opr = new Opr(1, coinbase, identity, (int) height, previousWinners, new long[0], p);
            content = OprV1Json.encode(opr);
        } else {
            opr = Opr.ofUnits(version, coinbase, identity, (int) height, previousWinners, units);
            content = OprCodec.encode(opr);
        }
        return new PegnetJob(height, opr, content, OprEntry.oprHash(content));
    }
}
