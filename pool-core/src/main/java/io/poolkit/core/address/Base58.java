package io.poolkit.core.address;

import io.poolkit.core.address.AddressException.Reason;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.pow.Sha256d;
import java.util.Arrays;

/**
 * Base58 as Bitcoin uses it (alphabet without 0, O, I, l; leading zero bytes become leading '1's),
 * and Base58Check: payload followed by the first four bytes of its SHA256d.
 */
public final class Base58 {

    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    /** Longest input accepted by {@link #decode}: far beyond any address or key, short enough to bound the quadratic work. */
    public static final int MAX_ENCODED_LENGTH = 512;

    private Base58() {
    }

    public static String encode(byte[] input) {
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        // Repeated division of the big-endian number by 58; digits come out least significant first.
        byte[] number = Arrays.copyOf(input, input.length);
        char[] out = new char[input.length * 2];
        int outStart = out.length;
        for (int start = zeros; start < number.length; ) {
            int remainder = 0;
            for (int i = start; i < number.length; i++) {
                int value = (remainder << 8) | (number[i] & 0xff);
                number[i] = (byte) (value / 58);
                remainder = value % 58;
            }
            out[--outStart] = ALPHABET[remainder];
            while (start < number.length && number[start] == 0) {
                start++;
            }
        }
        for (int i = 0; i < zeros; i++) {
            out[--outStart] = ALPHABET[0];
        }
        return new String(out, outStart, out.length - outStart);
    }

    public static byte[] decode(String input) {
        if (input.length() > MAX_ENCODED_LENGTH) {
            throw new AddressException(Reason.BAD_LENGTH, "Base58 text is " + input.length()
                    + " characters, more than the " + MAX_ENCODED_LENGTH + " accepted");
        }
        byte[] digits = new byte[input.length()];
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new AddressException(Reason.BAD_CHARACTER, "bad Base58 character " + describe(c)
                        + " at position " + i + (c == '0' || c == 'O' || c == 'I' || c == 'l'
                        ? " (Base58 leaves out 0, O, I and l)" : ""));
            }
            digits[i] = (byte) digit;
        }
        int zeros = 0;
        while (zeros < digits.length && digits[zeros] == 0) {
            zeros++;
        }
        // Repeated division of the base-58 number by 256; bytes come out least significant first.
        byte[] out = new byte[digits.length];
        int outStart = out.length;
        for (int start = zeros; start < digits.length; ) {
            int remainder = 0;
            for (int i = start; i < digits.length; i++) {
                int value = remainder * 58 + digits[i];
                digits[i] = (byte) (value / 256);
                remainder = value % 256;
            }
            out[--outStart] = (byte) remainder;
            while (start < digits.length && digits[start] == 0) {
                start++;
            }
        }
        byte[] result = new byte[zeros + out.length - outStart];
        System.arraycopy(out, outStart, result, zeros, out.length - outStart);
        return result;
    }

    /** Base58 of {@code payload} followed by its 4-byte SHA256d checksum. */
    public static String encodeChecked(byte[] payload) {
        return encode(Bytes.concat(payload, checksum(payload)));
    }

    /** Decodes Base58Check and returns the payload without the checksum. */
    public static byte[] decodeChecked(String input) {
        byte[] raw = decode(input);
        if (raw.length < 4) {
            throw new AddressException(Reason.BAD_LENGTH, "Base58Check text decodes to " + raw.length
                    + " bytes, too short to hold a checksum");
        }
        byte[] payload = Arrays.copyOf(raw, raw.length - 4);
        byte[] expected = checksum(payload);
        if (!Arrays.equals(expected, 0, 4, raw, raw.length - 4, raw.length)) {
            throw new AddressException(Reason.BAD_CHECKSUM, "bad checksum in " + input
                    + " (a mistyped or altered address)");
        }
        return payload;
    }

    private static byte[] checksum(byte[] payload) {
        return Arrays.copyOf(Sha256d.hash(payload), 4);
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
