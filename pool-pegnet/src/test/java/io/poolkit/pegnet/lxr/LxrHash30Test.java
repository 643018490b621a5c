package io.poolkit.pegnet.lxr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.bytes.Hex;
import io.poolkit.core.testing.TestVectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PegNet's consensus size: the 1 GiB table. It is taken from the cache in {@code ~/.cache/poolkit/lxrhash} (or
 * {@code $POOLKIT_CACHE_DIR/lxrhash}) after its SHA-256 is verified; on a machine without it, the first run
 * generates it once (43 minutes measured on the busy 2-core project machine; see benchmarks/README.md) and
 * caches it for every later run, where loading and verifying it takes about 2 seconds.
 */
class LxrHash30Test {

    private static LxrHash lxr;

    @BeforeAll
    static void table() {
        ByteMapCache.Loaded loaded = ByteMapCache.atDefaultLocation().load(30, ByteMap.Progress.NONE);
        lxr = new LxrHash(loaded.map());
    }

    @Test
    void tableMatchesItsChecksum() {
        // load() verified the digest; check it again against the vector file, and the first bytes.
        for (String line : TestVectors.text("pegnet/lxrhash/bytemap_checksums.tsv").split("\n")) {
            if (line.startsWith("30\t")) {
                String[] f = line.split("\t");
                assertEquals(f[2], lxr.map().sha256Hex());
                byte[] first = new byte[32];
                lxr.map().buffer().get(first);
                assertEquals(f[3], Hex.encode(first));
                return;
            }
        }
        throw new AssertionError("no 30-bit row in bytemap_checksums.tsv");
    }

    @Test
    void upstreamKnownHashes() {
        int checked = 0;
        for (String line : TestVectors.text("pegnet/lxrhash/known_hashes_30bit_upstream.tsv").split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            assertEquals(f[0], new String(Hex.decode(f[1]), java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(f[2], Hex.encode(lxr.hash(Hex.decode(f[1]))), "input '" + f[0] + "'");
            checked++;
        }
        assertTrue(checked >= 10, "checked " + checked);
    }

    @Test
    void shareVectorsAt30Bits() {
        int checked = 0;
        for (String line : TestVectors.text("pegnet/stratum/share_vectors_derived.tsv").split("\n")) {
            if (line.startsWith("30\t")) {
                String[] f = line.split("\t");
                byte[] h = lxr.hash(Hex.decode(f[1]), Hex.decode(f[2]));
                assertEquals(f[4], Hex.encode(h));
                assertEquals(Long.parseUnsignedLong(f[3], 16), lxr.difficulty(Hex.decode(f[1]), Hex.decode(f[2])));
                checked++;
            }
        }
        assertEquals(2, checked);
    }
}
