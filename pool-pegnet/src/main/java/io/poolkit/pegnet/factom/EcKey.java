package io.poolkit.pegnet.factom;

import io.poolkit.core.address.Base58;
import io.poolkit.core.pow.Sha256d;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An entry-credit key: the {@code Es...} secret (base58 of {@code 5d b6 || seed(32) || checksum(4)}, checksum the
 * first 4 bytes of sha256d) is an Ed25519 seed; the public {@code EC...} address is {@code 59 2a || public key}
 * in the same format. Signs entry commits. {@link #toString()} never shows the secret.
 */
public final class EcKey {

    private static final byte[] SECRET_PREFIX = {0x5d, (byte) 0xb6};
    private static final byte[] PUBLIC_PREFIX = {0x59, 0x2a};

    private final Ed25519PrivateKeyParameters key;
    private final byte[] publicKey;

    private EcKey(byte[] seed) {
        this.key = new Ed25519PrivateKeyParameters(seed, 0);
        this.publicKey = key.generatePublicKey().getEncoded();
    }

    /** Parses an {@code Es...} secret; the message never repeats the secret. */
    public static EcKey fromSecret(String es) {
        byte[] raw;
        try {
            raw = Base58.decode(es.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the entry-credit secret is not base58");
        }
        if (raw.length != 38 || raw[0] != SECRET_PREFIX[0] || raw[1] != SECRET_PREFIX[1]) {
            throw new IllegalArgumentException("the entry-credit secret is not an Es... key (38 bytes, prefix 5db6)");
        }
        byte[] check = Sha256d.hash(raw, 0, 34);
        if (!Arrays.equals(Arrays.copyOf(check, 4), Arrays.copyOfRange(raw, 34, 38))) {
            throw new IllegalArgumentException("the entry-credit secret has a bad checksum");
        }
        return new EcKey(Arrays.copyOfRange(raw, 2, 34));
    }

    /** A key from a 32-byte Ed25519 seed. */
    public static EcKey fromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        return new EcKey(seed.clone());
    }

    /** The {@code Es...} text of a seed (for tests and key generation). */
    public static String secretText(byte[] seed) {
        return text(SECRET_PREFIX, seed);
    }

    /** The 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The public {@code EC...} address. */
    public String publicAddress() {
        return text(PUBLIC_PREFIX, publicKey);
    }

    /** Ed25519 signature (64 bytes) of {@code message}. */
    public byte[] sign(byte[] message) {
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, key);
        s.update(message, 0, message.length);
        return s.generateSignature();
    }

    private static String text(byte[] prefix, byte[] body) {
        byte[] raw = new byte[38];
        System.arraycopy(prefix, 0, raw, 0, 2);
        System.arraycopy(body, 0, raw, 2, 32);
        System.arraycopy(Sha256d.hash(raw, 0, 34), 0, raw, 34, 4);
        return Base58.encode(raw);
    }

    @Override
    public String toString() {
        return "EcKey[" + publicAddress() + "]";
    }
}
