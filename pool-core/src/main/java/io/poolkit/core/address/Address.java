package io.poolkit.core.address;

import io.poolkit.core.bytes.Bytes;
import java.util.Arrays;
import java.util.Objects;

/**
 * A validated address of one network: its kind, its version (the Base58Check version byte, or the
 * witness version for segwit) and its payload (the 20-byte hash, or the witness program). Immutable;
 * build one with {@link Addresses}.
 */
public final class Address {

    private final Network network;
    private final AddressKind kind;
    private final int version;
    private final byte[] payload;
    private final String text;

    Address(Network network, AddressKind kind, int version, byte[] payload, String text) {
        this.network = Objects.requireNonNull(network);
        this.kind = Objects.requireNonNull(kind);
        this.version = version;
        this.payload = payload.clone();
        this.text = Objects.requireNonNull(text);
    }

    public Network network() {
        return network;
    }

    public AddressKind kind() {
        return kind;
    }

    /** True for bech32/bech32m addresses. */
    public boolean isSegwit() {
        return kind != AddressKind.P2PKH && kind != AddressKind.P2SH;
    }

    /** The Base58Check version byte (0..255) or, for segwit, the witness version (0..16). */
    public int version() {
        return version;
    }

    /** The hash160 (P2PKH, P2SH) or the witness program (segwit); a copy. */
    public byte[] payload() {
        return payload.clone();
    }

    /** The canonical text: Base58Check, or lower-case Bech32/Bech32m. */
    public String text() {
        return text;
    }

    /** The scriptPubKey that pays to this address. */
    public byte[] outputScript() {
        return switch (kind) {
            case P2PKH -> Bytes.concat(new byte[] {0x76, (byte) 0xa9, 0x14}, payload, new byte[] {(byte) 0x88, (byte) 0xac});
            case P2SH -> Bytes.concat(new byte[] {(byte) 0xa9, 0x14}, payload, new byte[] {(byte) 0x87});
            default -> Bytes.concat(new byte[] {(byte) (version == 0 ? 0x00 : 0x50 + version), (byte) payload.length}, payload);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && a.network.equals(network) && a.kind == kind && a.version == version
                && Arrays.equals(a.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(network, kind, version, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return text;
    }
}
