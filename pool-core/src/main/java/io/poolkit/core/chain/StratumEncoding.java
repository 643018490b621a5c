package io.poolkit.core.chain;

import io.poolkit.core.bytes.Hex;

/**
 * How stratum v1 writes header fields: the previous hash in {@code mining.notify} is the internal
 * byte order with each 4-byte word reversed, and version, nbits, ntime and nonce are big-endian hex
 * of the 32-bit value (the header stores them little-endian).
 */
public final class StratumEncoding {

    private StratumEncoding() {
    }

    /** The {@code prevhash} of {@code mining.notify} from the internal-order previous hash. */
    public static String prevHashForNotify(byte[] previousHashInternal) {
        return Hex.encode(swapWords(previousHashInternal));
    }

    /** The internal-order previous hash from the {@code prevhash} of {@code mining.notify}. */
    public static byte[] prevHashFromNotify(String notifyHex) {
        return swapWords(Hex.decode(notifyHex, 32, "prevhash"));
    }

    /** Eight hex digits, big-endian, of an unsigned 32-bit value. */
    public static String uint32Hex(long value) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException("not an unsigned 32-bit value: " + value);
        }
        return String.format("%08x", value);
    }

    /** Parses eight hex digits (big-endian) into an unsigned 32-bit value; {@code what} names the field in errors. */
    public static long parseUint32Hex(String hex8, String what) {
        return io.poolkit.core.bytes.BigEndian.readInt32(Hex.decode(hex8, 4, what), 0) & 0xffffffffL;
    }

    private static byte[] swapWords(byte[] bytes32) {
        if (bytes32.length != 32) {
            throw new IllegalArgumentException("a block hash is 32 bytes, got " + bytes32.length);
        }
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i += 4) {
            out[i] = bytes32[i + 3];
            out[i + 1] = bytes32[i + 2];
            out[i + 2] = bytes32[i + 1];
            out[i + 3] = bytes32[i];
        }
        return out;
    }
}
