package io.poolkit.hn.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.DSAKCalculator;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA on secp256k1 over SHA-1, the HN signature scheme (python-ecdsa's default hash, kept by the
 * reference "for compatibility"). The message digest is {@code e = int(SHA-1(message))}, 160 bits,
 * never truncated. A signature is {@code r || s}, 32 bytes each, big-endian; there is no low-s
 * rule, so verification accepts either s. Public keys are 64 bytes, {@code x || y}, without the
 * 0x04 prefix; private keys are 32 bytes.
 *
 * <p>The reference signs with a random nonce. {@link #sign} uses a deterministic RFC 6979 nonce
 * instead (HMAC-SHA-256), which verifies the same everywhere and needs no randomness;
 * {@link #signWithNonce} reproduces a signature made with a known nonce.
 */
public final class HnSignatures {

    /** Length of a signature, r then s. */
    public static final int SIGNATURE_BYTES = 64;
    /** Length of a public key, x then y. */
    public static final int PUBLIC_KEY_BYTES = 64;
    /** Length of a private key. */
    public static final int PRIVATE_KEY_BYTES = 32;

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

    private HnSignatures() {
    }

    /** SHA-1 of {@code message}, the digest that is signed. */
    public static byte[] sha1(byte[] message) {
        SHA1Digest d = new SHA1Digest();
        d.update(message, 0, message.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    /** Signs {@code message} with a deterministic (RFC 6979) nonce. */
    public static byte[] sign(byte[] privateKey, byte[] message) {
        return sign(privateKey, message, new HMacDSAKCalculator(new SHA256Digest()));
    }

    /**
     * Signs {@code message} with the nonce {@code k} (1 to n-1). Reusing a nonce with two messages
     * reveals the private key: use this only to reproduce known signatures.
     */
    public static byte[] signWithNonce(byte[] privateKey, byte[] message, BigInteger k) {
        if (k.signum() <= 0 || k.compareTo(DOMAIN.getN()) >= 0) {
            throw new IllegalArgumentException("the nonce must be between 1 and the curve order minus 1");
        }
        return sign(privateKey, message, new FixedNonce(k));
    }

    private static byte[] sign(byte[] privateKey, byte[] message, DSAKCalculator nonces) {
        ECDSASigner signer = new ECDSASigner(nonces);
        signer.init(true, new ECPrivateKeyParameters(privateScalar(privateKey), DOMAIN));
        BigInteger[] rs = signer.generateSignature(sha1(message));
        byte[] out = new byte[SIGNATURE_BYTES];
        BigIntegers.asUnsignedByteArray(rs[0], out, 0, 32);
        BigIntegers.asUnsignedByteArray(rs[1], out, 32, 32);
        return out;
    }

    /**
     * True if {@code signature} (r || s) is a valid signature of {@code message} by
     * {@code publicKey} (x || y). Malformed keys or signatures are simply invalid.
     */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != PUBLIC_KEY_BYTES || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        ECPoint q;
        try {
            q = decodePoint(publicKey);
        } catch (IllegalArgumentException e) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(q, DOMAIN));
        return verifier.verifySignature(sha1(message), r, s);
    }

    /** The 64-byte public key (x || y) of a 32-byte private key. */
    public static byte[] publicKey(byte[] privateKey) {
        ECPoint q = DOMAIN.getG().multiply(privateScalar(privateKey)).normalize();
        return encodePoint(q);
    }

    /**
     * The public keys (x || y) that could have made {@code signature} over {@code message}: at most
     * four, usually two. The signer's address tells which one it was.
     */
    public static List<byte[]> recoverPublicKeys(byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_BYTES) {
            throw new IllegalArgumentException("a signature is " + SIGNATURE_BYTES + " bytes, got " + signature.length);
        }
        BigInteger n = DOMAIN.getN();
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        List<byte[]> keys = new ArrayList<>();
        if (r.signum() == 0 || r.compareTo(n) >= 0 || s.signum() == 0 || s.compareTo(n) >= 0) {
            return keys;
        }
        BigInteger e = new BigInteger(1, sha1(message));
        BigInteger rInverse = r.modInverse(n);
        BigInteger p = CURVE.getCurve().getField().getCharacteristic();
        for (int j = 0; j <= 1; j++) {
            BigInteger x = r.add(n.multiply(BigInteger.valueOf(j)));
            if (x.compareTo(p) >= 0) {
                break;
            }
            for (int parity = 0; parity <= 1; parity++) {
                ECPoint point;
                try {
                    byte[] compressed = new byte[33];
                    compressed[0] = (byte) (2 + parity);
                    BigIntegers.asUnsignedByteArray(x, compressed, 1, 32);
                    point = CURVE.getCurve().decodePoint(compressed);
                } catch (IllegalArgumentException notOnCurve) {
                    continue;
                }
                // Q = r^-1 (sR - eG)
                ECPoint q = ECAlgorithms.sumOfTwoMultiplies(point, s.multiply(rInverse).mod(n),
                        DOMAIN.getG(), e.negate().multiply(rInverse).mod(n)).normalize();
                if (!q.isInfinity()) {
                    keys.add(encodePoint(q));
                }
            }
        }
        return keys;
    }

    private static BigInteger privateScalar(byte[] privateKey) {
        if (privateKey.length != PRIVATE_KEY_BYTES) {
            throw new IllegalArgumentException("a private key is " + PRIVATE_KEY_BYTES + " bytes, got " + privateKey.length);
        }
        BigInteger d = new BigInteger(1, privateKey);
        if (d.signum() == 0 || d.compareTo(DOMAIN.getN()) >= 0) {
            throw new IllegalArgumentException("the private key is out of range for secp256k1");
        }
        return d;
    }

    private static ECPoint decodePoint(byte[] publicKey) {
        byte[] uncompressed = new byte[65];
        uncompressed[0] = 0x04;
        System.arraycopy(publicKey, 0, uncompressed, 1, 64);
        return CURVE.getCurve().decodePoint(uncompressed);
    }

    private static byte[] encodePoint(ECPoint q) {
        byte[] encoded = q.getEncoded(false);
        return Arrays.copyOfRange(encoded, 1, 65);
    }

    /** A nonce source that always gives the same k. */
    private static final class FixedNonce implements DSAKCalculator {
        private final BigInteger k;

        FixedNonce(BigInteger k) {
            this.k = k;
        }

        @Override
        public boolean isDeterministic() {
            return true;
        }

        @Override
        public void init(BigInteger n, SecureRandom random) {
            throw new UnsupportedOperationException("a fixed nonce is deterministic");
        }

        @Override
        public void init(BigInteger n, BigInteger d, byte[] message) {
            // the nonce does not depend on the key or the message
        }

        @Override
        public BigInteger nextK() {
            return k;
        }
    }
}
