package io.poolkit.benchmarks;

import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.packetcrypt.ann.AnnCode;
import io.poolkit.packetcrypt.ann.AnnValidator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validation of a real mainnet v1 PacketCrypt announcement (parent block 497731, from
 * packetcrypt_rs's annhandler tests), the AnnHandler's hot path. The reference C validator does
 * about 3,200 per second on one thread of the project machine.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar AnnValidation -f 1 -wi 3 -i 5 -t 1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnnValidationBenchmark {

    static final String ANN_HEX =
            "01cd06000baf782100000220439807000000000000000000000000000000000000000000000000000000000000000000"
            + "00000000000000008a48028ff7d392a5dad2ecf812793d3d1f052053fe6947da093ab56ab2c7731fc7a0d07887b5e81c"
            + "099d7a8976e3927bb0161a6fdad11b3906d0022eb173e8f1fd979ddc2e7a8415a5576a5427e9cae65a6a7f06450b4cf0"
            + "b6cf7dc4a6096b4d64b1e9246aa4d5ac662502abbdb245e9600584c12469178ca8dea73edb0fcfa18f0eb776a40fe761"
            + "041711b1c22454d225e51e27c267ead7b89a35e77c8c1806eb3cf5c846a86c3fc79908119cd2cd23a23812c38cf30cc4"
            + "aec2fa24565db6c99302534cc0475b09c4544ba0cb1e68fc61cc7ff76da5b381becf4da233dbfe93f3b8736ca83d1474"
            + "1692a466a5d0a4d085f4324c9d7ba40d5052319086338d85eb98d2065297be9ec4e9dedc4b92417deb1fdcb7103b2d4c"
            + "65b779d30f02a6657887c623e2641ead0a8a8cb60cadb56e23984a32ce5d5581c6f0bceee3b6d70d8678a99d96a68fb4"
            + "48e04c542823469c431c1fb8ca17f50d52560f0eb2f83964f7c5e64313e63c179cac2d3381e39f272aecbc5e9859d75f"
            + "e9734544c9df32203ade078a17f9bf2e2cb8f1c8b1ca631f502fac1985bcd92e3e58dfec535992182fce953df7c6fd6b"
            + "8f31d78c4b7ec53e55135bf7a264d2217d1984a444bb421d42680a6ea9721b23d6dd937f6a0e1e102bfb50e6175425a8"
            + "0729643e49e1fa28882e5b790e14e1a9368a28e052ea0d46e29adb311b8291499ee0da03acd654677454b0f3410d1900"
            + "da31fe77b9b382ec6a3d25ad959b502d89855c908e59d7000c7104f175bb10055d3ad4a9557473d63878f9d8494bda01"
            + "a3688f1f1bfdf26d73acbe93cd8bc890bbd9b81cf915ad8fd52e7b5ee3f35cabe6da2b74345d541da0b38a940321ac67"
            + "d95e0cd0749644227da765a6d6319195f831cdda571e188fe01ac60e6218359d18cfed8aae4449011ee2d7bd0c637328"
            + "fdfb589434d564a53b26009c8c0b4d8a9bc99c3992378f7dd251d248217bbd0b1e5b9905cfdfabb0bec0bee677a5a65e"
            + "bb5cda542ae4076f6e0e4dba248639ce5861a7bca1748c4386941003d6375f0afa79b921982d4ce6857df031b66865db"
            + "723bf6068424e414da2714c9c31a0a5f8e2f16d673a5b11621158123414cf698ba85603c4be66b98c52df8ed0c58d7a0"
            + "3db7362c9589a258cb3217d7df2cd3ef8c12dd879af19cd55b2e392900969948217c404b1dec0abad3dab0e5195825d0"
            + "d3a5842ce5d181ce850a21b31041bd30bc4cac295da680057d83bdd67bf7c0ecc405c406c5a903cf67e0fd7ae128cca6"
            + "1a7dc56366de128f1a662779699490f926acbf5e79aad7e3f6f1a1c8a4f1ff4683c622154dac17ad9141c4b4b2a73393"
            + "4af0b24ff24f81ec9a16058f2fee88d4";
    static final String PARENT_DISPLAY = "255094b788fe98be51bafb4d941d507d4d5a949c751d1f68dfad0715215e1e48";

    private final AnnValidator validator = new AnnValidator();
    private byte[] ann;
    private byte[] parent;

    /** Per-thread output buffer, so threads do not share it. */
    @State(Scope.Thread)
    public static class Out {
        final byte[] workHash = new byte[32];
    }

    @Setup
    public void setup() {
        ann = Hex.decode(ANN_HEX);
        parent = Bytes.reversed(Hex.decode(PARENT_DISPLAY));
        if (validator.validate(ann, 0, parent, new byte[32]) != AnnCode.OK) {
            throw new IllegalStateException("the benchmark announcement does not validate");
        }
    }

    @Benchmark
    public AnnCode validateV1Ann(Out out) {
        return validator.validate(ann, 0, parent, out.workHash);
    }
}
