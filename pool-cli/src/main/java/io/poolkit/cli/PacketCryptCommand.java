package io.poolkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.target.CompactBits;
import io.poolkit.packetcrypt.ann.AnnCode;
import io.poolkit.packetcrypt.ann.AnnValidator;
import io.poolkit.packetcrypt.ann.Announcement;
import io.poolkit.packetcrypt.block.BlockCode;
import io.poolkit.packetcrypt.block.BlockResult;
import io.poolkit.packetcrypt.block.BlockValidator;
import io.poolkit.packetcrypt.block.CoinbaseCommit;
import io.poolkit.packetcrypt.block.PcpFormatException;
import io.poolkit.packetcrypt.block.SerializedBlock;
import io.poolkit.packetcrypt.difficulty.PcDifficulty;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code poolkit packetcrypt}: verify PacketCrypt announcements and block proofs, and the difficulty rules. */
@Command(name = "packetcrypt",
        header = "PacketCrypt (PKT): verifiers, and the pool roles master, ann, blk and paymaker.",
        mixinStandardHelpOptions = true,
        description = {"PacketCrypt (PKT) verifiers, bit-exact with the reference validators: announcements,",
            "block and share proofs, and the difficulty rules."},
        subcommands = {PacketCryptCommand.VerifyAnn.class, PacketCryptCommand.VerifyBlock.class,
            PacketCryptCommand.Difficulty.class, PacketCryptCommand.MasterRole.class, PacketCryptCommand.AnnRole.class,
            PacketCryptCommand.BlkRole.class, PacketCryptCommand.PayMakerRole.class},
        footer = {"", "Examples:",
            "  poolkit packetcrypt verify-ann --parent-hash 255094b7...215e1e48 ann.bin",
            "  poolkit packetcrypt verify-block --json-file pcp_block_vectors.json",
            "  poolkit packetcrypt difficulty degrade --ann-bits 20020000 --age 4",
            "  poolkit packetcrypt master --config pool.yml",
            "  poolkit packetcrypt ann --config pool.yml --index 0"})
