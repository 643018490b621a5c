package io.poolkit.pegnet.opr;

import java.util.List;
import java.util.stream.Stream;

/**
 * PegNet mainnet's record versions by height, their asset lists (pegnet {@code modules/opr/assets.go}), the number
 * of winners each lists and pays, and the payout per winning position, in pegtoshi (1 PEG = 10^8).
 */
public final class OprVersions {

    /** First block PegNet graded (OPR version 1). */
    public static final int ACTIVATION_HEIGHT = 206422;
    /** First height of each version 2..5 (index 0..3). */
    private static final int[] VERSION_STARTS = {210330, 222270, 231620, 258796};

    /** Version 1 assets: PNT first; XPD and XPT between XAG and XBT. */
    public static final List<String> V1_ASSETS = List.of("PNT", "USD", "EUR", "JPY", "GBP", "CAD", "CHF", "INR",
            "SGD", "CNY", "HKD", "KRW", "BRL", "PHP", "MXN", "XAU", "XAG", "XPD", "XPT", "XBT", "ETH", "LTC", "RVN",
            "XBC", "FCT", "BNB", "XLM", "ADA", "XMR", "DASH", "ZEC", "DCR");
    /** Version 2 and 3 assets (PNT renamed PEG; XPD, XPT dropped). */
    public static final List<String> V2_ASSETS = List.of("PEG", "USD", "EUR", "JPY", "GBP", "CAD", "CHF", "INR",
            "SGD", "CNY", "HKD", "KRW", "BRL", "PHP", "MXN", "XAU", "XAG", "XBT", "ETH", "LTC", "RVN", "XBC", "FCT",
            "BNB", "XLM", "ADA", "XMR", "DASH", "ZEC", "DCR");
    /** Version 4 assets: V2 plus 12. */
    public static final List<String> V4_ASSETS = concat(V2_ASSETS, List.of("AUD", "NZD", "SEK", "NOK", "RUB", "ZAR",
            "TRY", "EOS", "LINK", "ATOM", "BAT", "XTZ"));
    /** Version 5 assets (PegNet 2.0): V4 plus 20. */
    public static final List<String> V5_ASSETS = concat(V4_ASSETS, List.of("HBAR", "NEO", "CRO", "ETC", "ONT",
            "DOGE", "VET", "HT", "ALGO", "DGB", "AED", "ARS", "TWD", "RWF", "KES", "UGX", "TZS", "BIF", "ETB", "NGN"));

    private OprVersions() {
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /** The record version graded at {@code height} (1 before 210330, ..., 5 from 258796). */
    public static int versionAt(int height) {
        int v = 1;
        for (int start : VERSION_STARTS) {
            if (height >= start) {
                v++;
            }
        }
        return v;
    }

    /** The asset list of a record version. */
    public static List<String> assets(int version) {
        return switch (checkVersion(version)) {
            case 1 -> V1_ASSETS;
            case 2, 3 -> V2_ASSETS;
            case 4 -> V4_ASSETS;
            default -> V5_ASSETS;
        };
    }

    /** Winners a block of this version pays (10 for v1, 25 after). */
    public static int winners(int version) {
        return checkVersion(version) == 1 ? 10 : 25;
    }

    /** Payout in pegtoshi for a graded position (0 = best) under a version; 0 outside the winners. */
    public static long payout(int version, int position) {
        checkVersion(version);
        if (position < 0 || position >= winners(version)) {
            return 0;
        }
        return switch (version) {
            case 1 -> position == 0 ? 800_00000000L : position == 1 ? 600_00000000L : 450_00000000L;
            case 5 -> 360_00000000L;
            default -> 200_00000000L;
        };
    }

    static int checkVersion(int version) {
        if (version < 1 || version > 5) {
            throw new IllegalArgumentException("OPR version must be 1..5, got " + version);
        }
        return version;
    }
}
