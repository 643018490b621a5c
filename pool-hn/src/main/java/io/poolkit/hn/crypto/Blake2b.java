package io.poolkit.hn.crypto;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** Unkeyed BLAKE2b with a chosen digest size, as Python's {@code hashlib.blake2b(data, digest_size=n)}. */
public final class Blake2b {

    private Blake2b() {
    }

    /** BLAKE2b of {@code data} with a digest of {@code size} bytes (1 to 64). */
    public static byte[] digest(byte[] data, int size) {
        if (size < 1 || size > 64) {
            throw new IllegalArgumentException("BLAKE2b digest size must be 1 to 64 bytes, got " + size);
        }
        Blake2bDigest d = new Blake2bDigest(size * 8);
        d.update(data, 0, data.length);
        byte[] out = new byte[size];
        d.doFinal(out, 0);
        return out;
    }

    /** The 20-byte BLAKE2b that HN uses for block hashes, ticket hashes and address payloads. */
    public static byte[] hash20(byte[] data) {
        return digest(data, 20);
    }
}