final class PacketCryptCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static int bits(String hex, String what) {
        try {
            return CompactBits.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        }
    }

    /** A block hash as pktd's RPC and explorers print it (display order), returned in internal order. */
    static byte[] displayHash(String hex, String what) {
        return Bytes.reversed(Hex.decode(hex.strip(), 32, what));
    }

    @Command(name = "verify-ann",
            mixinStandardHelpOptions = true,
            description = {"Validate announcements against their parent block hash and print one",
                "JSON line each: {ok, code, annHash, workHash, workBits, parentHeight, version}.",
                "code is the reference's result: OK, INVAL, INVAL_ITEM4, INSUF_POW,",
                "SOFT_NONCE_HIGH, ANN_VERSION_NOT_ALLOWED or ANN_VERSION_MISMATCH. workHash is",
                "null when the hash loop did not complete; hashes are printed as the hash",
                "function produced them.",
                "Each argument is a file of 1024-byte announcements or the hex of whole",
                "announcements; with no argument (or '-') stdin is read, one hex announcement",
                "per line. Exits 0 if every announcement is valid, 1 if one is not, 2 on bad",
                "input."},
            footer = {"", "Example:",
                "  poolkit packetcrypt verify-ann --parent-hash \\",
                "      255094b788fe98be51bafb4d941d507d4d5a949c751d1f68dfad0715215e1e48 \\",
                "      ann_v1_497731.bin",
                "  {\"ok\":true,\"code\":\"OK\",\"annHash\":\"2684bd8f...\",",
                "   \"workHash\":\"2fe289e6...\",\"workBits\":\"20020000\",\"parentHeight\":497731,",
                "   \"version\":1}"})
    static final class VerifyAnn implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--parent-hash", required = true, paramLabel = "HEX",
                description = "The parent block's hash in display order, as pktd's RPC (getblockhash) and explorers print it.")
        String parentHash;

        @Parameters(paramLabel = "FILE|HEX", arity = "0..*",
                description = "Files of 1024-byte announcements, or announcements in hex; '-' or nothing reads hex lines from stdin.")
        List<String> inputs = new ArrayList<>();

        @Override
        public Integer call() {
            byte[] parent = displayHash(parentHash, "--parent-hash");
            AnnValidator validator = new AnnValidator();
            PrintWriter out = spec.commandLine().getOut();
            boolean allOk = true;
            if (inputs.isEmpty() || inputs.equals(List.of("-"))) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
                    String line;
                    int number = 0;
                    while ((line = in.readLine()) != null) {
                        number++;
                        String s = line.strip();
                        if (s.isEmpty() || s.startsWith("#")) {
                            continue;
                        }
                        byte[] ann = decodeAnns(s, "stdin line " + number);
                        allOk &= report(validator, ann, parent, out);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                for (String input : inputs) {
                    allOk &= report(validator, read(input), parent, out);
                }
            }
            out.flush();
            return allOk ? 0 : 1;
        }

        private static byte[] read(String input) {
            Path path = Path.of(input);
            if (Files.isRegularFile(path)) {
                try {
                    byte[] bytes = Files.readAllBytes(path);
                    if (bytes.length == 0 || bytes.length % Announcement.SIZE != 0) {
                        throw new IllegalArgumentException(input + " holds " + bytes.length
                                + " bytes, not a whole number of 1024-byte announcements");
                    }
                    return bytes;
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read " + input + ": " + e.getMessage());
                }
            }
            if (!Hex.isHex(input.strip())) {
                throw new IllegalArgumentException("'" + abbreviate(input) + "' is neither a file nor announcement hex");
            }
            return decodeAnns(input.strip(), "argument");
        }

        private static byte[] decodeAnns(String hex, String where) {
            byte[] bytes = Hex.decode(hex);
            if (bytes.length == 0 || bytes.length % Announcement.SIZE != 0) {
                throw new IllegalArgumentException(where + ": " + bytes.length
                        + " bytes, not a whole number of 1024-byte announcements (2048 hex digits each)");
            }
            return bytes;
        }

        private static String abbreviate(String s) {
            return s.length() > 40 ? s.substring(0, 37) + "..." : s;
        }

        /** Validates every announcement in {@code annBytes} and prints a line for each; true if all are OK. */
        private static boolean report(AnnValidator validator, byte[] annBytes, byte[] parent, PrintWriter out) {
            boolean allOk = true;
            byte[] work = new byte[32];
            for (int off = 0; off < annBytes.length; off += Announcement.SIZE) {
                Announcement ann = Announcement.of(annBytes, off);
                AnnCode code = validator.validate(annBytes, off, parent, work);
                ObjectNode o = Json.object();
                o.put("ok", code.isOk());
                o.put("code", code.name());
                o.put("annHash", Hex.encode(ann.hash()));
                if (code == AnnCode.OK || code == AnnCode.INSUF_POW) {
                    o.put("workHash", Hex.encode(work));
                } else {
                    o.putNull("workHash");
                }
                o.put("workBits", CompactBits.toHex(ann.workBits()));
                o.put("parentHeight", ann.parentHeight());
                o.put("version", ann.version());
                out.println(Json.line(o));
                allOk &= code.isOk();
            }
            return allOk;
        }
    }

    @Command(name = "verify-block",
            mixinStandardHelpOptions = true,
            description = {"Validate a block's or a share's PacketCrypt proof (PacketCrypt version 2",
                "rules) and print JSON {ok, code, powHash}. code is the reference's result:",
                "OK (a block), SHARE_OK, INSUF_POW, ANN_INVALID(i), ANN_INSUF_POW(i),",
                "ANN_SIG_INVALID(i), PCP_INVAL, PCP_MISMATCH or BAD_COINBASE; ok is true for",
                "OK and SHARE_OK. --pcp holds the proof entities as they follow the header",
                "in a block, ending with the end entity 0000, canonically encoded.",
                "--json-file reads the same fields from a JSON object shaped like a vector",
                "of pcp_block_vectors.json (header_hex, serialized_block_hex or pcp_hex,",
                "block_height, share_target, coinbase_commit_hex,",
                "ann_parent_hashes_internal_hex); a file with a \"vectors\" object checks",
                "each vector in turn, one line each.",
                "Exits 0 if every proof is ok, 1 if one is not, 2 on bad input."},
            footer = {"", "Examples:",
                "  poolkit packetcrypt verify-block --json-file pcp_block_vectors.json",
                "  {\"ok\":true,\"code\":\"SHARE_OK\",\"powHash\":\"edf82bd1...53820f00\"}",
                "  poolkit packetcrypt verify-block --header 00000020f620...00000000 \\",
                "      --pcp 01fd6c11...0000 --height 497735 --share-target 1f3ffffc \\",
                "      --coinbase-commit 09f91102...00000000 \\",
                "      --ann-parent-hashes HASH1,HASH2,HASH3,HASH4"})
    static final class VerifyBlock implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--header", paramLabel = "HEX", description = "The 80-byte block header.")
        String header;

        @Option(names = "--pcp", paramLabel = "HEX", description = "The proof entities after the header, end entity included.")
        String pcp;

        @Option(names = "--height", paramLabel = "N", description = "The height of the block being mined.")
        Long height;

        @Option(names = "--share-target", paramLabel = "BITS", description = "The pool's compact share target (default: none).")
        String shareTarget;

        @Option(names = "--coinbase-commit", paramLabel = "HEX",
                description = "The 48-byte PacketCrypt commitment from the coinbase (09f91102...).")
        String coinbaseCommit;

        @Option(names = "--ann-parent-hashes", paramLabel = "HEX,HEX,HEX,HEX", split = ",",
                description = "The four announcements' parent block hashes, display order (as pktd's RPC prints them).")
        List<String> annParentHashes;

        @Option(names = "--json-file", paramLabel = "FILE", description = "Read the fields from a JSON file instead.")
        Path jsonFile;

        @Override
        public Integer call() {
            BlockValidator validator = new BlockValidator();
            PrintWriter out = spec.commandLine().getOut();
            if (jsonFile != null) {
                if (header != null || pcp != null || height != null || shareTarget != null || coinbaseCommit != null
                        || annParentHashes != null) {
                    throw new IllegalArgumentException("--json-file replaces the other options; give one or the other");
                }
                JsonNode root;
                try {
                    root = JSON.readTree(jsonFile.toFile());
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read " + jsonFile + " as JSON: " + e.getMessage());
                }
                List<JsonNode> vectors = new ArrayList<>();
                if (root.has("vectors") && root.get("vectors").isObject()) {
                    Iterator<Map.Entry<String, JsonNode>> it = root.get("vectors").fields();
                    it.forEachRemaining(e -> vectors.add(e.getValue()));
                } else {
                    vectors.add(root);
                }
                boolean allOk = true;
                for (JsonNode v : vectors) {
                    BlockResult r = validateJson(validator, v);
                    print(out, r);
                    allOk &= r.ok();
                }
                return allOk ? 0 : 1;
            }
            require(header, "--header");
            require(pcp, "--pcp");
            require(height, "--height");
            require(coinbaseCommit, "--coinbase-commit");
            require(annParentHashes, "--ann-parent-hashes");
            if (annParentHashes.size() != 4) {
                throw new IllegalArgumentException("--ann-parent-hashes needs 4 hashes, got " + annParentHashes.size());
            }
            List<byte[]> parents = new ArrayList<>();
            for (String h : annParentHashes) {
                parents.add(displayHash(h, "--ann-parent-hashes"));
            }
            BlockResult r = validator.validateEncoded(Hex.decode(header.strip(), 80, "--header"), Hex.decode(pcp.strip()),
                    CoinbaseCommit.parseHex(coinbaseCommit), checkHeight(height),
                    shareTarget == null ? 0 : bits(shareTarget, "--share-target"), parents);
            print(out, r);
            return r.ok() ? 0 : 1;
        }

        private static void require(Object value, String option) {
            if (value == null) {
                throw new IllegalArgumentException("missing " + option + " (or give --json-file)");
            }
        }

        private static long checkHeight(long h) {
            if (h < 0 || h > 0xffffffffL) {
                throw new IllegalArgumentException("--height must be between 0 and 4294967295, got " + h);
            }
            return h;
        }

        private static void print(PrintWriter out, BlockResult r) {
            ObjectNode o = Json.object();
            o.put("ok", r.ok());
            o.put("code", r.label());
            Optional<String> pow = r.powHashHex();
            if (pow.isPresent()) {
                o.put("powHash", pow.get());
            } else {
                o.putNull("powHash");
            }
            out.println(Json.line(o));
        }

        private static String text(JsonNode v, String field) {
            JsonNode n = v.get(field);
            if (n == null || !n.isTextual()) {
                throw new IllegalArgumentException("JSON field '" + field + "' is missing or not a string");
            }
            return n.asText();
        }

        private static BlockResult validateJson(BlockValidator validator, JsonNode v) {
            byte[] headerBytes;
            byte[] entities;
            if (v.has("pcp_hex")) {
                headerBytes = Hex.decode(text(v, "header_hex"), 80, "header_hex");
                entities = Hex.decode(text(v, "pcp_hex"));
            } else if (v.has("serialized_block_hex")) {
                byte[] block = Hex.decode(text(v, "serialized_block_hex"));
                try {
                    SerializedBlock parsed = SerializedBlock.parse(block);
                    headerBytes = parsed.header();
                    entities = parsed.pcpEntities();
                } catch (PcpFormatException e) {
                    return new BlockResult(BlockCode.PCP_INVAL, -1, Optional.empty(), e.getMessage());
                }
                if (v.has("header_hex") && !Arrays.equals(headerBytes, Hex.decode(text(v, "header_hex")))) {
                    throw new IllegalArgumentException("header_hex differs from the header of serialized_block_hex");
                }
            } else if (v.has("blkhandler_submit_body")) {
                byte[] hap = Hex.decode(text(v.get("blkhandler_submit_body"), "header_and_proof"));
                if (hap.length < 80) {
                    throw new IllegalArgumentException("header_and_proof is shorter than a header");
                }
                headerBytes = Arrays.copyOf(hap, 80);
                entities = Bytes.concat(Arrays.copyOfRange(hap, 80, hap.length), new byte[2]);
            } else {
                throw new IllegalArgumentException("the JSON object has no pcp_hex, serialized_block_hex or blkhandler_submit_body");
            }
            JsonNode h = v.get("block_height");
            if (h == null || !h.canConvertToLong()) {
                throw new IllegalArgumentException("JSON field 'block_height' is missing or not a number");
            }
            String commit = v.has("coinbase_commit_hex") ? text(v, "coinbase_commit_hex")
                    : text(v.get("blkhandler_submit_body"), "coinbase_commit");
            int share = v.has("share_target") ? bits(text(v, "share_target"), "share_target") : 0;
            List<byte[]> parents = new ArrayList<>();
            if (v.has("ann_parent_hashes_internal_hex")) {
                v.get("ann_parent_hashes_internal_hex").forEach(p -> parents.add(
                        Hex.decode(p.asText(), 32, "ann_parent_hashes_internal_hex")));
            } else if (v.has("ann_parent_hashes_display_hex")) {
                v.get("ann_parent_hashes_display_hex").forEach(p -> parents.add(
                        displayHash(p.asText(), "ann_parent_hashes_display_hex")));
            } else {
                throw new IllegalArgumentException("the JSON object has no ann_parent_hashes_internal_hex");
            }
            if (parents.size() != 4) {
                throw new IllegalArgumentException("need 4 announcement parent hashes, got " + parents.size());
            }
            return validator.validateEncoded(headerBytes, entities, CoinbaseCommit.parseHex(commit),
                    checkHeight(h.asLong()), share, parents);
        }
    }

    @Command(name = "difficulty",
            mixinStandardHelpOptions = true,
            description = {"PacketCrypt difficulty rules in exact integer arithmetic. --pc-version",
                "selects the rules: 2 (the chain since height 122622, the default) or 1",
                "(the earlier rules)."},
            subcommands = {Difficulty.EffectiveTarget.class, Difficulty.Degrade.class, Difficulty.MinOk.class,
                Difficulty.SoftNonceMax.class, Difficulty.Work.class},
            footer = {"", "Examples:",
                "  poolkit packetcrypt difficulty effective-target --block-bits 1f0fffff \\",
                    "      --ann-min-bits 20200000 --ann-count 16",
                "  {\"effectiveTarget\":\"1f01c000\",\"pcVersion\":2}",
                "  poolkit packetcrypt difficulty degrade --ann-bits 20020000 --age 4",
                "  {\"agedTarget\":\"20040000\",\"usable\":true,\"pcVersion\":2}",
                "  poolkit packetcrypt difficulty min-ok --bits 207fffff",
                "  {\"ok\":true,\"pcVersion\":2}"})
    static final class Difficulty implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }

        static int version(int v) {
            if (v < 0 || v > 2) {
                throw new IllegalArgumentException("--pc-version must be 0, 1 or 2, got " + v);
            }
            return v;
        }

        @Command(name = "effective-target", mixinStandardHelpOptions = true,
                description = {"The effective target a block's work hash must meet: from the header target, the",
                    "least-work announcement target committed in the coinbase and the announcement count.",
                    "Prints {effectiveTarget, pcVersion}."},
                footer = {"", "Example:",
                    "  poolkit packetcrypt difficulty effective-target --block-bits 1f0fffff \\",
                    "      --ann-min-bits 20200000 --ann-count 16",
                    "  {\"effectiveTarget\":\"1f01c000\",\"pcVersion\":2}"})
        static final class EffectiveTarget implements Callable<Integer> {
            @Spec
            CommandSpec spec;

            @Option(names = "--block-bits", required = true, paramLabel = "BITS", description = "The header (or share) target.")
            String blockBits;

            @Option(names = "--ann-min-bits", required = true, paramLabel = "BITS",
                    description = "The highest aged announcement target of the set.")
            String annMinBits;

            @Option(names = "--ann-count", required = true, paramLabel = "N", description = "The number of announcements.")
            String annCount;

            @Option(names = "--pc-version", paramLabel = "V", defaultValue = "2", description = "Rules version (default: 2).")
            int pcVersion;

            @Override
            public Integer call() {
                long count;
                try {
                    count = Long.parseUnsignedLong(annCount.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--ann-count must be an unsigned 64-bit number, got '" + annCount + "'");
                }
                int v = version(pcVersion);
                ObjectNode o = Json.object();
                o.put("effectiveTarget", CompactBits.toHex(PcDifficulty.effectiveTarget(bits(blockBits, "--block-bits"),
                        bits(annMinBits, "--ann-min-bits"), count, v)));
                o.put("pcVersion", v);
                spec.commandLine().getOut().println(Json.line(o));
                return 0;
            }
        }

        @Command(name = "degrade", mixinStandardHelpOptions = true,
                description = {"The target an announcement is valued at AGE blocks after its parent block. Before 3",
                    "blocks, or once aging passes the easiest target, it is unusable (ffffffff).",
                    "Prints {agedTarget, usable, pcVersion}."},
                footer = {"", "Example:",
                    "  poolkit packetcrypt difficulty degrade --ann-bits 20020000 --age 4",
                    "  {\"agedTarget\":\"20040000\",\"usable\":true,\"pcVersion\":2}"})
        static final class Degrade implements Callable<Integer> {
            @Spec
            CommandSpec spec;

            @Option(names = "--ann-bits", required = true, paramLabel = "BITS", description = "The announcement's work bits.")
            String annBits;

            @Option(names = "--age", required = true, paramLabel = "N",
                    description = "Block height minus the announcement's parent height.")
            long age;

            @Option(names = "--pc-version", paramLabel = "V", defaultValue = "2", description = "Rules version (default: 2).")
            int pcVersion;

            @Override
            public Integer call() {
                if (age < 0 || age > 0xffffffffL) {
                    throw new IllegalArgumentException("--age must be between 0 and 4294967295, got " + age);
                }
                int v = version(pcVersion);
                int aged = PcDifficulty.agedAnnTarget(bits(annBits, "--ann-bits"), age, v);
                ObjectNode o = Json.object();
                o.put("agedTarget", CompactBits.toHex(aged));
                o.put("usable", aged != PcDifficulty.UNUSABLE);
                o.put("pcVersion", v);
                spec.commandLine().getOut().println(Json.line(o));
                return 0;
            }
        }

        @Command(name = "min-ok", mixinStandardHelpOptions = true,
                description = {"Whether a committed least-work announcement target is acceptable. Prints {ok, pcVersion};",
                    "exits 0 if it is, 1 if not."},
                footer = {"", "Example:",
                    "  poolkit packetcrypt difficulty min-ok --bits 20800000",
                    "  {\"ok\":false,\"pcVersion\":2}"})
        static final class MinOk implements Callable<Integer> {
            @Spec
            CommandSpec spec;

            @Option(names = "--bits", required = true, paramLabel = "BITS", description = "The committed target.")
            String target;

            @Option(names = "--pc-version", paramLabel = "V", defaultValue = "2", description = "Rules version (default: 2).")
            int pcVersion;

            @Override
            public Integer call() {
                int v = version(pcVersion);
                boolean ok = PcDifficulty.isMinAnnDiffOk(bits(target, "--bits"), v);
                ObjectNode o = Json.object();
                o.put("ok", ok);
                o.put("pcVersion", v);
                spec.commandLine().getOut().println(Json.line(o));
                return ok ? 0 : 1;
            }
        }

        @Command(name = "soft-nonce-max", mixinStandardHelpOptions = true,
                description = "The highest soft nonce a v1 announcement with these work bits may use. Prints {softNonceMax, hex}.",
                footer = {"", "Example:",
                    "  poolkit packetcrypt difficulty soft-nonce-max --bits 20020000",
                    "  {\"softNonceMax\":32767,\"hex\":\"007fff\"}"})
        static final class SoftNonceMax implements Callable<Integer> {
            @Spec
            CommandSpec spec;

            @Option(names = "--bits", required = true, paramLabel = "BITS", description = "The announcement's work bits.")
            String target;

            @Override
            public Integer call() {
                int max = PcDifficulty.softNonceMax(bits(target, "--bits"));
                ObjectNode o = Json.object();
                o.put("softNonceMax", max);
                o.put("hex", String.format("%06x", max));
                spec.commandLine().getOut().println(Json.line(o));
                return 0;
            }
        }

        @Command(name = "work", mixinStandardHelpOptions = true,
                description = "The expected hashes to meet a target: floor(2^256 / (target + 1)). Prints {work} as a decimal string.",
                footer = {"", "Example:",
                    "  poolkit packetcrypt difficulty work --bits 1f0fffff",
                    "  {\"work\":\"4096\"}"})
        static final class Work implements Callable<Integer> {
            @Spec
            CommandSpec spec;

            @Option(names = "--bits", required = true, paramLabel = "BITS", description = "A compact target.")
            String target;

            @Override
            public Integer call() {
                ObjectNode o = Json.object();
                o.put("work", PcDifficulty.workForBits(bits(target, "--bits")).toString());
                spec.commandLine().getOut().println(Json.line(o));
                return 0;
            }
        }
    }

    /** What the four pool roles share: the config file, an optional run time, the wait and the clean stop. */
    abstract static class RoleCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config", required = true, paramLabel = "FILE",
                description = "The pool's YAML config (the same file on every node).")
        Path config;

        @Option(names = "--seconds", paramLabel = "S", description = "Stop after S seconds (default: run until Ctrl-C).")
        Long seconds;

        abstract io.poolkit.packetcrypt.roles.RunningRole start(io.poolkit.packetcrypt.roles.PoolRoles roles)
                throws IOException;

        @Override
        public Integer call() throws Exception {
            io.poolkit.packetcrypt.config.PoolYaml cfg = io.poolkit.packetcrypt.config.PoolYaml.load(config);
            // The JDK HTTP server waits forever for a slow request unless told otherwise; a client
            // that stalls mid-request is cut after a minute (the long poll answers within 30 s).
            if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
                System.setProperty("sun.net.httpserver.maxReqTime", "60");
                System.setProperty("sun.net.httpserver.maxRspTime", "120");
            }
            io.poolkit.packetcrypt.roles.PoolRoles roles = new io.poolkit.packetcrypt.roles.PoolRoles(cfg, System::getenv,
                    java.time.Clock.systemUTC());
            PrintWriter out = spec.commandLine().getOut();
            java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);
            io.poolkit.packetcrypt.roles.RunningRole role = start(roles);
            // On SIGTERM the hook stops the role and waits for it, so accepted work is uploaded.
            java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
            Thread hook = new Thread(() -> {
                stop.countDown();
                try {
                    stopped.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "packetcrypt-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("started " + role.name() + " on " + role.baseUrl());
            out.flush();
            try {
                if (seconds == null) {
                    stop.await();
                } else {
                    stop.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                Object status = role.status();
                role.close();
                stopped.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: nothing to remove
                }
                out.println(JSON.writeValueAsString(status));
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "master", mixinStandardHelpOptions = true,
            description = {"Run the pool Master: follows the node (getbestblockhash, getrawblocktemplate) and serves",
                "/config.json, /work_<height>.bin (long poll on the next height), /bt_<height>.bin,",
                "/blkinfo_<hash>.json and /status."})
    static final class MasterRole extends RoleCommand {
        @Override
        io.poolkit.packetcrypt.roles.RunningRole start(io.poolkit.packetcrypt.roles.PoolRoles roles) throws IOException {
            return roles.master();
        }
    }

    @Command(name = "ann", mixinStandardHelpOptions = true,
            description = {"Run an AnnHandler: POST /submit of announcements, /anns/index.json, /anns/anns_*.bin,",
                "/status; uploads its pay log to the PayMaker."})
    static final class AnnRole extends RoleCommand {
        @Option(names = "--index", defaultValue = "0", paramLabel = "N",
                description = "Which entry of annHandlers this is (default: ${DEFAULT-VALUE}).")
        int index;

        @Override
        io.poolkit.packetcrypt.roles.RunningRole start(io.poolkit.packetcrypt.roles.PoolRoles roles) throws IOException {
            return roles.annHandler(index);
        }
    }

    @Command(name = "blk", mixinStandardHelpOptions = true,
            description = {"Run a BlkHandler: POST /submit of block shares (checkpcshare, submitblock), /status;",
                "uploads its pay log to the PayMaker."})
    static final class BlkRole extends RoleCommand {
        @Option(names = "--index", defaultValue = "0", paramLabel = "N",
                description = "Which entry of blkHandlers this is (default: ${DEFAULT-VALUE}).")
        int index;

        @Override
        io.poolkit.packetcrypt.roles.RunningRole start(io.poolkit.packetcrypt.roles.PoolRoles roles) throws IOException {
            return roles.blkHandler(index);
        }
    }

    @Command(name = "paymaker", mixinStandardHelpOptions = true,
            description = {"Run the PayMaker: POST /events (HTTP password), /whotopay, /stats, /status; every",
                "updateCycle seconds tells the node whom to pay (configureminingpayouts). Pay logs are",
                "kept in the ledger (payMaker.ledger) and replayed on start."})
    static final class PayMakerRole extends RoleCommand {
        @Override
        io.poolkit.packetcrypt.roles.RunningRole start(io.poolkit.packetcrypt.roles.PoolRoles roles) throws IOException {
            return roles.payMaker();
        }
    }
}
