package io.poolkit.core.bytes;

/** Lowercase hexadecimal encoding and strict decoding. */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** Lowercase hex of all bytes, in array order. */
    public static String encode(byte[] bytes) {
        return encode(bytes, 0, bytes.length);
    }

    /** Lowercase hex of {@code length} bytes from {@code offset}. */
    public static String encode(byte[] bytes, int offset, int length) {
        char[] out = new char[length * 2];
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xff;
            out[2 * i] = DIGITS[b >>> 4];
            out[2 * i + 1] = DIGITS[b & 0x0f];
        }
        return new String(out);
    }

    /**
     * Decodes hex (either case). Rejects odd lengths and any non-hex character, naming its position,
     * so a caller can tell the user exactly what was wrong.
     */
    public static byte[] decode(CharSequence hex) {
        int length = hex.length();
        if ((length & 1) != 0) {
            throw new HexFormatException("hex has an odd number of digits (" + length + ")");
        }
        byte[] out = new byte[length / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(hex, 2 * i);
            int lo = digit(hex, 2 * i + 1);
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** Decodes hex that must hold exactly {@code expectedBytes} bytes; {@code what} names it in errors. */
    public static byte[] decode(CharSequence hex, int expectedBytes, String what) {
        if (hex.length() != expectedBytes * 2) {
            throw new HexFormatException(what + " must be " + expectedBytes + " bytes (" + expectedBytes * 2
                    + " hex digits), got " + hex.length() + " hex digits");
        }
        try {
            return decode(hex);
        } catch (HexFormatException e) {
            throw new HexFormatException(what + ": " + e.getMessage());
        }
    }

    /** True if {@code hex} is a non-null, even-length string of hex digits. */
    public static boolean isHex(CharSequence hex) {
        if (hex == null || (hex.length() & 1) != 0) {
            return false;
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int digit(CharSequence hex, int index) {
        char c = hex.charAt(index);
        int d = c < 128 ? Character.digit(c, 16) : -1;
        if (d < 0) {
            throw new HexFormatException("bad hex character " + printable(c) + " at position " + index);
        }
        return d;
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
