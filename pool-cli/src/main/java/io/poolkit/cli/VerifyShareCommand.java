package io.poolkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.pow.PowAlgorithm;
import io.poolkit.core.pow.PowAlgorithms;
import io.poolkit.core.target.CompactBits;
import io.poolkit.core.target.Target;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code poolkit verify-share}: does an 80-byte header meet a share target (and the block target)? */
@Command(name = "verify-share",
        header = "Check an 80-byte header against a share target and the network target.",
        mixinStandardHelpOptions = true,
        description = {"Hash an 80-byte block header with the algorithm's proof of work and check it against a",
            "share target (from --difficulty or --target) and, with --bits, the network target.",
            "Prints JSON {algo, hash (display order), target, shareOk, blockOk (with --bits)}.",
            "Exits 0 if the share meets its target, 1 if it does not, 2 on bad input."},
        footer = {"", "Example (Litecoin block 29255, a share of difficulty 1 and a block):",
            "  poolkit verify-share --algo scrypt --difficulty 1 --bits 1d018ea7 \\",
            "      --header 01000000f615f7ce3b4fc6b8f61e8f89aedb1d0852507650533a9e3b10b9bbcc30639f27\\",
            "9fcaa86746e1ef52d3edb3c4ad8259920d509bd073605c9bf1d59983752a6b06b817bb4ea78e011d012d59d4",
            "  {\"algo\":\"scrypt\",\"hash\":\"0000000110c8357966576df46f3b802ca897deb7ad18b12f1c24ecff6386ebd9\",",
            "   \"target\":\"0000ffff00000000000000000000000000000000000000000000000000000000\",\"shareOk\":true,\"blockOk\":true}"})
final class VerifyShareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--algo", required = true, paramLabel = "ALGO",
            description = "Proof of work: sha256d, scrypt, scryptn (N from the header time) or x11.")
    String algo;

    @Option(names = "--header", required = true, paramLabel = "HEX160", description = "The 80-byte header, hex, as serialized.")
    String header;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ShareTarget shareTarget;

    static final class ShareTarget {
        @Option(names = "--difficulty", paramLabel = "D",
                description = "Share difficulty; target = floor(diff1(algo) / D), exactly.")
        String difficulty;

        @Option(names = "--target", paramLabel = "HEX64", description = "Share target, 64 hex digits, big-endian.")
        String target;
    }

    @Option(names = "--bits", paramLabel = "HEX8", description = "Network target in compact form; adds blockOk.")
    String bits;

    @Override
    public Integer call() {
        PowAlgorithm pow = PowAlgorithms.byName(algo);
        byte[] headerBytes = Hex.decode(header.strip(), 80, "header");
        Target target = shareTarget.target != null
                ? Target.fromHex(shareTarget.target)
                : pow.difficultyScale().shareTarget(TargetCommand.parseDifficulty(shareTarget.difficulty));
        Target network = bits == null ? null : CompactBits.toTarget(CompactBits.parseHex(bits));

        byte[] hashLe = pow.hashHeader(headerBytes);
        boolean shareOk = target.isMetBy(hashLe);
        ObjectNode out = Json.object();
        out.put("algo", pow.name());
        out.put("hash", Hex.encode(Bytes.reversed(hashLe)));
        out.put("target", target.toHex());
        out.put("shareOk", shareOk);
        if (network != null) {
            out.put("blockOk", network.isMetBy(hashLe));
        }
        spec.commandLine().getOut().println(Json.line(out));
        return shareOk ? 0 : 1;
    }
}
