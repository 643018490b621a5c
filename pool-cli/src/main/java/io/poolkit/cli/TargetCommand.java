package io.poolkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.target.CompactBits;
import io.poolkit.core.target.DifficultyScale;
import io.poolkit.core.target.Target;
import java.math.BigDecimal;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code poolkit target}: convert between compact bits, 256-bit targets and difficulties. */
@Command(name = "target",
        header = "Convert between compact nBits, a 256-bit target and a difficulty.",
        mixinStandardHelpOptions = true,
        description = {"Convert between compact nBits, a 256-bit target and a difficulty, exactly.",
            "Prints JSON {algo, bits, target, difficulty}: target is 64 hex digits, big-endian; difficulty is",
            "diff1(algo) / target, where diff1 is 0x00000000FFFF<<208 for sha256d and x11 and 65536 times that for",
            "scrypt and scryptn (the pool share convention of cpuminer and the big pools). A share target from",
            "--difficulty is floor(diff1 / D) computed from D's decimal digits; bits of such a target are rounded down."},
        footer = {"", "Examples:",
            "  poolkit target --bits 1d00ffff",
            "  {\"algo\":\"sha256d\",\"bits\":\"1d00ffff\",\"target\":\"00000000ffff0000...0000\",\"difficulty\":1}",
            "  poolkit target --difficulty 0.001 --algo scrypt",
            "  poolkit target --target 00000000000404cb000000000000000000000000000000000000000000000000"})
final class TargetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--bits", paramLabel = "HEX", description = "Compact target, 8 hex digits (as in getblocktemplate).")
        String bits;

        @Option(names = "--target", paramLabel = "HEX", description = "Target, 64 hex digits, big-endian.")
        String target;

        @Option(names = "--difficulty", paramLabel = "D", description = "Share difficulty, a positive decimal number.")
        String difficulty;
    }

    @Option(names = "--algo", paramLabel = "ALGO", defaultValue = "sha256d",
            description = "Difficulty convention: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Algo algo;

    /** The algorithm families and their difficulty scales. */
    enum Algo {
        sha256d(DifficultyScale.BITCOIN), scrypt(DifficultyScale.SCRYPT), scryptn(DifficultyScale.SCRYPT),
        x11(DifficultyScale.BITCOIN);

        final DifficultyScale scale;

        Algo(DifficultyScale scale) {
            this.scale = scale;
        }
    }

    @Override
    public Integer call() {
        DifficultyScale scale = algo.scale;
        Target target;
        BigDecimal difficulty;
        if (input.bits != null) {
            target = CompactBits.toTarget(CompactBits.parseHex(input.bits));
            difficulty = target.value().signum() == 0 ? null : scale.difficultyOf(target);
        } else if (input.target != null) {
            target = Target.fromHex(input.target);
            difficulty = target.value().signum() == 0 ? null : scale.difficultyOf(target);
        } else {
            difficulty = parseDifficulty(input.difficulty);
            target = scale.shareTarget(difficulty);
        }
        ObjectNode out = Json.object();
        out.put("algo", algo.name());
        out.put("bits", CompactBits.toHex(CompactBits.fromTarget(target)));
        out.put("target", target.toHex());
        if (difficulty == null) {
            out.putNull("difficulty");
        } else {
            out.put("difficulty", difficulty.stripTrailingZeros());
        }
        spec.commandLine().getOut().println(Json.line(out));
        return 0;
    }

    static BigDecimal parseDifficulty(String text) {
        try {
            BigDecimal d = new BigDecimal(text.strip());
            if (d.signum() <= 0) {
                throw new IllegalArgumentException("difficulty must be positive, got " + text);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("difficulty must be a decimal number, got '" + text + "'");
        }
    }

}
