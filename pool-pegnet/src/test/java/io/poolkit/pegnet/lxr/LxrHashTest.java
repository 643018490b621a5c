package io.poolkit.pegnet.lxr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.bytes.Hex;
import io.poolkit.core.testing.TestVectors;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LxrHashTest {

    private static final Map<Integer, LxrHash> HASHERS = new HashMap<>();

    static synchronized LxrHash hasher(int bits) {
        return HASHERS.computeIfAbsent(bits, b -> new LxrHash(ByteMap.generate(b)));
    }

    @Test
    void derivedVectorsAtEverySmallSize() {
        int checked = 0;
        for (String line : TestVectors.text("pegnet/lxrhash/derived_vectors_multi_size.tsv").split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            int bits = Integer.parseInt(f[0]);
            if (bits > 24) {
                continue; // 30-bit rows: LxrHash30Test, on the cached table
            }
            byte[] input = Hex.decode(f[2]);
            assertEquals(f[3], Hex.encode(hasher(bits).hash(input)), "bits " + bits + " input " + f[2]);
            checked++;
        }
        assertTrue(checked >= 28, "checked " + checked);
    }

    @Test
    void full8BitMap() {
        String hex = TestVectors.text("pegnet/lxrhash/bytemap_8bit_full.hex").lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow().strip();
        byte[] expected = Hex.decode(hex);
        ByteMap map = ByteMap.generate(8);
        byte[] actual = new byte[256];
        map.buffer().get(actual);
        assertArrayEquals(expected, actual);
    }

    @Test
    void checksumsOfGeneratedMapsUpTo24Bits() {
        for (String line : TestVectors.text("pegnet/lxrhash/bytemap_checksums.tsv").split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            int bits = Integer.parseInt(f[0]);
            assertEquals(f[2], ByteMap.knownSha256(bits).orElseThrow(), "built-in digest, bits " + bits);
            if (bits > 24) {
                continue; // 30 bits: LxrHash30Test
            }
            ByteMap map = bits <= 16 ? hasher(bits).map() : ByteMap.generate(bits);
            assertEquals(Long.parseLong(f[1]), map.length());
            assertEquals(f[2], map.sha256Hex(), "bits " + bits);
            byte[] first = new byte[32];
            map.buffer().get(first);
            assertEquals(f[3], Hex.encode(first), "bits " + bits);
        }
    }

    @Test
    void everyByteValueEquallyOften() {
        ByteMap map = hasher(12).map();
        int[] counts = new int[256];
        for (int i = 0; i < map.length(); i++) {
            counts[map.at(i)]++;
        }
        for (int c : counts) {
            assertEquals(16, c);
        }
    }

    @Test
    void debugTraceOf8BitHashOfFoo() {
        String trace = TestVectors.text("pegnet/lxrhash/debug_trace_8bit.txt");
        String hashLine = trace.lines().filter(l -> l.startsWith("hash=")).findFirst().orElseThrow();
        assertEquals(hashLine.substring(5).strip(),
                Hex.encode(hasher(8).hash("foo".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void debugTraceOfGeneratorFirstSteps() {
        // Replays the generator's first 8 steps on the identity map and compares state with the trace.
        String trace = TestVectors.text("pegnet/lxrhash/debug_trace_8bit.txt");
        int mask = 255;
        byte[] map = new byte[256];
        for (int i = 0; i < 256; i++) {
            map[i] = (byte) i;
        }
        long offset = LxrHash.SEED ^ 2458719153079158768L;
        long b = LxrHash.SEED ^ 4631534797403582785L;
        long v = 3523455478921636871L;
        assertTrue(trace.contains(String.format("init offset=%016x b=%016x v=%016x", offset, b, v)));
        int checked = 0;
        for (int i = 0; i < 8; i++) {
            offset = (offset << 9) ^ (offset >>> 1) ^ (offset >>> 7) ^ b;
            v = (map[(int) (offset ^ b) & mask] & 0xFFL) ^ (v << 8) ^ (v >>> 1);
            b = (v << 7) ^ (v << 13) ^ (v << 33) ^ (v << 52) ^ (b << 9) ^ (b >>> 1);
            int j = (int) offset & mask;
            byte t = map[i];
            map[i] = map[j];
            map[j] = t;
            String expected = String.format("pass0 i=%d offset=%016x v=%016x b=%016x j=%d", i, offset, v, b, j);
            assertTrue(trace.contains(expected), expected);
            checked++;
        }
        assertEquals(8, checked);
    }

    @Test
    void suffixFormEqualsConcatenation() {
        LxrHash h = hasher(10);
        byte[] base = Hex.decode("05e7de4bc885b059cdf408180c671409ba760dfe2ef95fc4f748f1a9ec3e6c7a");
        byte[] nonce = Hex.decode("deadbeef00000128d3");
        byte[] joined = new byte[base.length + nonce.length];
        System.arraycopy(base, 0, joined, 0, base.length);
        System.arraycopy(nonce, 0, joined, base.length, nonce.length);
        assertArrayEquals(h.hash(joined), h.hash(base, nonce));
    }

    @Test
    void shareVectorsAt8And16Bits() {
        int checked = 0;
        for (String line : TestVectors.text("pegnet/stratum/share_vectors_derived.tsv").split("\n")) {
            if (line.startsWith("#") || line.isBlank() || line.startsWith("30\t")) {
                continue;
            }
            String[] f = line.split("\t");
            LxrHash h = hasher(Integer.parseInt(f[0]));
            assertEquals(f[4], Hex.encode(h.hash(Hex.decode(f[1]), Hex.decode(f[2]))));
            assertEquals(Long.parseUnsignedLong(f[3], 16), h.difficulty(Hex.decode(f[1]), Hex.decode(f[2])));
            checked++;
        }
        assertEquals(2, checked);
    }

    @Test
    void abortSettingsUpstreamVector() {
        // misc_upstream_vectors.tsv lxr_abort_settings
        assertTrue(TestVectors.text("pegnet/pool/misc_upstream_vectors.tsv")
                .contains("lxr_abort_settings\ttarget=0xffac55c69ecabf4f\tabortByte=1 abortVal=0xac"));
        assertEquals(new LxrHash.AbortSettings(1, 0xac), LxrHash.abortSettings(0xffac55c69ecabf4fL));
        assertEquals(new LxrHash.AbortSettings(0, 0x7f), LxrHash.abortSettings(0x7fffffffffffffffL));
    }

    @Test
    void rejectsSizesOutside8To30() {
        assertThrows(IllegalArgumentException.class, () -> ByteMap.generate(7));
        assertThrows(IllegalArgumentException.class, () -> ByteMap.generate(31));
    }
}
