package io.poolkit.core.bytes;

/**
 * A cursor over a byte array for parsing wire formats. Every read checks the bounds first and fails
 * with a {@link ByteFormatException} that names the offset, so hostile input cannot cause anything
 * worse than a clear error. Not thread safe.
 */
public final class ByteReader {

    private final byte[] data;
    private final int end;
    private int position;

    /** Reads the whole array. The array is not copied: do not change it while reading. */
    public ByteReader(byte[] data) {
        this(data, 0, data.length);
    }

    public ByteReader(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside array of " + data.length);
        }
        this.data = data;
        this.position = offset;
        this.end = offset + length;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return end - position;
    }

    public boolean hasRemaining() {
        return position < end;
    }

    public int readUint8() {
        require(1);
        return data[position++] & 0xff;
    }

    public int readUint16Le() {
        require(2);
        int v = LittleEndian.readUint16(data, position);
        position += 2;
        return v;
    }

    public int readInt32Le() {
        require(4);
        int v = LittleEndian.readInt32(data, position);
        position += 4;
        return v;
    }

    public long readUint32Le() {
        return readInt32Le() & 0xffffffffL;
    }

    public long readInt64Le() {
        require(8);
        long v = LittleEndian.readInt64(data, position);
        position += 8;
        return v;
    }

    public int readInt32Be() {
        require(4);
        int v = BigEndian.readInt32(data, position);
        position += 4;
        return v;
    }

    public byte[] readBytes(int count) {
        if (count < 0) {
            throw new ByteFormatException("negative length " + count + " at offset " + position);
        }
        require(count);
        byte[] out = Bytes.slice(data, position, count);
        position += count;
        return out;
    }

    /**
     * A Bitcoin varint. Non-canonical encodings (a longer form than needed) are rejected, as
     * Bitcoin Core rejects them, so one value has one encoding.
     */
    public long readVarInt() {
        int start = position;
        int first = readUint8();
        long value;
        long minimum;
        switch (first) {
            case 0xfd -> {
                value = readUint16Le();
                minimum = 0xfd;
            }
            case 0xfe -> {
                value = readUint32Le();
                minimum = 0x10000;
            }
            case 0xff -> {
                value = readInt64Le();
                minimum = 0x100000000L;
            }
            default -> {
                return first;
            }
        }
        if (Long.compareUnsigned(value, minimum) < 0) {
            throw new ByteFormatException("non-canonical varint at offset " + start);
        }
        return value;
    }

    /** A varint length followed by that many bytes; the length must fit what is left. */
    public byte[] readVarBytes() {
        int start = position;
        long length = readVarInt();
        if (Long.compareUnsigned(length, remaining()) > 0) {
            throw new ByteFormatException("length " + Long.toUnsignedString(length) + " at offset " + start
                    + " exceeds the " + remaining() + " bytes left");
        }
        return readBytes((int) length);
    }

    /** Fails unless every byte was consumed; {@code what} names the structure in the message. */
    public void expectEnd(String what) {
        if (position != end) {
            throw new ByteFormatException(what + " has " + remaining() + " unexpected trailing bytes at offset " + position);
        }
    }

    private void require(int count) {
        if (end - position < count) {
            throw new ByteFormatException("need " + count + " bytes at offset " + position + ", only "
                    + (end - position) + " left");
        }
    }
}
