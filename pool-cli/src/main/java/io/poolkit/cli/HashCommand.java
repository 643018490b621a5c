package io.poolkit.cli;

import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.bytes.LittleEndian;
import io.poolkit.core.pow.Scrypt;
import io.poolkit.core.pow.ScryptNFactor;
import io.poolkit.core.pow.Sha256d;
import io.poolkit.core.pow.x11.Hash512;
import io.poolkit.core.pow.x11.X11;
import io.poolkit.core.pow.x11.X11Primitives;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code poolkit hash}: hash hex inputs with a proof-of-work function or one of the X11 primitives. */
@Command(name = "hash",
        header = "Hash hex inputs with a proof-of-work function or an X11 primitive.",
        mixinStandardHelpOptions = true,
        description = {"Hash each HEX input and print the lowercase hex output, one line per input, in the byte order",
            "the function produces (--reverse for display order). With no HEX arguments, reads one hex input",
            "per line from standard input until EOF (batch mode; blank lines are skipped).",
            "ALGO: sha256d scrypt scryptn x11 blake512 bmw512 groestl512 skein512 jh512 keccak512 luffa512",
            "cubehash512 shavite512 simd512 echo512 lxr.",
            "lxr is PegNet's LXRHash (seed 0xFAFAECECFAFAECEC, 5 passes, 32 bytes) over a --bits N map (default 30:",
            "the 1 GiB table, taken from the verified cache in ~/.cache/poolkit/lxrhash or built there once).",
            "scrypt is the general KDF: defaults are the proof-of-work parameters (N=1024, r=1, p=1, 32 bytes)",
            "with the input as salt. scryptn takes --nfactor or --time, or reads the time from an 80-byte header."},
        footer = {"", "Examples:",
            "  poolkit hash sha256d 0100000000000000...1dac2b7c --reverse",
            "  poolkit hash x11 616263",
            "  poolkit hash lxr --bits 16 666f6f",
            "  poolkit hash scrypt --n 16 --r 1 --p 1 --salt '' --dklen 64 ''",
            "  cat headers.txt | poolkit hash scrypt > pow.txt"})
final class HashCommand implements Callable<Integer> {

    /** Longest accepted input line in batch mode, in hex digits (64 MiB of data). */
    private static final int MAX_LINE = 128 << 20;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ALGO", description = "The function.")
    String algo;

    @Parameters(index = "1..*", paramLabel = "HEX", description = "Inputs in hex (none: read lines from stdin).")
    List<String> inputs = List.of();

    @Option(names = "--reverse", description = "Print the output reversed (display order, as explorers show hashes).")
    boolean reverse;

    @Option(names = "--bits", paramLabel = "N", description = "lxr: map size in bits, 8..30 (default 30).")
    Integer bits;

    @Option(names = "--n", paramLabel = "N", description = "scrypt: CPU/memory cost, a power of 2 (default 1024).")
    Integer n;

    @Option(names = "--r", paramLabel = "R", description = "scrypt: block size (default 1).")
    Integer r;

    @Option(names = "--p", paramLabel = "P", description = "scrypt: parallelization (default 1).")
    Integer p;

    @Option(names = "--salt", paramLabel = "HEX", description = "scrypt: salt in hex (default: the input itself).")
    String salt;

    @Option(names = "--dklen", paramLabel = "BYTES", description = "scrypt: output length (default 32).")
    Integer dkLen;

    @Option(names = "--nfactor", paramLabel = "NF", description = "scryptn: N = 2^(NF+1).")
    Integer nFactor;

    @Option(names = "--time", paramLabel = "UNIX", description = "scryptn: N from this time (Vertcoin's schedule).")
    Long time;

    @Override
    public Integer call() throws IOException {
        UnaryOperator<byte[]> function = function();
        PrintWriter out = spec.commandLine().getOut();
        if (!inputs.isEmpty()) {
            for (String hex : inputs) {
                out.println(render(function.apply(Hex.decode(hex.strip()))));
            }
            return 0;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        String line;
        int lineNumber = 0;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            String hex = line.strip();
            if (hex.isEmpty()) {
                continue;
            }
            if (hex.length() > MAX_LINE) {
                throw new IllegalArgumentException("line " + lineNumber + ": input longer than " + MAX_LINE + " hex digits");
            }
            byte[] input;
            try {
                input = Hex.decode(hex);
            } catch (IllegalArgumentException e) {
                out.flush();
                throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage());
            }
            out.println(render(function.apply(input)));
        }
        return 0;
    }

    private String render(byte[] digest) {
        return Hex.encode(reverse ? Bytes.reversed(digest) : digest);
    }

    private UnaryOperator<byte[]> function() {
        boolean scryptOptions = n != null || r != null || p != null || salt != null || dkLen != null;
        if (scryptOptions && !algo.equals("scrypt")) {
            throw new IllegalArgumentException("--n, --r, --p, --salt and --dklen apply to scrypt only");
        }
        if ((nFactor != null || time != null) && !algo.equals("scryptn")) {
            throw new IllegalArgumentException("--nfactor and --time apply to scryptn only");
        }
        if (bits != null && !algo.equals("lxr")) {
            throw new IllegalArgumentException("--bits applies to lxr only");
        }
        switch (algo) {
            case "lxr": {
                io.poolkit.pegnet.lxr.LxrHash lxr = LxrTables.hasher(bits == null
                        ? io.poolkit.pegnet.lxr.ByteMap.PEGNET_BITS : bits);
                return lxr::hash;
            }
            case "sha256d":
                return Sha256d::hash;
            case "x11": {
                X11 x11 = new X11();
                return x11::hash;
            }
            case "scrypt": {
                byte[] saltBytes = salt == null ? null : Hex.decode(salt.strip());
                int cost = n == null ? 1024 : n;
                int blockSize = r == null ? 1 : r;
                int parallel = p == null ? 1 : p;
                int length = dkLen == null ? 32 : dkLen;
                Scrypt.checkParameters(cost, blockSize, parallel, length, Scrypt.DEFAULT_MAX_MEMORY_BYTES);
                return input -> Scrypt.scrypt(input, saltBytes == null ? input : saltBytes, cost, blockSize, parallel, length);
            }
            case "scryptn": {
                if (nFactor != null && time != null) {
                    throw new IllegalArgumentException("give --nfactor or --time, not both");
                }
                if (nFactor != null && (nFactor < 0 || nFactor > 29)) {
                    throw new IllegalArgumentException("--nfactor must be 0..29");
                }
                return input -> {
                    int cost;
                    if (nFactor != null) {
                        cost = 1 << (nFactor + 1);
                    } else if (time != null) {
                        cost = ScryptNFactor.n(time);
                    } else if (input.length == 80) {
                        cost = ScryptNFactor.n(LittleEndian.readUint32(input, 68));
                    } else {
                        throw new IllegalArgumentException("scryptn needs --nfactor or --time for inputs that are not"
                                + " 80-byte headers");
                    }
                    return Scrypt.scrypt(input, input, cost, 1, 1, 32);
                };
            }
            default: {
                Hash512 h = X11Primitives.create(algo).orElseThrow(() -> new IllegalArgumentException("unknown ALGO '"
                        + algo + "'; one of sha256d scrypt scryptn x11 lxr " + String.join(" ", X11Primitives.names())));
                return h::hash;
            }
        }
    }
}
