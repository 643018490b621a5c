package io.poolkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.address.Address;
import io.poolkit.core.address.AddressException;
import io.poolkit.core.address.Addresses;
import io.poolkit.core.address.Network;
import io.poolkit.core.address.Networks;
import io.poolkit.core.bytes.Hex;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code poolkit address}: derive, validate and decode addresses. */
@Command(name = "address",
        mixinStandardHelpOptions = true,
        description = "Derive, validate and decode addresses (Base58Check and Bech32/Bech32m).",
        subcommands = {AddressCommand.FromPubkey.class, AddressCommand.Validate.class, AddressCommand.Decode.class,
            AddressCommand.ListNetworks.class},
        footer = {"", "Examples:",
            "  poolkit address from-pubkey --network qtum-main 03eb7062...d41d6d",
            "  poolkit address validate --network bitcoin-main bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "  poolkit address decode QYScv2vMxceXdTSqNtkahU92GJrEtafVMR"})
final class AddressCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Network network(String name) {
        return Networks.byName(name);
    }

    @Command(name = "from-pubkey",
            mixinStandardHelpOptions = true,
            description = "Print the P2PKH address of a secp256k1 public key (compressed or uncompressed).",
            footer = {"", "Example:",
                "  poolkit address from-pubkey --network qtum-main \\",
                "      03eb7062315dd132fb1c6cea6b629be85e6df23f40adc284b83db3a7fdc3d41d6d",
                "  QYScv2vMxceXdTSqNtkahU92GJrEtafVMR"})
    static final class FromPubkey implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--network", required = true, paramLabel = "NAME",
                description = "Network name, e.g. bitcoin-main, qtum-main, qtum-testnet ('poolkit address networks' lists them).")
        String network;

        @Parameters(paramLabel = "PUBKEY_HEX", description = "33-byte (02/03...) or 65-byte (04...) public key in hex.")
        String publicKeyHex;

        @Override
        public Integer call() {
            byte[] key = Hex.decode(publicKeyHex.strip());
            spec.commandLine().getOut().println(Addresses.fromPublicKey(network(network), key).text());
            return 0;
        }
    }

    @Command(name = "validate",
            mixinStandardHelpOptions = true,
            description = {"Check that ADDRESS is a valid address of the network.",
                "Exits 0 if valid; otherwise prints the reason on stderr and exits 1."},
            footer = {"", "Example:",
                "  poolkit address validate --network qtum-main QPooLGGp2FodAN1PpqvB7iLNK7kD3gSeko",
                "  bad checksum in QPooLGGp2FodAN1PpqvB7iLNK7kD3gSeko (a mistyped or altered address)"})
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--network", required = true, paramLabel = "NAME", description = "Network name, e.g. qtum-main.")
        String network;

        @Parameters(paramLabel = "ADDRESS")
        String address;

        @Override
        public Integer call() {
            Network n = network(network);
            try {
                Address a = Addresses.parse(address, n);
                spec.commandLine().getOut().println(a.text() + ": valid " + a.kind().label() + " address of " + n.name());
                return 0;
            } catch (AddressException e) {
                spec.commandLine().getErr().println(e.getMessage() + " [" + e.reason().name().toLowerCase(java.util.Locale.ROOT) + "]");
                return 1;
            }
        }
    }

    @Command(name = "decode",
            mixinStandardHelpOptions = true,
            description = {"Decode ADDRESS and print JSON: the networks it is valid on, its kind, version,",
                "payload and output script. Networks can share a version byte with different meanings",
                "(0x3a is Qtum P2PKH and Litecoin-testnet P2SH): 'kind' and 'scriptHex' are those of the first",
                "network listed (P2PKH readings first), and 'matches' gives the kind on each network.",
                "Exits 1 with the reason on stderr if no network accepts it."},
            footer = {"", "Example:",
                "  poolkit address decode qcMT7Dtq6b1Ayg769nykCPCaeEnxkJw1Nf",
                "  {\"address\":\"qcMT7Dtq6b1Ayg769nykCPCaeEnxkJw1Nf\",\"networks\":[\"qtum-testnet\",\"qtum-signet\",",
                "   \"qtum-regtest\"],\"kind\":\"p2pkh\",\"version\":120,\"versionHex\":\"78\",",
                "   \"payloadHex\":\"ce28b26c57472737f5c3561a1761185bd8589a43\",\"scriptHex\":\"76a914...88ac\"}",
                "", "'poolkit address networks' lists the networks and their version bytes."})
    static final class Decode implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ADDRESS")
        String address;

        @Override
        public Integer call() {
            List<Address> matches;
            try {
                matches = Addresses.decodeAny(address);
            } catch (AddressException e) {
                spec.commandLine().getErr().println(e.getMessage() + " [" + e.reason().name().toLowerCase(java.util.Locale.ROOT) + "]");
                return 1;
            }
            matches = matches.stream().sorted(java.util.Comparator.comparing(Address::kind)).toList();
            Address first = matches.get(0);
            ObjectNode out = Json.object();
            out.put("address", first.text());
            ArrayNode networks = out.putArray("networks");
            matches.forEach(a -> networks.add(a.network().name()));
            out.put("kind", first.kind().label());
            out.put("encoding", first.isSegwit() ? (first.version() == 0 ? "bech32" : "bech32m") : "base58check");
            out.put("version", first.version());
            out.put("versionHex", String.format("%02x", first.version()));
            out.put("payloadHex", Hex.encode(first.payload()));
            out.put("scriptHex", Hex.encode(first.outputScript()));
            ArrayNode perNetwork = out.putArray("matches");
            for (Address a : matches) {
                perNetwork.addObject().put("network", a.network().name()).put("kind", a.kind().label());
            }
            spec.commandLine().getOut().println(Json.line(out));
            return 0;
        }
    }

    @Command(name = "networks",
            mixinStandardHelpOptions = true,
            description = "List the known networks: name, P2PKH, P2SH and WIF version bytes, Bech32 prefix.",
            footer = {"", "Example:", "  poolkit address networks | grep qtum"})
    static final class ListNetworks implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().printf("%-16s %-6s %-6s %-6s %s%n", "NETWORK", "P2PKH", "P2SH", "WIF", "BECH32");
            for (Network n : Networks.all()) {
                spec.commandLine().getOut().printf("%-16s 0x%02x   0x%02x   0x%02x   %s%n", n.name(), n.p2pkhVersion(),
                        n.p2shVersion(), n.wifVersion(), n.bech32Hrp().orElse("-"));
            }
            return 0;
        }
    }
}
