package io.poolkit.qtum.consensus;

import io.poolkit.core.address.Network;
import io.poolkit.core.address.Networks;

/**
 * Height-dependent consensus parameters of a Qtum chain, re-derived from qtum's
 * {@code GetBlockSubsidy} and {@code consensus/params.h}: 20,000 QTUM up to {@code nLastBigReward}
 * (5,000), then 4 QTUM per block; from the reduce-block-time fork ("FastLane": mainnet 845,000,
 * testnet 806,600) blocks come every 32 s instead of 128 s, the subsidy is divided by 4 and the coinbase
 * maturity is 2,000 blocks instead of 500. Halvings are counted in post-fork block units: every
 * 985,500 pre-fork blocks or 3,942,000 post-fork blocks; after 7 halvings the subsidy is 0.
 */
public enum QtumChain {
    /** Qtum mainnet. */
    MAIN("main", 845_000, Networks.QTUM_MAIN),
    /** Qtum testnet. */
    TESTNET("testnet", 806_600, Networks.QTUM_TESTNET);

    /** One QTUM in satoshis. */
    public static final long COIN = 100_000_000L;
    /** Last height paying the 20,000 QTUM premine subsidy. */
    public static final int LAST_BIG_REWARD = 5_000;
    /** Halving interval in pre-fork blocks. */
    public static final int HALVING_INTERVAL = 985_500;
    /** Block-time downscale factor of the fork (128 s to 32 s). */
    public static final int DOWNSCALE = 4;
    /** Coinbase (and stake) maturity before the fork. */
    public static final int MATURITY_BEFORE_FORK = 500;
    /** Coinbase (and stake) maturity from the fork on. */
    public static final int MATURITY_AFTER_FORK = 2_000;

    private final String label;
    private final int reduceBlocktimeHeight;
    private final Network network;

    QtumChain(String label, int reduceBlocktimeHeight, Network network) {
        this.label = label;
        this.reduceBlocktimeHeight = reduceBlocktimeHeight;
        this.network = network;
    }

    /** "main" or "testnet", as in the vectors and config files. */
    public String label() {
        return label;
    }

    /** The address network (version bytes) of this chain. */
    public Network network() {
        return network;
    }

    /** First height of the reduce-block-time fork. */
    public int reduceBlocktimeHeight() {
        return reduceBlocktimeHeight;
    }

    /** Parses "main"/"mainnet" or "test"/"testnet". */
    public static QtumChain parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "main", "mainnet" -> MAIN;
            case "test", "testnet" -> TESTNET;
            default -> throw new IllegalArgumentException("unknown Qtum chain '" + text + "'; use main or testnet");
        };
    }

    private static void checkHeight(int height) {
        if (height < 0) {
            throw new IllegalArgumentException("block height must be >= 0, got " + height);
        }
    }

    /** Whether {@code height} is at or after the reduce-block-time fork. */
    public boolean isAfterFork(int height) {
        checkHeight(height);
        return height >= reduceBlocktimeHeight;
    }

    /** Coinbase/coinstake maturity in blocks for a block at {@code height}: 500 before the fork, 2000 after. */
    public int coinbaseMaturity(int height) {
        return isAfterFork(height) ? MATURITY_AFTER_FORK : MATURITY_BEFORE_FORK;
    }

    /** Target block spacing in seconds: 128 before the fork, 32 after. */
    public int targetSpacingSeconds(int height) {
        return isAfterFork(height) ? 128 / DOWNSCALE : 128;
    }

    /** Block subsidy in satoshis (without fees and gas refunds). */
    public long subsidySats(int height) {
        checkHeight(height);
        if (height <= LAST_BIG_REWARD) {
            return 20_000L * COIN;
        }
        long weight; // halving weight in post-fork block units
        if (!isAfterFork(height)) {
            weight = (long) (height - LAST_BIG_REWARD) * DOWNSCALE;
        } else {
            weight = (long) (reduceBlocktimeHeight - LAST_BIG_REWARD - 1) * DOWNSCALE
                    + (height - reduceBlocktimeHeight + 1);
        }
        long halvings = (weight - 1) / ((long) HALVING_INTERVAL * DOWNSCALE);
        if (halvings >= 7) {
            return 0;
        }
        long base = isAfterFork(height) ? 4 * COIN / DOWNSCALE : 4 * COIN;
        return base >> halvings;
    }
}
