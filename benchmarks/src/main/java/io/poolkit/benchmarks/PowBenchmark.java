package io.poolkit.benchmarks;

import io.poolkit.core.bytes.LittleEndian;
import io.poolkit.core.pow.ScryptPow;
import io.poolkit.core.pow.Sha256dMidstate;
import io.poolkit.core.pow.x11.X11;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.SCrypt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Proof-of-work hashing of 80-byte block headers with a changing nonce, one thread: our hashers
 * against what a JVM user would otherwise pick (the JDK's MessageDigest for SHA-256d, Bouncy
 * Castle's SCrypt.generate for scrypt). Scores are hashes per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PowBenchmark {

    private static final int NONCE_BATCH = 1024;

    private final byte[] header = new byte[80];
    private final byte[] out32 = new byte[32];
    private final byte[] batchOut = new byte[32 * NONCE_BATCH];
    private int nonce;
    private Sha256dMidstate midstate;
    private Sha256dMidstate.Workspace workspace;
    private MessageDigest sha256;
    private ScryptPow scrypt;
    private ScryptPow scryptN2048;
    private X11 x11;

    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        new Random(1).nextBytes(header);
        midstate = Sha256dMidstate.of(header);
        workspace = new Sha256dMidstate.Workspace();
        sha256 = MessageDigest.getInstance("SHA-256");
        scrypt = new ScryptPow(1024);
        scryptN2048 = new ScryptPow(2048);
        x11 = new X11();
    }

    private byte[] nextHeader() {
        LittleEndian.writeInt32(header, 76, nonce++);
        return header;
    }

    /** What a miner does: the midstate of the first 64 bytes, nonces scanned in batches. */
    @Benchmark
    @OperationsPerInvocation(NONCE_BATCH)
    public byte[] sha256dMidstateBatch() {
        midstate.hashNonces(header, nonce, NONCE_BATCH, batchOut, 0, workspace);
        nonce += NONCE_BATCH;
        return batchOut;
    }

    /** What a share checker does: one header at a time, through the midstate. */
    @Benchmark
    public byte[] sha256dMidstateSingle() {
        midstate.hashWithNonce(header, nonce++, out32, workspace);
        return out32;
    }

    /** Baseline: the JDK's SHA-256 twice over the whole header. */
    @Benchmark
    public byte[] sha256dJdkMessageDigest() {
        sha256.update(nextHeader());
        return sha256.digest(sha256.digest());
    }

    @Benchmark
    public byte[] scryptPoolkit() {
        scrypt.hash(nextHeader(), out32);
        return out32;
    }

    /** Baseline: Bouncy Castle's scrypt with the Litecoin PoW parameters. */
    @Benchmark
    public byte[] scryptBouncyCastle() {
        byte[] h = nextHeader();
        return SCrypt.generate(h, h, 1024, 1, 1, 32);
    }

    /** Vertcoin's scrypt-N at N = 2048 (its N during the scrypt-N era). */
    @Benchmark
    public byte[] scryptNPoolkitN2048() {
        scryptN2048.hash(nextHeader(), out32);
        return out32;
    }

    @Benchmark
    public byte[] x11Poolkit() {
        x11.hash(nextHeader(), 0, 80, out32, 0);
        return out32;
    }
}
