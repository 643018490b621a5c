package io.poolkit.packetcrypt.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Fast little-endian word access to byte arrays, and conversions between byte and int arrays. */
public final class Words {

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Words() {
    }

    public static int getInt(byte[] b, int off) {
        return (int) INT_LE.get(b, off);
    }

    public static void putInt(byte[] b, int off, int value) {
        INT_LE.set(b, off, value);
    }

    public static long getLong(byte[] b, int off) {
        return (long) LONG_LE.get(b, off);
    }

    public static void putLong(byte[] b, int off, long value) {
        LONG_LE.set(b, off, value);
    }

    /** Reads {@code count} little-endian words from {@code src[srcOff..]} into {@code dst[dstOff..]}. */
    public static void toInts(byte[] src, int srcOff, int[] dst, int dstOff, int count) {
        for (int i = 0; i < count; i++) {
            dst[dstOff + i] = (int) INT_LE.get(src, srcOff + 4 * i);
        }
    }

    /** Writes {@code count} words as little-endian bytes. */
    public static void toBytes(int[] src, int srcOff, byte[] dst, int dstOff, int count) {
        for (int i = 0; i < count; i++) {
            INT_LE.set(dst, dstOff + 4 * i, src[srcOff + i]);
        }
    }
}
