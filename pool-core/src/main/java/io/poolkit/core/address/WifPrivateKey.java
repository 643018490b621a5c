package io.poolkit.core.address;

import io.poolkit.core.address.AddressException.Reason;
import io.poolkit.core.bytes.Bytes;
import java.math.BigInteger;

/**
 * A private key in Wallet Import Format: Base58Check of version byte, 32-byte key and, for keys
 * whose public key is compressed, a trailing 0x01. Never logged: {@link #toString()} hides the key.
 */
public final class WifPrivateKey {

    private static final BigInteger CURVE_ORDER =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

    private final Network network;
    private final byte[] key;
    private final boolean compressed;

    private WifPrivateKey(Network network, byte[] key, boolean compressed) {
        this.network = network;
        this.key = key;
        this.compressed = compressed;
    }

    /** Decodes {@code text} as a WIF key of {@code network}, checking version, length and range. */
    public static WifPrivateKey parse(String text, Network network) {
        byte[] payload = Base58.decodeChecked(text.strip());
        boolean compressed;
        if (payload.length == 34 && payload[33] == 1) {
            compressed = true;
        } else if (payload.length == 33) {
            compressed = false;
        } else {
            throw new AddressException(Reason.BAD_LENGTH, "a WIF key holds 33 or 34 bytes (with 0x01 for compressed),"
                    + " got " + payload.length);
        }
        if ((payload[0] & 0xff) != network.wifVersion()) {
            throw new AddressException(Reason.WRONG_NETWORK, String.format("WIF version byte 0x%02x is not %s's 0x%02x",
                    payload[0] & 0xff, network.name(), network.wifVersion()));
        }
        byte[] key = Bytes.slice(payload, 1, 32);
        BigInteger k = new BigInteger(1, key);
        if (k.signum() == 0 || k.compareTo(CURVE_ORDER) >= 0) {
            throw new AddressException(Reason.BAD_LENGTH, "private key is outside the secp256k1 range");
        }
        return new WifPrivateKey(network, key, compressed);
    }

    public Network network() {
        return network;
    }

    /** The 32-byte secret; a copy. */
    public byte[] keyBytes() {
        return key.clone();
    }

    public boolean compressed() {
        return compressed;
    }

    /** The WIF text again. */
    public String encode() {
        byte[] version = {(byte) network.wifVersion()};
        return Base58.encodeChecked(compressed ? Bytes.concat(version, key, new byte[] {1}) : Bytes.concat(version, key));
    }

    @Override
    public String toString() {
        return "WifPrivateKey[" + network.name() + ", compressed=" + compressed + ", key hidden]";
    }
}
