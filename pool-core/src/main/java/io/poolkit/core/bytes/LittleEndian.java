package io.poolkit.core.bytes;

/** Little-endian integer access to byte arrays (Bitcoin's wire order for integers). */
public final class LittleEndian {

    private LittleEndian() {
    }

    public static int readUint16(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
    }

    public static int readInt32(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    /** An unsigned 32-bit value, widened to long. */
    public static long readUint32(byte[] b, int off) {
        return readInt32(b, off) & 0xffffffffL;
    }

    public static long readInt64(byte[] b, int off) {
        return (readInt32(b, off) & 0xffffffffL) | ((long) readInt32(b, off + 4)) << 32;
    }

    public static void writeUint16(byte[] b, int off, int value) {
        b[off] = (byte) value;
        b[off + 1] = (byte) (value >>> 8);
    }

    public static void writeInt32(byte[] b, int off, int value) {
        b[off] = (byte) value;
        b[off + 1] = (byte) (value >>> 8);
        b[off + 2] = (byte) (value >>> 16);
        b[off + 3] = (byte) (value >>> 24);
    }

    public static void writeInt64(byte[] b, int off, long value) {
        writeInt32(b, off, (int) value);
        writeInt32(b, off + 4, (int) (value >>> 32));
    }
}
