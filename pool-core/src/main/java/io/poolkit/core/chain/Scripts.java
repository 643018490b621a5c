package io.poolkit.core.chain;

import io.poolkit.core.bytes.ByteWriter;

/** The few script encodings a coinbase needs: data pushes and minimal script numbers. */
public final class Scripts {

    /** OP_0, which pushes an empty array (the number zero). */
    public static final int OP_0 = 0x00;
    public static final int OP_PUSHDATA1 = 0x4c;
    public static final int OP_PUSHDATA2 = 0x4d;
    public static final int OP_1NEGATE = 0x4f;
    /** OP_1; OP_n is {@code OP_1 + n - 1} for n in 1..16. */
    public static final int OP_1 = 0x51;
    public static final int OP_RETURN = 0x6a;

    private Scripts() {
    }

    /** The shortest push of {@code data}: a direct length byte up to 75 bytes, else OP_PUSHDATA1/2. */
    public static byte[] pushData(byte[] data) {
        ByteWriter w = new ByteWriter(data.length + 3);
        if (data.length <= 75) {
            w.writeUint8(data.length);
        } else if (data.length <= 0xff) {
            w.writeUint8(OP_PUSHDATA1).writeUint8(data.length);
        } else if (data.length <= 0xffff) {
            w.writeUint8(OP_PUSHDATA2).writeUint16Le(data.length);
        } else {
            throw new IllegalArgumentException("pushes of more than 65535 bytes are not supported, got " + data.length);
        }
        return w.writeBytes(data).toByteArray();
    }

    /**
     * A number pushed the way Bitcoin Core's {@code CScript << n} does, which BIP34 requires for the
     * height: OP_0 for 0, OP_1NEGATE for -1, OP_1..OP_16 for 1..16, otherwise a push of the minimal
     * little-endian sign-magnitude encoding (CScriptNum).
     */
    public static byte[] pushNumber(long n) {
        if (n == 0) {
            return new byte[] {OP_0};
        }
        if (n == -1) {
            return new byte[] {OP_1NEGATE};
        }
        if (n >= 1 && n <= 16) {
            return new byte[] {(byte) (OP_1 + n - 1)};
        }
        return pushData(scriptNum(n));
    }

    /** The minimal CScriptNum encoding of {@code n}: little-endian magnitude, sign in the top bit of the last byte. */
    public static byte[] scriptNum(long n) {
        if (n == 0) {
            return new byte[0];
        }
        if (n == Long.MIN_VALUE) {
            throw new IllegalArgumentException("script numbers cannot encode Long.MIN_VALUE");
        }
        boolean negative = n < 0;
        long magnitude = Math.abs(n);
        ByteWriter w = new ByteWriter(9);
        int last = 0;
        while (magnitude != 0) {
            last = (int) (magnitude & 0xff);
            w.writeUint8(last);
            magnitude >>>= 8;
        }
        if ((last & 0x80) != 0) {
            w.writeUint8(negative ? 0x80 : 0x00);
            return w.toByteArray();
        }
        byte[] out = w.toByteArray();
        if (negative) {
            out[out.length - 1] |= (byte) 0x80;
        }
        return out;
    }
}
