package io.poolkit.qtum.pod;

import io.poolkit.core.address.Address;
import io.poolkit.core.address.Addresses;
import io.poolkit.core.address.Network;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.pow.Sha256d;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Proof-of-Delegation signatures. The delegate signs the staker's hash160, written as 40 lowercase hex
 * characters, as a Qtum signed message: {@code sha256d(0x15 "Qtum Signed Message:\n" 0x28 hex40)}.
 * The 65-byte compact signature starts with a header byte {@code 27 + recid (+4 if compressed)};
 * recovering the public key (SEC 1, section 4.1.6) and hashing it gives the delegate's address.
 */
public final class ProofOfDelegation {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger N = CURVE.getN();
    private static final byte[] MAGIC = "Qtum Signed Message:\n".getBytes(StandardCharsets.US_ASCII);

    private ProofOfDelegation() {
    }

    /** The Qtum signed-message hash of an arbitrary ASCII message (length below 253 bytes). */
    public static byte[] signedMessageHash(String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        if (text.length >= 253) {
            throw new IllegalArgumentException("message too long for a one-byte length prefix: " + text.length);
        }
        byte[] data = new byte[1 + MAGIC.length + 1 + text.length];
        data[0] = (byte) MAGIC.length;
        System.arraycopy(MAGIC, 0, data, 1, MAGIC.length);
        data[1 + MAGIC.length] = (byte) text.length;
        System.arraycopy(text, 0, data, 2 + MAGIC.length, text.length);
        return Sha256d.hash(data);
    }

    /** The hash a PoD signs: the signed-message hash of the staker's hash160 as lowercase hex. */
    public static byte[] messageHash(Address staker) {
        return signedMessageHash(Hex.encode(staker.payload()).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Recovers the signer's public key (SEC1-encoded, compressed when the header says so) from a 65-byte
     * compact signature over {@code hash32}; empty when the signature does not recover to a key.
     */
    public static Optional<byte[]> recoverPublicKey(byte[] signature, byte[] hash32) {
        if (signature.length != 65) {
            throw new IllegalArgumentException("a compact signature is 65 bytes, got " + signature.length);
        }
        int header = signature[0] & 0xff;
        if (header < 27 || header > 34) {
            throw new IllegalArgumentException(String.format(
                    "compact signature header must be 27..34, got 0x%02x", header));
        }
        int recId = (header - 27) & 3;
        boolean compressed = header >= 31;
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 1, 33));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 33, 65));
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(N) >= 0 || s.compareTo(N) >= 0) {
            return Optional.empty();
        }
        BigInteger x = r.add(N.multiply(BigInteger.valueOf(recId / 2)));
        BigInteger prime = CURVE.getCurve().getField().getCharacteristic();
        if (x.compareTo(prime) >= 0) {
            return Optional.empty();
        }
        byte[] encodedR = new byte[33];
        encodedR[0] = (byte) ((recId & 1) == 1 ? 3 : 2);
        byte[] xBytes = x.toByteArray();
        int copy = Math.min(32, xBytes.length);
        System.arraycopy(xBytes, xBytes.length - copy, encodedR, 33 - copy, copy);
        ECPoint bigR;
        try {
            bigR = CURVE.getCurve().decodePoint(encodedR);
        } catch (IllegalArgumentException notOnCurve) {
            return Optional.empty();
        }
        BigInteger e = new BigInteger(1, hash32);
        BigInteger rInv = r.modInverse(N);
        BigInteger u1 = N.subtract(e).mod(N).multiply(rInv).mod(N);
        BigInteger u2 = s.multiply(rInv).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), u1, bigR, u2).normalize();
        if (q.isInfinity()) {
            return Optional.empty();
        }
        return Optional.of(q.getEncoded(compressed));
    }

    /** The delegate address a PoD recovers to, for the given staker; empty if it does not recover. */
    public static Optional<Address> recoverDelegate(Address staker, byte[] pod, Network network) {
        return recoverPublicKey(pod, messageHash(staker)).map(key -> Addresses.fromPublicKey(network, key));
    }

    /** Whether {@code pod} is the delegate's valid proof of delegation to {@code staker}. */
    public static boolean verify(Address staker, Address delegate, byte[] pod) {
        return recoverDelegate(staker, pod, delegate.network()).map(delegate::equals).orElse(false);
    }
}
