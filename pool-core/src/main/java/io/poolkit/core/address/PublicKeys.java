package io.poolkit.core.address;

import io.poolkit.core.address.AddressException.Reason;
import io.poolkit.core.pow.Sha256d;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/** secp256k1 public keys as they appear in scripts: validation and HASH160. */
public final class PublicKeys {

    private static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");

    private PublicKeys() {
    }

    /**
     * Checks that {@code publicKey} is a compressed (33 bytes, 02/03) or uncompressed (65 bytes, 04)
     * encoding of a point on secp256k1.
     */
    public static void validate(byte[] publicKey) {
        boolean shapeOk = (publicKey.length == 33 && (publicKey[0] == 2 || publicKey[0] == 3))
                || (publicKey.length == 65 && publicKey[0] == 4);
        if (!shapeOk) {
            throw new AddressException(Reason.BAD_PUBLIC_KEY, "a public key is 33 bytes starting 02 or 03 (compressed)"
                    + " or 65 bytes starting 04 (uncompressed); got " + publicKey.length + " bytes"
                    + (publicKey.length > 0 ? String.format(" starting %02x", publicKey[0]) : ""));
        }
        try {
            SECP256K1.getCurve().decodePoint(publicKey);
        } catch (IllegalArgumentException e) {
            throw new AddressException(Reason.BAD_PUBLIC_KEY, "the public key is not a point on secp256k1");
        }
    }

    /** RIPEMD160(SHA256(data)), the 20-byte hash inside P2PKH and P2SH addresses. */
    public static byte[] hash160(byte[] data) {
        byte[] sha = Sha256d.sha256(data);
        RIPEMD160Digest ripemd = new RIPEMD160Digest();
        ripemd.update(sha, 0, sha.length);
        byte[] out = new byte[20];
        ripemd.doFinal(out, 0);
        return out;
    }
}
