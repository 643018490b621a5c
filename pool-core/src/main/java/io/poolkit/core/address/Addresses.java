package io.poolkit.core.address;

import io.poolkit.core.address.AddressException.Reason;
import io.poolkit.core.bytes.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses, validates and builds addresses for the networks of {@link Networks} (or any other
 * {@link Network}). Errors are {@link AddressException}s that say what was wrong: bad character,
 * bad length, bad checksum, or an address of another network.
 */
public final class Addresses {

    private Addresses() {
    }

    /** The P2PKH address of a public key (compressed or uncompressed; validated first). */
    public static Address fromPublicKey(Network network, byte[] publicKey) {
        PublicKeys.validate(publicKey);
        return p2pkh(network, PublicKeys.hash160(publicKey));
    }

    public static Address p2pkh(Network network, byte[] hash160) {
        return legacy(network, AddressKind.P2PKH, network.p2pkhVersion(), hash160);
    }

    public static Address p2sh(Network network, byte[] scriptHash160) {
        return legacy(network, AddressKind.P2SH, network.p2shVersion(), scriptHash160);
    }

    /** A segwit address; the version and program must satisfy BIP141/BIP350. */
    public static Address segwit(Network network, int witnessVersion, byte[] program) {
        String hrp = network.bech32Hrp().orElseThrow(() -> new AddressException(Reason.WRONG_NETWORK,
                network.name() + " has no segwit addresses"));
        AddressKind kind = SegwitCodec.kindOf(witnessVersion, program);
        return new Address(network, kind, witnessVersion, program, SegwitCodec.encode(hrp, witnessVersion, program));
    }

    /** Parses {@code text} as an address of {@code network}, or says why it is not one. */
    public static Address parse(String text, Network network) {
        String trimmed = text.strip();
        Optional<String> hrp = SegwitCodec.humanReadablePart(trimmed);
        if (hrp.isPresent() && network.bech32Hrp().isPresent() && hrp.get().equals(network.bech32Hrp().get())) {
            SegwitCodec.Decoded decoded = SegwitCodec.decode(trimmed);
            return segwit(network, decoded.witnessVersion(), decoded.program());
        }
        if (hrp.isPresent() && SegwitCodec.isChecksumValid(trimmed)) {
            List<String> owners = new ArrayList<>();
            for (Network n : Networks.all()) {
                if (n.bech32Hrp().equals(hrp)) {
                    owners.add(n.name());
                }
            }
            throw new AddressException(Reason.WRONG_NETWORK, "address " + abbreviate(trimmed) + " is a segwit address for "
                    + (owners.isEmpty() ? "prefix '" + hrp.get() + "'" : String.join("/", owners))
                    + ", not " + network.name());
        }
        byte[] payload = Base58.decodeChecked(trimmed);
        if (payload.length != 21) {
            throw new AddressException(Reason.BAD_LENGTH, "address " + abbreviate(trimmed) + " holds " + payload.length
                    + " bytes; a P2PKH or P2SH address holds 21 (version + 20-byte hash)");
        }
        int version = payload[0] & 0xff;
        byte[] hash = Bytes.slice(payload, 1, 20);
        if (version == network.p2pkhVersion()) {
            return p2pkh(network, hash);
        }
        if (version == network.p2shVersion()) {
            return p2sh(network, hash);
        }
        throw new AddressException(Reason.WRONG_NETWORK, "address " + abbreviate(trimmed) + " has version byte "
                + String.format("0x%02x", version) + ownersOfVersion(version) + ", not one of " + network.name()
                + String.format(" (P2PKH 0x%02x, P2SH 0x%02x)", network.p2pkhVersion(), network.p2shVersion()));
    }

    /** True if {@code text} is a valid address of {@code network}. */
    public static boolean isValid(String text, Network network) {
        try {
            parse(text, network);
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    /**
     * Every reading of {@code text} as an address of a known network (several networks share
     * version bytes). If there is none, throws the error that explains why.
     */
    public static List<Address> decodeAny(String text) {
        List<Address> matches = new ArrayList<>();
        AddressException first = null;
        for (Network network : Networks.all()) {
            try {
                matches.add(parse(text, network));
            } catch (AddressException e) {
                if (first == null || (first.reason() == Reason.WRONG_NETWORK && e.reason() != Reason.WRONG_NETWORK)) {
                    first = e;
                }
            }
        }
        if (matches.isEmpty()) {
            throw unknownNetworkOr(text, first);
        }
        return matches;
    }

    private static AddressException unknownNetworkOr(String text, AddressException first) {
        if (first != null && first.reason() == Reason.WRONG_NETWORK) {
            return new AddressException(Reason.WRONG_NETWORK, "address " + abbreviate(text.strip())
                    + " is well formed but belongs to no known network");
        }
        return first;
    }

    private static Address legacy(Network network, AddressKind kind, int version, byte[] hash160) {
        if (hash160.length != 20) {
            throw new AddressException(Reason.BAD_LENGTH, kind.label() + " hash must be 20 bytes, got " + hash160.length);
        }
        String text = Base58.encodeChecked(Bytes.concat(new byte[] {(byte) version}, hash160));
        return new Address(network, kind, version, hash160, text);
    }

    private static String ownersOfVersion(int version) {
        List<String> owners = new ArrayList<>();
        for (Network n : Networks.all()) {
            if (n.p2pkhVersion() == version || n.p2shVersion() == version) {
                owners.add(n.name());
            }
        }
        return owners.isEmpty() ? "" : " (used by " + String.join(", ", owners) + ")";
    }

    /** Addresses in messages are shown whole unless absurdly long (hostile input). */
    static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 60) + "...(" + text.length() + " characters)";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
