package io.poolkit.packetcrypt.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class WorkFileProperties {

    @Property(tries = 100)
    void workFilesRoundTrip(@ForAll long seed, @ForAll @IntRange(min = 0, max = 600) int coinbaseLength,
            @ForAll @IntRange(min = 0, max = 12) int branch, @ForAll int share, @ForAll int ann, @ForAll int height) {
        Random r = new Random(seed);
        byte[] header = new byte[80];
        byte[] key = new byte[32];
        byte[] coinbase = new byte[coinbaseLength];
        r.nextBytes(header);
        r.nextBytes(key);
        r.nextBytes(coinbase);
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < branch; i++) {
            byte[] h = new byte[32];
            r.nextBytes(h);
            hashes.add(h);
        }
        byte[] encoded = new WorkFile(header, key, share, ann, height, coinbase, hashes).encode();
        assertArrayEquals(encoded, WorkFile.parse(encoded).encode());
    }
}
