package io.poolkit.pegnet.pool;

import io.poolkit.core.address.Base58;
import io.poolkit.core.pow.Sha256d;
import io.poolkit.pegnet.lxr.LxrHash;
import io.poolkit.pegnet.opr.FactomEntry;
import io.poolkit.pegnet.opr.Opr;
import io.poolkit.pegnet.opr.OprCodec;
import io.poolkit.pegnet.opr.OprEntry;
import io.poolkit.pegnet.opr.OprVersions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Other miners' honest OPRs for a scripted chain (v2+ heights), checked with the test's small LXRHash table. */
public final class PoolTestData {

    private final LxrHash lxr;
    private final Random random;

    public PoolTestData(LxrHash lxr, long seed) {
        this.lxr = lxr;
        this.random = new Random(seed);
    }

    /** A valid FA address whose RCD hash is {@code sha256(label)}. */
    public static String faAddress(String label) {
        byte[] raw = new byte[38];
        raw[0] = 0x5f;
        raw[1] = (byte) 0xb1;
        System.arraycopy(Sha256d.sha256(label.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, raw, 2, 32);
        System.arraycopy(Sha256d.hash(raw, 0, 34), 0, raw, 34, 4);
        return Base58.encode(raw);
    }

    /** Base prices in pegtoshi for {@code version}: asset i costs {@code (i + 1) * 1e8 + 12345}. */
    public static long[] baseUnits(int version) {
        long[] u = new long[OprVersions.assets(version).size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = (i + 1) * 100_000_000L + 12_345;
        }
        return u;
    }

    /** The base prices as configured decimals. */
    public static Map<String, String> basePrices(int version) {
        Map<String, String> m = new HashMap<>();
        long[] u = baseUnits(version);
        List<String> names = OprVersions.assets(version);
        for (int i = 0; i < u.length; i++) {
            m.put(names.get(i), java.math.BigDecimal.valueOf(u[i], 8).toPlainString());
        }
        return m;
    }

    /**
     * {@code n} records for block {@code height} listing {@code winners}, prices within 2% of the base, each with
     * the best of 20 random nonces and its honest difficulty.
     */
    public List<FactomEntry> others(int height, List<String> winners, int n) {
        int version = OprVersions.versionAt(height);
        List<FactomEntry> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            long[] u = baseUnits(version);
            for (int i = 0; i < u.length; i++) {
                u[i] += (long) (u[i] * (random.nextDouble() - 0.5) * 0.04);
            }
            Opr opr = Opr.ofUnits(version, faAddress("other" + k), "other" + k, height, winners, u);
            byte[] content = OprCodec.encode(opr);
            byte[] oprHash = OprEntry.oprHash(content);
            byte[] best = null;
            long bestDiff = 0;
            for (int t = 0; t < 20; t++) {
                byte[] nonce = new byte[8];
                random.nextBytes(nonce);
                long d = lxr.difficulty(oprHash, nonce);
                if (best == null || Long.compareUnsigned(d, bestDiff) > 0) {
                    best = nonce;
                    bestDiff = d;
                }
            }
            byte[] srd = new byte[8];
            for (int i = 0; i < 8; i++) {
                srd[i] = (byte) (bestDiff >>> (56 - 8 * i));
            }
            out.add(FactomEntry.onOprChain(List.of(best, srd, new byte[] {(byte) version}), content));
        }
        return out;
    }
}
