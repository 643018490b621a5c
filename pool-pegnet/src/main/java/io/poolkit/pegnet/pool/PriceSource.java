package io.poolkit.pegnet.pool;

import io.poolkit.pegnet.opr.OprVersions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** Where a job's prices come from: pegtoshi units ({@code round(price * 1e8)}) in a version's asset order. */
@FunctionalInterface
public interface PriceSource {

    /** The prices for an OPR of {@code version}; throws when they cannot be had (the job is then skipped). */
    long[] units(int version);

    /**
     * Fixed prices from configuration (asset name to decimal price). Upstream polls price APIs; poolkit ships no
     * scraper, so an operator feeds prices here (e.g. refreshed by a side process rewriting the config).
     * A v2 record may carry PEG as 0; every other asset must be priced.
     */
    static PriceSource fixed(Map<String, String> prices) {
        Map<String, String> copy = Map.copyOf(prices);
        return version -> {
            List<String> names = OprVersions.assets(version);
            long[] out = new long[names.size()];
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                String text = copy.get(name);
                if (text == null && name.equals("PNT")) {
                    text = copy.get("PEG");
                }
                if (text == null) {
                    if (i == 0 && version <= 2) {
                        continue; // PNT/PEG may be 0 in v1 and v2
                    }
                    throw new IllegalStateException("no price configured for " + name + " (OPR v" + version + ")");
                }
                out[i] = new BigDecimal(text).movePointRight(8).setScale(0, RoundingMode.HALF_UP).longValueExact();
            }
            return out;
        };
    }
}
