package io.poolkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.crypto.HnSignatures;
import io.poolkit.hn.crypto.PosAddress;
import io.poolkit.hn.crypto.PosNetwork;
import io.poolkit.hn.round.RoundClock;
import io.poolkit.hn.round.RoundSlot;
import io.poolkit.hn.schedule.ConnectTo;
import io.poolkit.hn.schedule.ForgerSchedule;
import io.poolkit.hn.schedule.ForgerSlot;
import io.poolkit.hn.schedule.Peer;
import io.poolkit.hn.schedule.PeerTest;
import io.poolkit.hn.schedule.ScheduleParameters;
import io.poolkit.hn.schedule.TestSlots;
import io.poolkit.hn.schedule.Ticket;
import io.poolkit.hn.schedule.Tickets;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code poolkit hn}: Bismuth hypernode rounds, schedules, PoS addresses and signatures. */
@Command(name = "hn",
        header = "Bismuth hypernode round clock, schedule, connect_to, PoS addresses and signatures.",
        mixinStandardHelpOptions = true,
        description = {"Everything is computed exactly as the reference hypernode (beta99 branch) computes it, so the "
                + "results agree bit for bit with every other hypernode."},
        subcommands = {HnCommand.Round.class, HnCommand.Schedule.class, HnCommand.ConnectToCommand.class,
            HnCommand.Address.class, HnCommand.Verify.class},
        footer = {"", "Examples:",
            "  poolkit hn round 1700000000",
            "  poolkit hn schedule --peers peers.json \\",
            "      --ref-hash 87d5ad9988b88dda92aa988267e30c89479fc2d2",
            "  poolkit hn connect-to --peers peers.json --round 7186 \\",
            "      --address BLYkQwGZmwjsh7DY6HmuNBpTbqoRqX14ne",
            "  poolkit hn address f3b1f659...be42ee29"})
