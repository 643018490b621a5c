package io.poolkit.core.pow;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Double SHA-256, the hash of Bitcoin block headers, transactions and merkle nodes. */
public final class Sha256d {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    });

    private Sha256d() {
    }

    /** SHA256(SHA256(data)), 32 bytes in the order the function produces (internal byte order). */
    public static byte[] hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    /** SHA256(SHA256(data[offset, offset+length))), 32 bytes in internal byte order. */
    public static byte[] hash(byte[] data, int offset, int length) {
        MessageDigest md = SHA256.get();
        md.update(data, offset, length);
        return md.digest(md.digest());
    }

    /** Single SHA-256 of the whole array. */
    public static byte[] sha256(byte[] data) {
        MessageDigest md = SHA256.get();
        return md.digest(data);
    }
}
