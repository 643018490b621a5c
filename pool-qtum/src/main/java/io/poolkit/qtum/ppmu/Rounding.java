package io.poolkit.qtum.ppmu;

/** How a reward is rounded when split by weight. */
public enum Rounding {
    /**
     * Exact: every satoshi is allocated, by pool-core's splitter. Each share is floored, and the
     * remaining satoshis go one each to the largest fractional parts (ties to the address first in
     * ascending order). Shares sum to the reward.
     */
    EXACT,
    /**
     * PPM-compatible: each share is {@code R * w / W} rounded half-even on its own, as PPM's
     * {@code int(round(...))} does; the remainder is not allocated, so shares may sum to a few satoshis
     * more or less than the reward. Computed with exact rationals: this equals PPM's Python float path
     * except where the float error crosses a rounding boundary (see the package docs of the vectors).
     */
    PPM;

    /** Parses "exact" or "ppm". */
    public static Rounding parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "exact" -> EXACT;
            case "ppm" -> PPM;
            default -> throw new IllegalArgumentException("unknown rounding '" + text + "'; use exact or ppm");
        };
    }
}
