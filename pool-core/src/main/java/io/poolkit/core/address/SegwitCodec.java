package io.poolkit.core.address;

import io.poolkit.core.address.AddressException.Reason;
import java.util.Optional;
import org.bitcoinj.base.Bech32;
import org.bitcoinj.base.exceptions.AddressFormatException;

/**
 * Segwit address text (BIP173 Bech32 for witness version 0, BIP350 Bech32m for 1..16). The Bech32
 * checksum itself is bitcoinj's; the witness-program rules are applied here.
 */
final class SegwitCodec {

    /** BIP173's limit on the whole string. */
    private static final int MAX_LENGTH = 90;

    record Decoded(String hrp, int witnessVersion, byte[] program) {
    }

    private SegwitCodec() {
    }

    /**
     * The part before the last '1', lower-cased, if {@code text} could be Bech32 at all. Bech32 is never
     * mixed-case (BIP173), while Base58 addresses nearly always are: without this test a Base58 address
     * that happens to begin with a prefix and '1', such as bcoin regtest's {@code RB1...}, would be
     * taken for a segwit address and refused.
     */
    static Optional<String> humanReadablePart(String text) {
        int separator = text.lastIndexOf('1');
        if (separator < 1 || text.length() > MAX_LENGTH || isMixedCase(text)) {
            return Optional.empty();
        }
        return Optional.of(Addresses.lower(text.substring(0, separator)));
    }

    private static boolean isMixedCase(String text) {
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        return lower && upper;
    }

    static boolean isChecksumValid(String text) {
        try {
            Bech32.decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static Decoded decode(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new AddressException(Reason.BAD_LENGTH, "segwit address is " + text.length()
                    + " characters; at most " + MAX_LENGTH + " are allowed");
        }
        Bech32.Bech32Data data;
        try {
            data = Bech32.decode(text);
        } catch (AddressFormatException.InvalidCharacter e) {
            throw new AddressException(Reason.BAD_CHARACTER, "bad Bech32 character in " + Addresses.abbreviate(text)
                    + ": " + e.getMessage());
        } catch (AddressFormatException.InvalidChecksum e) {
            throw new AddressException(Reason.BAD_CHECKSUM, "bad checksum in " + Addresses.abbreviate(text)
                    + " (a mistyped or altered address)");
        } catch (IllegalArgumentException e) {
            throw new AddressException(Reason.BAD_WITNESS_PROGRAM, "not a valid Bech32 string: "
                    + Addresses.abbreviate(text) + " (" + e.getMessage() + ")");
        }
        byte[] fiveBit = data.bytes();
        if (fiveBit.length < 1) {
            throw new AddressException(Reason.BAD_WITNESS_PROGRAM, "segwit address has no witness version");
        }
        int version = fiveBit[0];
        if (version > 16) {
            throw new AddressException(Reason.BAD_WITNESS_PROGRAM, "witness version " + version + " is above 16");
        }
        Bech32.Encoding expected = version == 0 ? Bech32.Encoding.BECH32 : Bech32.Encoding.BECH32M;
        if (data.encoding != expected) {
            throw new AddressException(Reason.BAD_CHECKSUM, "witness version " + version + " must use "
                    + (version == 0 ? "Bech32 (BIP173)" : "Bech32m (BIP350)") + " but the checksum is "
                    + (data.encoding == Bech32.Encoding.BECH32 ? "Bech32" : "Bech32m"));
        }
        byte[] program = fromFiveBit(fiveBit);
        kindOf(version, program);
        return new Decoded(data.hrp, version, program);
    }

    static String encode(String hrp, int version, byte[] program) {
        kindOf(version, program);
        byte[] five = toFiveBit(program);
        byte[] withVersion = new byte[five.length + 1];
        withVersion[0] = (byte) version;
        System.arraycopy(five, 0, withVersion, 1, five.length);
        Bech32.Encoding encoding = version == 0 ? Bech32.Encoding.BECH32 : Bech32.Encoding.BECH32M;
        return Bech32.encode(encoding, hrp, new FiveBitData(withVersion));
    }

    /** Checks the BIP141 program rules and names the kind. */
    static AddressKind kindOf(int version, byte[] program) {
        if (version < 0 || version > 16) {
            throw new AddressException(Reason.BAD_WITNESS_PROGRAM, "witness version must be 0..16, got " + version);
        }
        if (program.length < 2 || program.length > 40) {
            throw new AddressException(Reason.BAD_LENGTH, "witness program must be 2 to 40 bytes, got " + program.length);
        }
        if (version == 0) {
            if (program.length == 20) {
                return AddressKind.P2WPKH;
            }
            if (program.length == 32) {
                return AddressKind.P2WSH;
            }
            throw new AddressException(Reason.BAD_LENGTH, "a version 0 witness program is 20 or 32 bytes, got "
                    + program.length);
        }
        return version == 1 && program.length == 32 ? AddressKind.P2TR : AddressKind.WITNESS_UNKNOWN;
    }

    /** 5-bit groups (after the version) to bytes; BIP173 forbids more than 4 bits of padding or non-zero padding. */
    private static byte[] fromFiveBit(byte[] fiveBit) {
        int bits = (fiveBit.length - 1) * 5;
        byte[] out = new byte[bits / 8];
        int accumulator = 0;
        int held = 0;
        int at = 0;
        for (int i = 1; i < fiveBit.length; i++) {
            accumulator = (accumulator << 5) | fiveBit[i];
            held += 5;
            if (held >= 8) {
                held -= 8;
                out[at++] = (byte) (accumulator >>> held);
            }
            accumulator &= (1 << held) - 1;
        }
        if (held > 4 || accumulator != 0) {
            throw new AddressException(Reason.BAD_WITNESS_PROGRAM, "witness program has invalid padding");
        }
        return out;
    }

    private static byte[] toFiveBit(byte[] bytes) {
        byte[] out = new byte[(bytes.length * 8 + 4) / 5];
        int accumulator = 0;
        int held = 0;
        int at = 0;
        for (byte b : bytes) {
            accumulator = (accumulator << 8) | (b & 0xff);
            held += 8;
            while (held >= 5) {
                held -= 5;
                out[at++] = (byte) ((accumulator >>> held) & 31);
            }
            accumulator &= (1 << held) - 1;
        }
        if (held > 0) {
            out[at] = (byte) ((accumulator << (5 - held)) & 31);
        }
        return out;
    }

    /** bitcoinj only takes 5-bit data through this type, whose constructor is protected. */
    private static final class FiveBitData extends Bech32.Bech32Bytes {
        FiveBitData(byte[] fiveBit) {
            super(fiveBit);
        }
    }
}
