package io.poolkit.hn.crypto;

import io.poolkit.core.address.AddressException;
import io.poolkit.core.address.Base58;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.hn.ImmutableBytes;
import java.util.Arrays;

/**
 * A PoS address: {@code base58(version || hash20 || checksum)} where {@code hash20} is the 20-byte
 * BLAKE2b of the 64-byte public key (x and y, no 0x04 prefix) and {@code checksum} is the 4-byte
 * BLAKE2b of {@code version || hash20} (not double SHA-256). 25 bytes give 34 characters.
 *
 * <p>Validation follows the reference exactly: the text must start with 34 ASCII letters or digits
 * (a prefix match, so a longer text passes this step), the whole text must decode as Base58 with a
 * matching BLAKE2b checksum over everything before the last four bytes, and the first byte must
 * be the network's version byte. Constructing a {@code PosAddress} runs the first two checks; the
 * network is the one its version byte names, and must be a known one.
 *
 * @param text the address as written
 */
public record PosAddress(String text) {

    /** Length of an address made by {@link #fromPublicKey}. */
    public static final int LENGTH = 34;
    private static final int CHECKSUM_BYTES = 4;

    public PosAddress {
        byte[] payload = checkedPayload(text);
        if (PosNetwork.byVersionByte(payload[0] & 0xff).isEmpty()) {
            throw new PosAddressException(PosAddressException.Reason.NETWORK,
                    String.format("Invalid Network: 0x%02x is not a PoS network (0x19 mainnet, 0x55 testnet)",
                            payload[0] & 0xff));
        }
    }

    /** The address of a 64-byte public key (any bytes are hashed; they need not be a curve point). */
    public static PosAddress fromPublicKey(byte[] publicKey, PosNetwork network) {
        return fromHash20(Blake2b.hash20(publicKey), network);
    }

    /** The address of a 20-byte public key hash. */
    public static PosAddress fromHash20(byte[] hash20, PosNetwork network) {
        if (hash20.length != 20) {
            throw new IllegalArgumentException("a PoS address hash is 20 bytes, got " + hash20.length);
        }
        byte[] versioned = Bytes.concat(new byte[] {(byte) network.versionByte()}, hash20);
        return new PosAddress(Base58.encode(Bytes.concat(versioned, Blake2b.digest(versioned, CHECKSUM_BYTES))));
    }

    /**
     * Validates {@code text} as an address of {@code network}, as the reference's
     * {@code validate_address} does, and returns it.
     *
     * @throws PosAddressException with the reference's message if it would be rejected
     */
    public static PosAddress parse(String text, PosNetwork network) {
        byte[] payload = checkedPayload(text);
        int version = payload[0] & 0xff;
        if (version != network.versionByte()) {
            throw new PosAddressException(PosAddressException.Reason.NETWORK,
                    String.format("Invalid Network: 0x%02x instead of 0x%02x", version, network.versionByte()));
        }
        return new PosAddress(text);
    }

    /** True if {@link #parse} accepts {@code text} for {@code network}. */
    public static boolean isValid(String text, PosNetwork network) {
        try {
            parse(text, network);
            return true;
        } catch (PosAddressException e) {
            return false;
        }
    }

    /** The network named by the version byte. */
    public PosNetwork network() {
        return PosNetwork.byVersionByte(payload()[0] & 0xff).orElseThrow();
    }

    /**
     * The decoded bytes after the version byte and before the checksum: the 20-byte public key hash
     * for a 34-character address (the reference returns whatever is there for longer texts).
     */
    public ImmutableBytes hash20() {
        byte[] payload = payload();
        return ImmutableBytes.of(Arrays.copyOfRange(payload, 1, payload.length));
    }

    @Override
    public String toString() {
        return text;
    }

    private byte[] payload() {
        return checkedPayload(text);
    }

    /** Version byte and hash, after the format and checksum checks. */
    private static byte[] checkedPayload(String text) {
        if (text == null || !startsWithAlphanumerics(text, LENGTH)) {
            throw new PosAddressException(PosAddressException.Reason.FORMAT, "Invalid address format");
        }
        byte[] raw;
        try {
            raw = Base58.decode(text);
        } catch (AddressException e) {
            throw new PosAddressException(PosAddressException.Reason.FORMAT, "Invalid address format");
        }
        if (raw.length <= CHECKSUM_BYTES) {
            throw new PosAddressException(PosAddressException.Reason.CHECKSUM, "Invalid address checksum for " + text);
        }
        byte[] payload = Arrays.copyOf(raw, raw.length - CHECKSUM_BYTES);
        byte[] expected = Blake2b.digest(payload, CHECKSUM_BYTES);
        if (!Arrays.equals(expected, 0, CHECKSUM_BYTES, raw, payload.length, raw.length)) {
            throw new PosAddressException(PosAddressException.Reason.CHECKSUM, "Invalid address checksum for " + text);
        }
        return payload;
    }

    private static boolean startsWithAlphanumerics(String text, int count) {
        if (text.length() < count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
