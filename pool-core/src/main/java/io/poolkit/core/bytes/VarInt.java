package io.poolkit.core.bytes;

/**
 * Bitcoin's variable-length integer ("CompactSize"): one byte below 0xfd, else a marker byte
 * 0xfd/0xfe/0xff followed by a 2/4/8-byte little-endian value. Values are unsigned 64-bit.
 */
public final class VarInt {

    private VarInt() {
    }

    /** Encoded length in bytes of {@code value} (treated as unsigned). */
    public static int size(long value) {
        if (Long.compareUnsigned(value, 0xfdL) < 0) {
            return 1;
        }
        if (Long.compareUnsigned(value, 0xffffL) <= 0) {
            return 3;
        }
        if (Long.compareUnsigned(value, 0xffffffffL) <= 0) {
            return 5;
        }
        return 9;
    }

    /** The canonical (shortest) encoding of {@code value}. */
    public static byte[] encode(long value) {
        byte[] out = new byte[size(value)];
        switch (out.length) {
            case 1 -> out[0] = (byte) value;
            case 3 -> {
                out[0] = (byte) 0xfd;
                LittleEndian.writeUint16(out, 1, (int) value);
            }
            case 5 -> {
                out[0] = (byte) 0xfe;
                LittleEndian.writeInt32(out, 1, (int) value);
            }
            default -> {
                out[0] = (byte) 0xff;
                LittleEndian.writeInt64(out, 1, value);
            }
        }
        return out;
    }
}