final class HnCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static final String PEERS_HELP = "JSON file: {\"active_peers\": [...], \"all_peers\": [...]} or one array used "
            + "as both; each peer is a tuple [pos_address, ip, port, weight, pow_address, reward_address] in "
            + "registration order (pow and reward may be left out).";

    @Command(name = "round",
            mixinStandardHelpOptions = true,
            description = {"Print the round and slot of a timestamp, or a round's start and reference time.",
                "With TIMESTAMP (unix seconds, a fraction allowed) it prints 'ROUND SLOT'. With --round R it "
                    + "prints 'START REFERENCE': the round's start and its PoW reference timestamp, which is the "
                    + "start of the previous round.",
                "Round 0 starts at 1534716000 and rounds last 3600 s: 19 forging slots of 180 s (0 to 18) and "
                    + "the closing slot 19. Timestamps before 1534716000 give negative rounds."},
            footer = {"", "Examples:",
                "  poolkit hn round 1700000000",
                "  45912 4",
                "  poolkit hn round --round 7186",
                "  1560585600 1560582000"})
    static final class Round implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Input input;

        static final class Input {
            @Parameters(paramLabel = "TIMESTAMP", description = "Unix time in seconds, e.g. 1700000000 or 1534716000.5.")
            String timestamp;

            @Option(names = "--round", paramLabel = "R", description = "Print this round's start and reference timestamps.")
            Long round;
        }

        @Override
        public Integer call() {
            if (input.round != null) {
                long r = input.round;
                spec.commandLine().getOut().println(RoundClock.roundStart(r) + " " + RoundClock.referenceTimestamp(r));
            } else {
                RoundSlot rs = RoundClock.roundSlot(parseTimestamp(input.timestamp));
                spec.commandLine().getOut().println(rs.round() + " " + rs.slot());
            }
            return 0;
        }

        static long parseTimestamp(String text) {
            try {
                return new BigDecimal(text.strip()).setScale(0, RoundingMode.FLOOR).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("timestamp must be unix seconds (a decimal number), got '" + text + "'");
            }
        }
    }

    @Command(name = "schedule",
            mixinStandardHelpOptions = true,
            description = {"Print a round's tickets, forgers and tests as JSON.",
                "Prints {\"tickets\", \"slots\", \"test_slots\"} on one line: the tickets of the active peers "
                    + "[pos_address, ticket_id, hash_hex] in creation order; the forger of each of the 19 slots "
                    + "[pos_address, ticket_id], the tickets closest to the reference hash (ties keep ticket "
                    + "order); and each slot's tests [tester, tested, type], drawn over all peers except the "
                    + "slot's forger. The reference hash of round R is the hash of the last block of round R-1.",
                "--peers: " + PEERS_HELP},
            footer = {"", "Example:",
                "  poolkit hn schedule --peers peers.json \\",
                "      --ref-hash 87d5ad9988b88dda92aa988267e30c89479fc2d2",
                "  {\"tickets\":[[\"BLYkQw...14ne\",0,\"23f3e9ce...0614\"],...],",
                "   \"slots\":[[\"BLYkQw...14ne\",6],...],",
                "   \"test_slots\":[[[\"BMSMNN...C3CV\",\"B8stX3...JViC\",3],...],...]}"})
    static final class Schedule implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--peers", required = true, paramLabel = "PEERS.json", description = "The peers (see above).")
        Path peers;

        @Option(names = "--ref-hash", required = true, paramLabel = "HEX", description = "The round's reference hash, 20 bytes hex.")
        String refHash;

        @Option(names = "--tests-per-slot", paramLabel = "N", defaultValue = "8",
                description = "Tests drawn per slot (default: ${DEFAULT-VALUE}, as beta99; master used 10).")
        int testsPerSlot;

        @Override
        public Integer call() {
            if (testsPerSlot < 0) {
                throw new IllegalArgumentException("--tests-per-slot must not be negative, got " + testsPerSlot);
            }
            PeersFile file = PeersFile.read(peers);
            ImmutableBytes reference = ImmutableBytes.fromHex(refHash.strip(), ForgerSchedule.HASH_BYTES, "--ref-hash");
            List<Ticket> tickets = Tickets.issue(file.active());
            List<ForgerSlot> forgers = ForgerSchedule.forgers(tickets, reference);
            List<List<PeerTest>> tests = TestSlots.plan(file.all().stream().map(Peer::posAddress).toList(), forgers,
                    reference, testsPerSlot);

            ObjectNode out = Json.object();
            ArrayNode ticketsJson = out.putArray("tickets");
            tickets.forEach(t -> ticketsJson.addArray().add(t.posAddress()).add(t.id()).add(t.hash().hex()));
            ArrayNode slotsJson = out.putArray("slots");
            forgers.forEach(f -> slotsJson.addArray().add(f.posAddress()).add(f.ticketId()));
            ArrayNode testsJson = out.putArray("test_slots");
            for (List<PeerTest> slot : tests) {
                ArrayNode slotJson = testsJson.addArray();
                slot.forEach(t -> slotJson.addArray().add(t.tester()).add(t.tested()).add(t.type()));
            }
            spec.commandLine().getOut().println(Json.line(out));
            return 0;
        }
    }

    @Command(name = "connect-to",
            mixinStandardHelpOptions = true,
            description = {"Print the peers a hypernode connects to in a round, one address per line.",
                "All peers but ADDRESS, shuffled by CPython's random seeded with the text ADDRESS followed by R, "
                    + "the first MAX kept.",
                "--peers: " + PEERS_HELP + " connect_to draws from all_peers."},
            footer = {"", "Example:",
                "  poolkit hn connect-to --peers peers.json --round 7186 \\",
                "      --address BLYkQwGZmwjsh7DY6HmuNBpTbqoRqX14ne",
                "  BMSMNNzB9qdDp1vudRZoge4BUZ1gCUC3CV",
                "  ..."})
    static final class ConnectToCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--peers", required = true, paramLabel = "PEERS.json", description = "The peers (see above).")
        Path peers;

        @Option(names = "--round", required = true, paramLabel = "R", description = "The round.")
        long round;

        @Option(names = "--address", required = true, paramLabel = "POS_ADDRESS",
                description = "The hypernode that connects (it need not be in the list).")
        String address;

        @Option(names = "--max", paramLabel = "N", defaultValue = "40",
                description = "Most peers to keep (default: ${DEFAULT-VALUE}, as beta99; master used 25).")
        int max;

        @Override
        public Integer call() {
            if (max < 0) {
                throw new IllegalArgumentException("--max must not be negative, got " + max);
            }
            for (Peer p : ConnectTo.choose(PeersFile.read(peers).all(), round, address.strip(), max)) {
                spec.commandLine().getOut().println(p.posAddress());
            }
            return 0;
        }
    }

    @Command(name = "address",
            mixinStandardHelpOptions = true,
            description = {"Print the PoS address of a public key.",
                "The address is Base58 of the network byte (0x19 mainnet 'B...', 0x55 testnet 'b...'), the "
                    + "20-byte BLAKE2b of the key and a 4-byte BLAKE2b checksum. The key is 64 bytes, x then y, "
                    + "without the 04 prefix; other lengths are hashed as given, as the reference does."},
            footer = {"", "Example:",
                "  poolkit hn address f3b1f659...be42ee29          (the 128 hex digits of x||y)",
                "  BPJ8Su4F8EyBxLqyzhrKToC91aAvnchKmQ"})
    static final class Address implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PUBKEY_HEX", description = "The public key in hex.")
        String publicKeyHex;

        @Option(names = "--testnet", description = "Testnet address (0x55) instead of mainnet (0x19).")
        boolean testnet;

        @Override
        public Integer call() {
            byte[] key = Hex.decode(publicKeyHex.strip());
            if (key.length == 0) {
                throw new IllegalArgumentException("the public key is empty");
            }
            PosNetwork network = testnet ? PosNetwork.TESTNET : PosNetwork.MAINNET;
            spec.commandLine().getOut().println(PosAddress.fromPublicKey(key, network).text());
            return 0;
        }
    }

    @Command(name = "verify",
            mixinStandardHelpOptions = true,
            description = {"Check an HN signature; prints 'valid' (exit 0) or 'invalid' (exit 1).",
                "The scheme is ECDSA secp256k1 over SHA-1(MESSAGE), with the signature as r||s (64 bytes) and the "
                    + "public key as x||y (64 bytes); a high s is accepted, as the reference accepts it. For a "
                    + "transaction the message is its raw bytes (timestamp, sender, recipient, what, params, "
                    + "value); for a block, its height, round, sir, timestamp, txids and previous hash."},
            footer = {"", "Example:",
                "  poolkit hn verify --pubkey 8df72a18...00c98bae --sig c58f487e...9faa4791 \\",
                "      --message 5d18b5bd...00001c12",
                "  valid"})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--pubkey", required = true, paramLabel = "HEX", description = "Public key, 64 bytes hex.")
        String publicKey;

        @Option(names = "--sig", required = true, paramLabel = "HEX", description = "Signature r||s, 64 bytes hex.")
        String signature;

        @Option(names = "--message", required = true, paramLabel = "HEX", description = "The signed bytes, hex.")
        String message;

        @Override
        public Integer call() {
            byte[] key = Hex.decode(publicKey.strip(), HnSignatures.PUBLIC_KEY_BYTES, "--pubkey");
            byte[] sig = Hex.decode(signature.strip(), HnSignatures.SIGNATURE_BYTES, "--sig");
            byte[] msg = Hex.decode(message.strip());
            boolean valid = HnSignatures.verify(key, msg, sig);
            spec.commandLine().getOut().println(valid ? "valid" : "invalid");
            return valid ? 0 : 1;
        }
    }

    /** The PEERS.json file: active and all peers in the reference's tuple layout. */
    record PeersFile(List<Peer> active, List<Peer> all) {

        private static final ObjectMapper MAPPER = new ObjectMapper();

        static PeersFile read(Path path) {
            JsonNode root;
            try {
                root = MAPPER.readTree(Files.readString(path));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read peers file " + path + ": " + e.getMessage());
            }
            if (root == null) {
                throw new IllegalArgumentException("peers file " + path + " is empty");
            }
            if (root.isArray()) {
                List<Peer> peers = peers(root, path + "");
                return new PeersFile(peers, peers);
            }
            if (root.isObject() && root.has("active_peers")) {
                List<Peer> active = peers(root.get("active_peers"), path + " active_peers");
                List<Peer> all = root.has("all_peers") ? peers(root.get("all_peers"), path + " all_peers") : active;
                return new PeersFile(active, all);
            }
            throw new IllegalArgumentException("peers file " + path
                    + " must be an array of peers or an object with \"active_peers\" (and \"all_peers\")");
        }

        private static List<Peer> peers(JsonNode array, String where) {
            if (array == null || !array.isArray()) {
                throw new IllegalArgumentException(where + " must be an array of peer tuples");
            }
            List<Peer> peers = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode t = array.get(i);
                if (!t.isArray() || t.size() < 4 || !t.get(0).isTextual() || !t.get(3).canConvertToInt()
                        || !t.get(3).isIntegralNumber()) {
                    throw new IllegalArgumentException(where + " peer " + i + " must be [pos_address, ip, port, weight"
                            + ", pow_address, reward_address] with an integer weight, got " + t);
                }
                peers.add(new Peer(t.get(0).asText(), t.get(1).asText(), t.get(2).asText(), t.get(3).asInt(),
                        t.path(4).asText(""), t.path(5).asText("")));
            }
            return peers;
        }
    }
}
