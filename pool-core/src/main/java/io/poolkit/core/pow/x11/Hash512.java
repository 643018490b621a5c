package io.poolkit.core.pow.x11;

/**
 * One of the eleven 512-bit hash functions that X11 chains, computed in one shot over a whole
 * message exactly as sphlib 3.0 defines it.
 *
 * <p>Implementations keep scratch state between calls to avoid allocating on the hot path, so an
 * instance is not thread safe: give each thread its own (the {@code X11} hasher does).
 */
public interface Hash512 {

    /** Output length of every function in the family, in bytes. */
    int DIGEST_BYTES = 64;

    /** Registry name, for example {@code "blake512"}. */
    String name();

    /**
     * Hashes {@code length} bytes of {@code input} starting at {@code offset} and writes the 64-byte
     * digest, in the byte order the function produces, to {@code output} at {@code outputOffset}.
     */
    void hash(byte[] input, int offset, int length, byte[] output, int outputOffset);

    /** Convenience form: hashes the whole array into a new 64-byte array. */
    default byte[] hash(byte[] input) {
        byte[] out = new byte[DIGEST_BYTES];
        hash(input, 0, input.length, out, 0);
        return out;
    }
}
