package io.poolkit.pegnet.opr;

import java.util.Arrays;
import java.util.List;

/**
 * A decoded Oracle Price Record.
 *
 * @param version   record version (1 = JSON, 2..5 = protobuf)
 * @param coinbase  the FA address paid if the record wins
 * @param minerId   the miner's identity
 * @param height    the block height the record is for
 * @param winners   the previous block's winners as 16-hex short hashes ("" at genesis), in order
 * @param units     v2+: prices as carried, {@code round(price * 1e8)} (unsigned); v1: empty (v1 carries decimals)
 * @param prices    the prices as the grader compares them: v1 the JSON numbers, v2+ {@code units / 1e8} in
 *                  IEEE double arithmetic, as upstream does; in the version's asset order
 */
public record Opr(int version, String coinbase, String minerId, int height, List<String> winners, long[] units,
        double[] prices) {

    /** Copies the arrays. */
    public Opr {
        OprVersions.checkVersion(version);
        winners = List.copyOf(winners);
        units = units.clone();
        prices = prices.clone();
    }

    /** A v2+ record from prices in pegtoshi units. */
    public static Opr ofUnits(int version, String coinbase, String minerId, int height, List<String> winners,
            long[] units) {
        if (version < 2) {
            throw new IllegalArgumentException("v1 records carry decimal prices; use the v1 JSON");
        }
        double[] prices = new double[units.length];
        for (int i = 0; i < units.length; i++) {
            prices[i] = unsignedToDouble(units[i]) / 1e8;
        }
        return new Opr(version, coinbase, minerId, height, winners, units, prices);
    }

    static double unsignedToDouble(long u) {
        if (u >= 0) {
            return u;
        }
        // Go's float64(uint64): round to nearest of the full unsigned value.
        return ((u >>> 1) | (u & 1)) * 2.0;
    }

    /** The asset names in this record's order. */
    public List<String> assetNames() {
        return OprVersions.assets(version);
    }

    @Override
    public long[] units() {
        return units.clone();
    }

    @Override
    public double[] prices() {
        return prices.clone();
    }

    double price(int i) {
        return prices[i];
    }

    int assetCount() {
        return prices.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Opr x && version == x.version && height == x.height && coinbase.equals(x.coinbase)
                && minerId.equals(x.minerId) && winners.equals(x.winners) && Arrays.equals(units, x.units)
                && Arrays.equals(prices, x.prices);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * coinbase.hashCode() + height) + Arrays.hashCode(units);
    }

    @Override
    public String toString() {
        return "Opr[v" + version + " height " + height + " id " + minerId + " coinbase " + coinbase + "]";
    }
}
