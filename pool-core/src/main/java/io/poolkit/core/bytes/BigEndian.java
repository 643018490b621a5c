package io.poolkit.core.bytes;

/** Big-endian integer access to byte arrays (network byte order). */
public final class BigEndian {

    private BigEndian() {
    }

    public static int readUint16(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
    }

    public static int readInt32(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    /** An unsigned 32-bit value, widened to long. */
    public static long readUint32(byte[] b, int off) {
        return readInt32(b, off) & 0xffffffffL;
    }

    public static long readInt64(byte[] b, int off) {
        return ((long) readInt32(b, off)) << 32 | (readInt32(b, off + 4) & 0xffffffffL);
    }

    public static void writeUint16(byte[] b, int off, int value) {
        b[off] = (byte) (value >>> 8);
        b[off + 1] = (byte) value;
    }

    public static void writeInt32(byte[] b, int off, int value) {
        b[off] = (byte) (value >>> 24);
        b[off + 1] = (byte) (value >>> 16);
        b[off + 2] = (byte) (value >>> 8);
        b[off + 3] = (byte) value;
    }

    public static void writeInt64(byte[] b, int off, long value) {
        writeInt32(b, off, (int) (value >>> 32));
        writeInt32(b, off + 4, (int) value);
    }
}
