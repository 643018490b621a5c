package io.poolkit.core.pow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poolkit.core.bytes.LittleEndian;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Several threads hash at once with the shared algorithm objects; every result equals the single-thread one. */
class PowConcurrencyTest {

    @ParameterizedTest
    @ValueSource(strings = {"sha256d", "scrypt", "scryptn", "x11"})
    void concurrentHashingGivesTheSingleThreadResults(String name) throws Exception {
        PowAlgorithm pow = PowAlgorithms.byName(name);
        int headers = name.startsWith("scrypt") ? 64 : 400;
        byte[][] inputs = new byte[headers][];
        byte[][] expected = new byte[headers][];
        Random random = new Random(name.hashCode());
        for (int i = 0; i < headers; i++) {
            inputs[i] = new byte[80];
            random.nextBytes(inputs[i]);
            // Keep scryptn at small N: times before Vertcoin's schedule starts.
            LittleEndian.writeInt32(inputs[i], 68, 1_389_000_000 + i);
            expected[i] = pow.hashHeader(inputs[i]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    byte[] out = new byte[32];
                    int checked = 0;
                    for (int round = 0; round < 3; round++) {
                        for (int i = 0; i < headers; i++) {
                            int k = (i + offset * 7) % headers;
                            pow.hashHeader(inputs[k], out);
                            assertArrayEquals(expected[k], out, name + " header " + k);
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(3 * headers, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
