package io.poolkit.packetcrypt.pool;

import io.poolkit.core.bytes.LittleEndian;
import io.poolkit.core.pow.Sha256d;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The node.js pool's announcement signing keys: for block height {@code h} the ed25519 seed is
 * {@code sha256(utf8(privateSeed) || le32(h))}. Announcements mined on parent height {@code p}
 * are signed with the key of height {@code p + 1}.
 */
public final class PoolSigningKeys {

    private PoolSigningKeys() {
    }

    /** The 32-byte ed25519 seed for {@code height}. */
    public static byte[] seed(String privateSeed, long height) {
        byte[] secret = privateSeed.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[secret.length + 4];
        System.arraycopy(secret, 0, input, 0, secret.length);
        LittleEndian.writeInt32(input, secret.length, (int) height);
        return Sha256d.sha256(input);
    }

    /** The 32-byte ed25519 public key of a seed. */
    public static byte[] publicKey(byte[] seed32) {
        byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed32, 0, pk, 0);
        return pk;
    }

    /** Signs a message with the key of a seed. */
    public static byte[] sign(byte[] seed32, byte[] message) {
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed32, 0, message, 0, message.length, sig, 0);
        return sig;
    }
}
