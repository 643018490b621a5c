package io.poolkit.core.bytes;

import java.util.Arrays;

/** A growing buffer for building wire formats. Not thread safe. */
public final class ByteWriter {

    private byte[] buffer;
    private int size;

    public ByteWriter() {
        this(64);
    }

    public ByteWriter(int initialCapacity) {
        this.buffer = new byte[Math.max(16, initialCapacity)];
    }

    public int size() {
        return size;
    }

    public ByteWriter writeUint8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public ByteWriter writeUint16Le(int value) {
        ensure(2);
        LittleEndian.writeUint16(buffer, size, value);
        size += 2;
        return this;
    }

    public ByteWriter writeInt32Le(int value) {
        ensure(4);
        LittleEndian.writeInt32(buffer, size, value);
        size += 4;
        return this;
    }

    /** The low 32 bits of {@code value}, for fields held as unsigned longs. */
    public ByteWriter writeUint32Le(long value) {
        return writeInt32Le((int) value);
    }

    public ByteWriter writeInt64Le(long value) {
        ensure(8);
        LittleEndian.writeInt64(buffer, size, value);
        size += 8;
        return this;
    }

    public ByteWriter writeInt32Be(int value) {
        ensure(4);
        BigEndian.writeInt32(buffer, size, value);
        size += 4;
        return this;
    }

    public ByteWriter writeBytes(byte[] bytes) {
        return writeBytes(bytes, 0, bytes.length);
    }

    public ByteWriter writeBytes(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        return this;
    }

    public ByteWriter writeVarInt(long value) {
        return writeBytes(VarInt.encode(value));
    }

    /** A varint length, then the bytes. */
    public ByteWriter writeVarBytes(byte[] bytes) {
        writeVarInt(bytes.length);
        return writeBytes(bytes);
    }

    /** A copy of what was written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int extra) {
        if (buffer.length - size < extra) {
            int needed = Math.addExact(size, extra);
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }
}
