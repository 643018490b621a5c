package io.poolkit.benchmarks;

import io.poolkit.pegnet.lxr.ByteMap;
import io.poolkit.pegnet.lxr.ByteMapCache;
import io.poolkit.pegnet.lxr.LxrHash;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PegNet's LXRHash, one thread: hashes per second of a share-sized input (32-byte OPR hash plus a 9-byte
 * prosper-miner nonce, the nonce counter changing every call) at 16 bits (64 KiB table, cache-resident) and at
 * 30 bits (PegNet's 1 GiB table, memory-mapped from the verified cache: build it first with
 * {@code poolkit pegnet table}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:+UseTransparentHugePages"})
public class LxrHashBenchmark {

    @Param({"16", "30"})
    int bits;

    private LxrHash lxr;
    private final byte[] oprHash = new byte[32];
    private final byte[] nonce = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 0, 0, 0, 0, 0};
    private int counter;

    @Setup
    public void setup() {
        ByteMap map = bits <= 24 ? ByteMap.generate(bits)
                : ByteMapCache.atDefaultLocation().cached(bits).orElseThrow(() -> new IllegalStateException(
                        "no cached " + bits + "-bit table: run `poolkit pegnet table --bits " + bits + "` first"));
        lxr = new LxrHash(map);
        for (int i = 0; i < 32; i++) {
            oprHash[i] = (byte) (i * 37 + 5);
        }
    }

    @Benchmark
    public long hashShare() {
        int c = counter++;
        nonce[5] = (byte) (c >>> 24);
        nonce[6] = (byte) (c >>> 16);
        nonce[7] = (byte) (c >>> 8);
        nonce[8] = (byte) c;
        return lxr.difficulty(oprHash, nonce);
    }

    /** Table generation, one shot per iteration (the 30-bit table's time is in the README, measured once). */
    @State(Scope.Thread)
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    @Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:+UseTransparentHugePages"})
    public static class Generation {

        @Param({"16", "20", "24"})
        int bits;

        @Benchmark
        public int generate() {
            return ByteMap.generate(bits).at(0);
        }
    }
}
